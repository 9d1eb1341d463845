package org.sora4j.core.diffusion;

import ai.djl.ndarray.NDArray;
import java.util.SplittableRandom;

/**
 * Rectified flow: a straight path {@code x_t = (1 - t) x_0 + t noise} from data (t = 0) to noise
 * (t = 1); the model predicts the velocity {@code noise - x_0}. Times are drawn logit-normal and
 * shifted towards noise for larger token counts (SD3), where more noise is needed to hide the
 * same content.
 */
public final class RectifiedFlow {
  /** Token count at which the shift is 1; it grows with the square root of the ratio. */
  public static final int BASE_TOKENS = 64;

  private RectifiedFlow() {}

  /** The time shift for a latent of {@code tokens} tokens. */
  public static double shiftFor(int tokens) {
    return Math.max(1.0, Math.sqrt(tokens / (double) BASE_TOKENS));
  }

  /** Moves a time towards 1 (noise) by {@code shift}: {@code s t / (1 + (s - 1) t)}. */
  public static double shift(double t, double shift) {
    return shift * t / (1 + (shift - 1) * t);
  }

  /** A logit-normal time (mean 0, std 1), shifted. */
  public static double sampleTime(SplittableRandom rng, double shift) {
    double gaussian = gaussian(rng);
    return shift(1 / (1 + Math.exp(-gaussian)), shift);
  }

  /**
   * The noisy latent for per-frame times.
   *
   * @param clean x_0 (B, C, T, H, W)
   * @param noise same shape
   * @param time (B, T)
   */
  public static NDArray noisy(NDArray clean, NDArray noise, NDArray time) {
    NDArray t = perFrame(time);
    return clean.mul(t.neg().add(1)).add(noise.mul(t));
  }

  /** The velocity target {@code noise - x_0}. */
  public static NDArray velocity(NDArray clean, NDArray noise) {
    return noise.sub(clean);
  }

  /** (B, T) to (B, 1, T, 1, 1), to broadcast over a latent. */
  public static NDArray perFrame(NDArray time) {
    long b = time.getShape().get(0);
    long t = time.getShape().get(1);
    return time.reshape(b, 1, t, 1, 1);
  }

  private static double gaussian(SplittableRandom rng) {
    // Box-Muller from two uniforms, so the draw depends on the seeded generator alone
    double u1 = 1.0 - rng.nextDouble();
    double u2 = rng.nextDouble();
    return Math.sqrt(-2 * Math.log(u1)) * Math.cos(2 * Math.PI * u2);
  }
}
