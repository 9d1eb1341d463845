package org.sora4j.core.vae;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import java.util.ArrayList;
import java.util.List;
import org.sora4j.core.video.Video;

/**
 * Mean and standard deviation of a VAE's latents over some clips, channel by channel: what the
 * diffusion model needs to see unit-variance latents (Stable Diffusion's scaling factor, measured
 * rather than guessed; per channel as in Wan's VAE, where channels differ several-fold in spread).
 *
 * @param means mean of each latent channel
 * @param stds standard deviation of each latent channel
 */
public record LatentStats(List<Double> means, List<Double> stds) {

  public LatentStats {
    means = List.copyOf(means);
    stds = List.copyOf(stds);
    if (means.size() != stds.size() || means.isEmpty()) {
      throw new IllegalArgumentException("need one mean and one deviation per channel");
    }
  }

  /** Encodes each clip (to its latent mean) and gathers each channel's statistics. */
  public static LatentStats measure(VideoVae vae, List<Video> clips, NDManager manager) {
    int channels = vae.config().latentChannels();
    double[] sums = new double[channels];
    double[] squares = new double[channels];
    long perChannel = 0;
    for (Video clip : clips) {
      vae.checkSize(clip.width(), clip.height());
      try (NDManager m = manager.newSubManager()) {
        NDArray x = vae.padFrames(VideoTensors.toTensor(m, clip));
        NDArray z = vae.encodeChunked(x, VideoVae.DEFAULT_CHUNK_LATENT_FRAMES);
        // (B, C, T, H, W) summed over all but C, in double to keep long sums exact enough
        float[] sum = z.sum(new int[] {0, 2, 3, 4}).toFloatArray();
        float[] square = z.square().sum(new int[] {0, 2, 3, 4}).toFloatArray();
        for (int c = 0; c < channels; c++) {
          sums[c] += sum[c];
          squares[c] += square[c];
        }
        perChannel += z.size() / channels;
      }
    }
    if (perChannel == 0) {
      throw new IllegalArgumentException("no clips to measure latent statistics on");
    }
    List<Double> means = new ArrayList<>();
    List<Double> stds = new ArrayList<>();
    for (int c = 0; c < channels; c++) {
      double mean = sums[c] / perChannel;
      means.add(mean);
      stds.add(Math.sqrt(Math.max(squares[c] / perChannel - mean * mean, 1e-12)));
    }
    return new LatentStats(means, stds);
  }

  /** Mean over all values of all channels (each channel holds as many values). */
  public double pooledMean() {
    return means.stream().mapToDouble(Double::doubleValue).average().orElseThrow();
  }

  /** Standard deviation over all values of all channels. */
  public double pooledStd() {
    double mean = pooledMean();
    double secondMoment = 0;
    for (int c = 0; c < means.size(); c++) {
      secondMoment += stds.get(c) * stds.get(c) + means.get(c) * means.get(c);
    }
    return Math.sqrt(Math.max(secondMoment / means.size() - mean * mean, 1e-12));
  }

  /**
   * The config with these statistics as its latent shift and scale (1/std): one per channel, or
   * pooled over all channels.
   */
  public VaeConfig applyTo(VaeConfig config, boolean perChannel) {
    if (perChannel) {
      return config.withLatentStats(stds.stream().map(s -> 1.0 / s).toList(), means);
    }
    return config.withLatentStats(List.of(1.0 / pooledStd()), List.of(pooledMean()));
  }
}
