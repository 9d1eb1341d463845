package org.sora4j.core.diffusion;

/** The grid of times a sampler walks, from 1 (noise) to 0 (data). */
public final class FlowSchedule {
  private FlowSchedule() {}

  /** {@code steps + 1} times, uniform in unshifted time, then shifted like training times. */
  public static double[] times(int steps, double shift) {
    if (steps < 1) {
      throw new IllegalArgumentException("steps must be at least 1, got " + steps);
    }
    double[] times = new double[steps + 1];
    for (int i = 0; i <= steps; i++) {
      times[i] = RectifiedFlow.shift(1.0 - (double) i / steps, shift);
    }
    return times;
  }
}
