package org.sora4j.core.metrics;

import java.util.Arrays;
import org.sora4j.core.video.Video;

/**
 * How well a video loops: the step from its last frame back to its first against the steps
 * inside it, each the mean absolute pixel difference of two frames in 0..255 units. A seamless
 * loop's seam is no bigger than a step inside; a clip that simply restarts shows a jump.
 *
 * @param seam the step from the last frame to the first
 * @param medianStep the median step between consecutive frames
 * @param largestStep the largest step between consecutive frames
 */
public record LoopSeam(double seam, double medianStep, double largestStep) {

  /** Measures a video of at least 2 frames played in a loop. */
  public static LoopSeam of(Video video) {
    int n = video.frameCount();
    if (n < 2) {
      throw new IllegalArgumentException("a loop needs at least 2 frames, got " + n);
    }
    double[] steps = new double[n - 1];
    for (int f = 1; f < n; f++) {
      steps[f - 1] = step(video.frame(f - 1), video.frame(f));
    }
    double seam = step(video.frame(n - 1), video.frame(0));
    Arrays.sort(steps);
    double median = steps.length % 2 == 1 ? steps[steps.length / 2]
        : (steps[steps.length / 2 - 1] + steps[steps.length / 2]) / 2;
    return new LoopSeam(seam, median, steps[steps.length - 1]);
  }

  /** The seam against the median step: about 1 for a seamless loop; 0/0 (a still video) counts as 1. */
  public double ratio() {
    return medianStep == 0 ? (seam == 0 ? 1 : Double.POSITIVE_INFINITY) : seam / medianStep;
  }

  /** Whether the seam is no bigger than the largest step inside the video. */
  public boolean closes() {
    return seam <= largestStep;
  }

  private static double step(byte[] a, byte[] b) {
    long sum = 0;
    for (int i = 0; i < a.length; i++) {
      sum += Math.abs((a[i] & 0xff) - (b[i] & 0xff));
    }
    return sum / (double) a.length;
  }
}
