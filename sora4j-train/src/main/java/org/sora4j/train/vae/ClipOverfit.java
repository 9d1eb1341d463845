package org.sora4j.train.vae;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.NDScope;
import ai.djl.training.GradientCollector;
import org.sora4j.core.metrics.VideoMetrics;
import org.sora4j.core.optim.AdamW;
import org.sora4j.core.vae.VideoTensors;
import org.sora4j.core.vae.VideoVae;
import org.sora4j.core.video.Video;

/**
 * A capacity probe: trains a VAE on one clip alone and reports how close it gets. What a VAE cannot
 * draw even after fitting the very clip (a fast object's position inside a latent step, say) is
 * a limit of its design, not of its training data or loss.
 */
public final class ClipOverfit {
  private ClipOverfit() {}

  /**
   * @param steps Adam steps on the clip
   * @param learningRate constant learning rate
   * @param decoderOnly train the decoder alone, from the frozen encoder's latent
   * @param reportEvery steps between reports of the clip's PSNR
   */
  public record Options(int steps, double learningRate, boolean decoderOnly, int reportEvery) {
    public Options {
      if (steps < 1) {
        throw new IllegalArgumentException("--steps must be at least 1, got " + steps);
      }
      if (!(learningRate > 0)) {
        throw new IllegalArgumentException("--lr must be positive, got " + learningRate);
      }
      if (reportEvery < 1) {
        throw new IllegalArgumentException("report interval must be at least 1, got " + reportEvery);
      }
    }
  }

  /** Hears the clip's PSNR as training goes. */
  public interface Listener {
    void reached(int step, double psnr);
  }

  /**
   * Trains {@code vae} in place on {@code clip} (L1 on the reconstruction from the latent mean: the
   * probe asks what the networks can represent, so sampling noise is left out).
   *
   * @return the clip's reconstruction after the last step
   */
  public static Video run(VideoVae vae, Video clip, Options options, NDManager manager, Listener listener) {
    vae.checkSize(clip.width(), clip.height());
    AdamW optimizer = new AdamW(manager, 0.9, 0.99, 1e-8, 0.0);
    try (NDManager m = manager.newSubManager()) {
      NDArray x = vae.padFrames(VideoTensors.toTensor(m, clip));
      NDArray frozen = options.decoderOnly() ? vae.encode(x).mean() : null;
      listener.reached(0, VideoMetrics.psnr(clip, vae.reconstruct(clip, m)));
      for (int step = 1; step <= options.steps(); step++) {
        try (NDScope scope = new NDScope()) {
          scope.suppressNotUsedWarning();
          try (GradientCollector gc = Engine.getInstance().newGradientCollector()) {
            NDArray y = vae.decode(frozen != null ? frozen : vae.encode(x).mean());
            gc.backward(y.sub(x).abs().mean());
          }
          optimizer.update(options.decoderOnly() ? vae.decoderParameters() : vae.getParameters(), options.learningRate(), 1.0);
        }
        if (step % options.reportEvery() == 0 || step == options.steps()) {
          listener.reached(step, VideoMetrics.psnr(clip, vae.reconstruct(clip, m)));
        }
      }
      return vae.reconstruct(clip, manager);
    }
  }
}
