package org.sora4j.world.judge;

import java.util.ArrayList;
import java.util.List;
import org.sora4j.world.scene.Environment;
import org.sora4j.world.scene.Lighting;
import org.sora4j.world.scene.ObjectColor;
import org.sora4j.world.scene.Rgb;
import org.sora4j.world.scene.TimeOfDay;
import org.sora4j.world.scene.WorldLayout;
import org.sora4j.world.sim.CinematicGrade;

/**
 * One hypothesis about how a frame was lit and where it is: the colors the renderer would paint
 * for the background and for each object color, before the vignette (which depends on the pixel).
 */
record Look(Environment environment, TimeOfDay time, Lighting lighting, float[][] background, float[][] objects) {
  static final int BACKDROP = 0;
  static final int FLOOR = 1;
  static final int TEXTURE = 2;
  static final int WALL = 3;
  /** Backdrop and floor blended a quarter, half and three quarters: the row the floor line crosses. */
  static final int[] FLOOR_LINE = {4, 5, 6};

  /** Every environment x time of day x lighting. */
  static List<Look> all() {
    List<Look> out = new ArrayList<>();
    for (Environment e : Environment.values()) {
      for (TimeOfDay t : TimeOfDay.values()) {
        for (Lighting l : Lighting.values()) {
          out.add(of(e, t, l));
        }
      }
    }
    return out;
  }

  static Look of(Environment env, TimeOfDay time, Lighting lighting) {
    boolean graded = lighting == Lighting.CINEMATIC;
    float[] backdrop = color(time.tintBackground(env.backdrop()), graded);
    float[] floor = color(time.tintBackground(env.floor()), graded);
    float[][] bg = {
      backdrop,
      floor,
      color(time.tintBackground(env.texture()), graded),
      color(time.tintBackground(WorldLayout.WALL_COLOR), graded),
      mix(backdrop, floor, 0.25f),
      mix(backdrop, floor, 0.5f),
      mix(backdrop, floor, 0.75f),
    };
    ObjectColor[] colors = ObjectColor.values();
    float[][] objects = new float[colors.length][];
    for (int i = 0; i < colors.length; i++) {
      objects[i] = color(time.tintObject(colors[i].rgb()), graded);
    }
    return new Look(env, time, lighting, bg, objects);
  }

  /** The vignette factor at a pixel centre, 1 everywhere under normal lighting. */
  float[] vignetteMap(int width, int height) {
    float[] map = new float[width * height];
    for (int y = 0; y < height; y++) {
      for (int x = 0; x < width; x++) {
        map[y * width + x] = lighting == Lighting.CINEMATIC
            ? (float) CinematicGrade.vignette(x + 0.5, y + 0.5, width, height) : 1f;
      }
    }
    return map;
  }

  private static float[] mix(float[] a, float[] b, float t) {
    return new float[] {a[0] + (b[0] - a[0]) * t, a[1] + (b[1] - a[1]) * t, a[2] + (b[2] - a[2]) * t};
  }

  /** The color with the contrast part of the cinematic grade applied; the vignette is per pixel. */
  private static float[] color(Rgb c, boolean graded) {
    if (!graded) {
      return new float[] {c.r(), c.g(), c.b()};
    }
    return new float[] {contrast(c.r()), contrast(c.g()), contrast(c.b())};
  }

  private static float contrast(int channel) {
    return (float) CinematicGrade.grade(channel, 1.0);
  }

  @Override
  public String toString() {
    return environment.word() + ", " + time.word() + ", " + lighting.word();
  }
}
