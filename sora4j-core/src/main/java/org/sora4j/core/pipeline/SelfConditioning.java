package org.sora4j.core.pipeline;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDScope;
import org.sora4j.core.diffusion.RectifiedFlow;
import org.sora4j.core.text.TextEncoder;

/**
 * The memory of a self-conditioned denoiser through one sampling run: each call feeds the model
 * the clean latent it estimated at the call before ({@code x - t v}), so it refines its own guess
 * instead of starting over at every step. One instance per sampled batch; for a model without
 * self-conditioning it just calls the model.
 */
final class SelfConditioning implements AutoCloseable {
  private final Denoiser denoiser;
  private final boolean on;
  private NDArray estimate;

  SelfConditioning(Denoiser denoiser) {
    this.denoiser = denoiser;
    this.on = denoiser.config().transformer().selfCondition();
  }

  /** The velocity at {@code x} (B, C, T, H, W) and per-frame {@code time} (B, T), remembering its clean estimate. */
  NDArray velocity(NDArray x, NDArray time, TextEncoder.Output text) {
    if (!on) {
      return denoiser.velocity(x, time, text);
    }
    NDArray previous = estimate != null && estimate.getShape().equals(x.getShape()) ? estimate : null;
    NDArray v = denoiser.velocity(x, previous, time, text);
    NDArray next = x.sub(v.mul(RectifiedFlow.perFrame(time)));
    // the estimate outlives the sampler step's scope that created it; the one before is done with
    NDScope.unregister(next);
    close();
    estimate = next;
    return v;
  }

  @Override
  public void close() {
    if (estimate != null) {
      estimate.close();
      estimate = null;
    }
  }
}
