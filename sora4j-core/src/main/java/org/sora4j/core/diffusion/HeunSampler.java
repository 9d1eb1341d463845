package org.sora4j.core.diffusion;

import ai.djl.ndarray.NDArray;

/**
 * Second-order steps: an Euler prediction, then the average of the velocities at both ends. The
 * last step, which lands on t = 0, stays first order.
 */
public record HeunSampler() implements FlowSampler {

  @Override
  public NDArray step(VelocityModel model, NDArray x, double t, double next, CleanFrames clean) {
    long batch = x.getShape().get(0);
    NDArray v = model.velocity(x, clean.times(x, batch, t));
    NDArray predicted = clean.apply(x.add(v.mul(next - t)));
    if (next <= 0) {
      return predicted;
    }
    NDArray v2 = model.velocity(predicted, clean.times(x, batch, next));
    return x.add(v.add(v2).mul(0.5 * (next - t)));
  }

  @Override
  public int evaluationsPerStep() {
    return 2;
  }
}
