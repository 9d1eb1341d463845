package org.sora4j.core.diffusion;

import ai.djl.ndarray.NDArray;

/** First-order steps: {@code x += (next - t) v(x, t)}. */
public record EulerSampler() implements FlowSampler {

  @Override
  public NDArray step(VelocityModel model, NDArray x, double t, double next, CleanFrames clean) {
    NDArray v = model.velocity(x, clean.times(x, x.getShape().get(0), t));
    return x.add(v.mul(next - t));
  }

  @Override
  public int evaluationsPerStep() {
    return 1;
  }
}
