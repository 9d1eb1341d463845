package org.sora4j.world.sim;

import org.sora4j.world.scene.Rgb;

/**
 * The cinematic look applied to a whole frame: a contrast boost about mid-grey, then a vignette
 * that darkens towards the corners. Public so the judge can predict a graded color exactly.
 */
public final class CinematicGrade {
  /** Contrast gain about {@link #MID_GREY}. */
  public static final double CONTRAST = 1.25;

  /** The level the contrast boost pivots on. */
  public static final double MID_GREY = 128;

  /** Brightness factor at the frame's corners; 1 at the centre, falling off quadratically. */
  public static final double CORNER_BRIGHTNESS = 0.55;

  private CinematicGrade() {}

  /**
   * The vignette factor at a point of the frame.
   *
   * @param px horizontal pixel coordinate (pixel centres at {@code i + 0.5})
   * @param py vertical pixel coordinate
   */
  public static double vignette(double px, double py, int width, int height) {
    double dx = (px - width / 2.0) / (width / 2.0);
    double dy = (py - height / 2.0) / (height / 2.0);
    return 1 - (1 - CORNER_BRIGHTNESS) * (dx * dx + dy * dy) / 2;
  }

  /** One channel graded: contrast, clamped to 0..255, then the vignette factor. */
  public static double grade(double channel, double vignette) {
    double c = (channel - MID_GREY) * CONTRAST + MID_GREY;
    return Math.max(0, Math.min(255, c)) * vignette;
  }

  /** A color as it appears graded where the vignette factor is {@code vignette}. */
  public static Rgb grade(Rgb c, double vignette) {
    return new Rgb(
        (int) Math.round(grade(c.r(), vignette)),
        (int) Math.round(grade(c.g(), vignette)),
        (int) Math.round(grade(c.b(), vignette)));
  }

  /** The vignette factor of every pixel centre, row-major. */
  static float[] vignetteMap(int width, int height) {
    float[] map = new float[width * height];
    for (int y = 0; y < height; y++) {
      for (int x = 0; x < width; x++) {
        map[y * width + x] = (float) vignette(x + 0.5, y + 0.5, width, height);
      }
    }
    return map;
  }
}
