package org.sora4j.core.vae;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import java.util.List;
import org.sora4j.core.video.Video;

/**
 * Mean and standard deviation of a VAE's latents over some clips: what the diffusion model needs
 * to see unit-variance latents (Stable Diffusion's scaling factor, measured rather than guessed).
 *
 * @param mean mean over all latent values
 * @param std standard deviation over all latent values
 */
public record LatentStats(double mean, double std) {

  /** Encodes each clip (to its latent mean) and pools the statistics of all values. */
  public static LatentStats measure(VideoVae vae, List<Video> clips, NDManager manager) {
    double sum = 0;
    double squares = 0;
    long count = 0;
    for (Video clip : clips) {
      vae.checkSize(clip.width(), clip.height());
      try (NDManager m = manager.newSubManager()) {
        NDArray x = vae.padFrames(VideoTensors.toTensor(m, clip));
        NDArray z = vae.encodeChunked(x, VideoVae.DEFAULT_CHUNK_LATENT_FRAMES);
        sum += z.sum().getFloat();
        squares += z.square().sum().getFloat();
        count += z.size();
      }
    }
    if (count == 0) {
      throw new IllegalArgumentException("no clips to measure latent statistics on");
    }
    double mean = sum / count;
    double variance = Math.max(squares / count - mean * mean, 1e-12);
    return new LatentStats(mean, Math.sqrt(variance));
  }

  /** The config with {@code latentShift = mean} and {@code latentScale = 1/std}. */
  public VaeConfig applyTo(VaeConfig config) {
    return config.withLatentStats(1.0 / std, mean);
  }
}
