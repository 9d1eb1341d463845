package org.sora4j.world.scene;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * What a prompt asks for. Any attribute may be null, meaning the prompt left it open; {@link
 * #resolve(long)} fills the open ones from a seed. The judge scores only the attributes asked for.
 *
 * @param count number of objects asked for, or null
 * @param objects the objects described, each possibly partial; may be shorter than count
 */
public record SceneSpec(
    Integer count,
    List<ObjectSpec> objects,
    Motion motion,
    Environment environment,
    TimeOfDay time,
    Lighting lighting,
    CameraMove camera,
    Speed speed) {

  public SceneSpec {
    objects = objects == null ? List.of() : List.copyOf(objects);
    if (count != null && (count < 1 || count > Scene.MAX_OBJECTS)) {
      throw new IllegalArgumentException("a scene has 1 to " + Scene.MAX_OBJECTS + " objects, not " + count);
    }
  }

  /** A spec that asks for nothing: everything is drawn from the seed. */
  public static SceneSpec open() {
    return new SceneSpec(null, List.of(), null, null, null, null, null, null);
  }

  /**
   * Fills every open attribute from the seed. The same spec and seed always give the same scene;
   * what the spec asks for is kept.
   */
  public Scene resolve(long seed) {
    SplittableRandom rng = new SplittableRandom(seed);
    Motion m = motion != null ? motion : pick(rng, count == null || count == 2 ? Motion.values() : solo());
    int n;
    if (m == Motion.COLLIDE) {
      n = 2;
    } else if (count != null) {
      n = count;
    } else if (!objects.isEmpty()) {
      n = objects.size();
    } else {
      // single objects are the common case; most prompts name one thing
      double u = rng.nextDouble();
      n = u < 0.6 ? 1 : u < 0.9 ? 2 : 3;
    }
    List<ObjectSpec> resolved = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      // a prompt's single description ("three red balls") applies to every object
      ObjectSpec asked = objects.isEmpty() ? new ObjectSpec(null, null, null)
          : objects.get(Math.min(i, objects.size() - 1));
      if (i >= objects.size() && objects.size() > 1) {
        asked = new ObjectSpec(null, null, null);
      }
      resolved.add(new ObjectSpec(
          asked.color() != null ? asked.color() : pick(rng, ObjectColor.values()),
          asked.shape() != null ? asked.shape() : pick(rng, Shape.values()),
          asked.size() != null ? asked.size() : pick(rng, Size.values())));
    }
    return new Scene(
        resolved,
        m,
        environment != null ? environment : pick(rng, Environment.values()),
        time != null ? time : pick(rng, TimeOfDay.values()),
        lighting != null ? lighting : (rng.nextDouble() < 0.7 ? Lighting.NORMAL : Lighting.CINEMATIC),
        camera != null ? camera : (rng.nextDouble() < 0.6 ? CameraMove.STATIC : pick(rng, CameraMove.values())),
        speed != null ? speed : (rng.nextDouble() < 0.7 ? Speed.NORMAL : pick(rng, Speed.values())));
  }

  /** The motions that any number of objects can do: a collision needs exactly two. */
  private static Motion[] solo() {
    return java.util.Arrays.stream(Motion.values()).filter(m -> m != Motion.COLLIDE).toArray(Motion[]::new);
  }

  private static <T> T pick(SplittableRandom rng, T[] values) {
    return values[rng.nextInt(values.length)];
  }
}
