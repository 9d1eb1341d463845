package org.sora4j.core.diffusion;

import ai.djl.ndarray.NDArray;

/**
 * Euler steps that overshoot below the next time and add fresh noise back up to it (the
 * ancestral sampler of k-diffusion, on the rectified-flow path). At each step a share of the
 * sample is redrawn, so an early mistake can be undone later; {@code eta} 0 is plain Euler, 1
 * steps down to {@code next^2 / t} before renoising.
 *
 * @param eta how much of each step is renoised, 0 to 1
 * @param seed seeds the fresh noise of every step (with the step's time), so a seed means one video
 */
public record AncestralSampler(double eta, long seed) implements FlowSampler {

  public AncestralSampler {
    if (!(eta >= 0 && eta <= 1)) {
      throw new IllegalArgumentException("eta must be between 0 and 1, got " + eta);
    }
  }

  @Override
  public NDArray step(VelocityModel model, NDArray x, double t, double next, CleanFrames clean) {
    NDArray v = model.velocity(x, clean.times(x, x.getShape().get(0), t));
    if (next <= 0 || eta == 0) {
      return x.add(v.mul(next - t));
    }
    double down = next * (1 + (next / t - 1) * eta);
    NDArray lower = x.add(v.mul(down - t));
    // x_down = (1 - down) x0 + down e; scaling by (1 - next) / (1 - down) puts x0 where x_next has it, and
    // fresh noise tops the noise up to next
    double scale = (1 - next) / (1 - down);
    double fresh = Math.sqrt(Math.max(0, next * next - scale * scale * down * down));
    NDArray noise = SeededNoise.gaussian(x.getManager(), x.getShape(), seed ^ Double.doubleToLongBits(next));
    return lower.mul((float) scale).add(noise.mul((float) fresh));
  }

  @Override
  public FlowSampler withSeed(long newSeed) {
    return new AncestralSampler(eta, newSeed);
  }

  @Override
  public int evaluationsPerStep() {
    return 1;
  }
}
