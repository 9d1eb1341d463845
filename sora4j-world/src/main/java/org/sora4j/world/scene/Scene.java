package org.sora4j.world.scene;

import java.util.List;
import java.util.Objects;

/**
 * A fully specified scene: 1 to 3 objects and one value for every other attribute. The simulator
 * renders it; the captioner describes it; the judge checks a video against it.
 */
public record Scene(
    List<ObjectSpec> objects,
    Motion motion,
    Environment environment,
    TimeOfDay time,
    Lighting lighting,
    CameraMove camera,
    Speed speed) {

  public static final int MAX_OBJECTS = 3;

  public Scene {
    objects = List.copyOf(objects);
    if (objects.isEmpty() || objects.size() > MAX_OBJECTS) {
      throw new IllegalArgumentException("a scene has 1 to " + MAX_OBJECTS + " objects, got " + objects.size());
    }
    for (ObjectSpec o : objects) {
      if (!o.complete()) {
        throw new IllegalArgumentException("every object in a scene needs color, shape and size: " + o);
      }
    }
    Objects.requireNonNull(motion, "motion");
    Objects.requireNonNull(environment, "environment");
    Objects.requireNonNull(time, "time");
    Objects.requireNonNull(lighting, "lighting");
    Objects.requireNonNull(camera, "camera");
    Objects.requireNonNull(speed, "speed");
    if (motion == Motion.COLLIDE && objects.size() != 2) {
      throw new IllegalArgumentException("a collision needs exactly 2 objects, got " + objects.size());
    }
  }

  /** This scene as a spec in which everything is asked for. */
  public SceneSpec toSpec() {
    return new SceneSpec(objects.size(), objects, motion, environment, time, lighting, camera, speed);
  }
}
