package org.sora4j.train.dit;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.Shape;

/**
 * Loss weights per latent position that count what moves several times over. In world clips the
 * objects fill a few percent of the frame, so a plain mean squared error spends the denoiser on
 * still skies and floors, and little on the moving objects whose shape, path and persistence the
 * judge scores. A position counts as moving where the clean latent changes from the latent frame
 * before or after it by more than encoder jitter: 90 % of positions of world clips change by less
 * than 0.25 (mean over channels, in unit-variance latent units) and a moving object by 0.4 to 1.
 */
public final class MotionWeights {
  /** Channel-mean change below which a position counts as still (encoder jitter, slow drift). */
  static final double STILL = 0.1;
  /** Further change over which the weight ramps up to its full strength. */
  static final double RAMP = 0.3;

  private MotionWeights() {}

  /**
   * Weights {@code 1 + strength * m}, with m in [0, 1] how much a position moves.
   *
   * @param x0 clean latents (B, C, T, H, W) in the denoiser's units
   * @return (B, 1, T, H, W); ones for a single frame or strength 0
   */
  public static NDArray of(NDArray x0, double strength) {
    Shape s = x0.getShape();
    long frames = s.get(2);
    if (frames < 2 || strength == 0) {
      return x0.getManager().ones(new Shape(s.get(0), 1, frames, s.get(3), s.get(4)));
    }
    // d[f]: change between latent frames f and f + 1, (B, 1, T - 1, H, W)
    NDArray d = x0.get(":, :, 1:").sub(x0.get(":, :, :-1")).abs().mean(new int[] {1}, true);
    NDArray before = d.get(":, :, :1").concat(d, 2); // frame f's change from f - 1 (frame 0: to 1)
    NDArray after = d.concat(d.get(":, :, -1:"), 2); // frame f's change to f + 1 (last: from before)
    NDArray moving = before.maximum(after).sub(STILL).div(RAMP).clip(0, 1);
    return moving.mul(strength).add(1);
  }
}
