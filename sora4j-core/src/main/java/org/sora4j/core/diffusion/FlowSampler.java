package org.sora4j.core.diffusion;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDScope;
import java.util.function.IntConsumer;

/**
 * Integrates the flow from noise (t = 1) to data (t = 0) over a grid of times. Knows nothing of
 * the network: it calls a {@link VelocityModel}.
 */
public sealed interface FlowSampler permits EulerSampler, HeunSampler, AncestralSampler {

  /** One step from time {@code t} to {@code next} (< t). */
  NDArray step(VelocityModel model, NDArray x, double t, double next, CleanFrames clean);

  /** Model evaluations per step, for progress and cost. */
  int evaluationsPerStep();

  /** This sampler with its own noise (if it draws any) seeded by {@code seed}; the generation's seed is passed here. */
  default FlowSampler withSeed(long seed) {
    return this;
  }

  /** The sampler called {@code name}: euler, heun or euler-a (ancestral, eta 1). */
  static FlowSampler named(String name) {
    return switch (name) {
      case "euler" -> new EulerSampler();
      case "heun" -> new HeunSampler();
      case "euler-a" -> new AncestralSampler(1.0, 0);
      default -> throw new IllegalArgumentException("unknown sampler '" + name + "': use euler, heun or euler-a");
    };
  }

  /**
   * Runs every step, keeping memory flat (each step's temporaries are closed).
   *
   * @param noise the starting latent (B, C, T, H, W) at t = 1
   * @param times from 1 down to 0, e.g. {@link FlowSchedule#times}
   * @param progress told the number of steps done after each step
   */
  default NDArray sample(VelocityModel model, NDArray noise, double[] times, CleanFrames clean, IntConsumer progress) {
    NDArray x = clean.apply(noise);
    for (int i = 0; i + 1 < times.length; i++) {
      try (NDScope scope = new NDScope()) {
        NDArray next = clean.apply(step(model, x, times[i], times[i + 1], clean));
        NDScope.unregister(next);
        if (x != noise) {
          x.close();
        }
        x = next;
      }
      progress.accept(i + 1);
    }
    return x;
  }
}
