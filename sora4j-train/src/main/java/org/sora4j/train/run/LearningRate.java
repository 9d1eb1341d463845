package org.sora4j.train.run;

/** The learning-rate schedule both trainers use. */
public final class LearningRate {
  private LearningRate() {}

  /** Linear warm-up, flat, then linear decay over the last fifth of the run to 5% of the peak. */
  public static double warmupFlatDecay(double peak, long step, long steps, int warmupSteps) {
    double warm = Math.min(1.0, (step + 1.0) / Math.max(1, warmupSteps));
    double tail = Math.min(1.0, (steps - step) / Math.max(1.0, 0.2 * steps));
    return peak * warm * Math.max(0.05, tail);
  }
}
