package org.sora4j.world.judge;

import java.util.Arrays;

/**
 * The standard deviation of per-pixel noise, per channel (8-bit levels), from how far pixels
 * stray from the mean of their four neighbours: in flat areas that is noise alone, and edges are
 * too few to move the median. A generated video's grain would otherwise read as background
 * change, camera jitter or a poorly matching palette.
 */
final class NoiseLevel {
  private NoiseLevel() {}

  static double estimate(Pixels px) {
    int w = px.width();
    int h = px.height();
    if (w < 3 || h < 3) {
      return 0;
    }
    int frames = Math.min(3, px.count());
    double[] residuals = new double[frames * (w - 2) * (h - 2) * 3];
    int n = 0;
    for (int k = 0; k < frames; k++) {
      float[] rgb = px.frames().get(k * (px.count() - 1) / Math.max(1, frames - 1));
      for (int y = 1; y < h - 1; y++) {
        for (int x = 1; x < w - 1; x++) {
          int i = y * w + x;
          for (int c = 0; c < 3; c++) {
            double around = (rgb[3 * (i - 1) + c] + rgb[3 * (i + 1) + c] + rgb[3 * (i - w) + c] + rgb[3 * (i + w) + c]) / 4;
            residuals[n++] = Math.abs(rgb[3 * i + c] - around);
          }
        }
      }
    }
    Arrays.sort(residuals, 0, n);
    double mad = residuals[n / 2];
    // the median absolute value of N(0, 1.25 sigma^2) is 0.6745 * sqrt(1.25) sigma
    return mad / (0.6745 * Math.sqrt(1.25));
  }
}
