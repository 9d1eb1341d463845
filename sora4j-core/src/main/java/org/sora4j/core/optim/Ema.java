package org.sora4j.core.optim;

import ai.djl.ndarray.NDArray;
import ai.djl.nn.Parameter;
import ai.djl.util.Pair;
import ai.djl.util.PairList;

/**
 * Exponential moving average of a model's weights, kept in a second model of the same shape
 * (the one that samples and ships: it is smoother than the last step's weights).
 */
public final class Ema {
  private final double decay;

  /** @param decay the long-run decay, e.g. 0.999 */
  public Ema(double decay) {
    if (!(decay >= 0 && decay < 1)) {
      throw new IllegalArgumentException("EMA decay must be in [0, 1), got " + decay);
    }
    this.decay = decay;
  }

  /** The decay at a step: warms up as (1 + step) / (10 + step) so early weights fade fast. */
  public double decayAt(long step) {
    return Math.min(decay, (1.0 + step) / (10.0 + step));
  }

  /** average = d * average + (1 - d) * model, parameter by parameter. */
  public void update(PairList<String, Parameter> average, PairList<String, Parameter> model, long step) {
    double d = decayAt(step);
    for (int i = 0; i < model.size(); i++) {
      Pair<String, Parameter> p = model.get(i);
      NDArray target = average.get(i).getValue().getArray();
      if (!average.get(i).getKey().equals(p.getKey())) {
        throw new IllegalArgumentException("EMA model differs at " + p.getKey());
      }
      try (NDArray scaled = p.getValue().getArray().mul((float) (1 - d))) {
        target.muli((float) d).addi(scaled);
      }
    }
  }

  /** Copies the model's weights into the average (at the start of a run). */
  public static void copy(PairList<String, Parameter> from, PairList<String, Parameter> to) {
    for (int i = 0; i < from.size(); i++) {
      to.get(i).getValue().getArray().set(from.get(i).getValue().getArray().toFloatArray());
    }
  }
}
