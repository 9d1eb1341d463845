package org.sora4j.core.vae;

import com.fasterxml.jackson.annotation.JsonFormat;
import java.util.List;

/**
 * Shape of the spatiotemporal VAE.
 *
 * @param latentChannels channels of the latent (8 to 16)
 * @param channels channels at each resolution level, finest first; the frame is folded 2x2 into
 *     channels before the first level
 * @param spatialFactor total spatial compression (4 or 8)
 * @param temporalFactor total temporal compression (1, 2 or 4); clips of {@code k*factor+1} frames
 * @param temporalKernel frames each convolution sees (3; 1 makes a per-frame 2D VAE, the baseline)
 * @param groups groups of the per-frame group norms
 * @param blocksPerLevel residual blocks at each level
 * @param latentScale multiplies the centred latent so the diffusion model sees unit variance: one
 *     value for every channel, or one per channel (older configs hold a single number)
 * @param latentShift subtracted from the latent before scaling: one value, or one per channel
 * @param timeUpsampling how the decoder doubles the frame count; absent in older configs, which
 *     meant {@link TimeUpsampling#REPEAT}
 * @param decoderBlocksPerLevel residual blocks at each level of the decoder; absent in older
 *     configs, which meant one more than the encoder's {@code blocksPerLevel}
 * @param timePatch frames folded into channels before the encoder's first convolution and unfolded
 *     after the decoder's last (the first frame alone, see {@link org.sora4j.core.nn.TimeToDepth}),
 *     so each frame of a latent step keeps channels of its own; the levels compress time by the rest
 *     of {@code temporalFactor}. Absent in older configs, which meant 1
 */
public record VaeConfig(
    int latentChannels,
    List<Integer> channels,
    int spatialFactor,
    int temporalFactor,
    int temporalKernel,
    int groups,
    int blocksPerLevel,
    @JsonFormat(with = JsonFormat.Feature.ACCEPT_SINGLE_VALUE_AS_ARRAY) List<Double> latentScale,
    @JsonFormat(with = JsonFormat.Feature.ACCEPT_SINGLE_VALUE_AS_ARRAY) List<Double> latentShift,
    TimeUpsampling timeUpsampling,
    Integer decoderBlocksPerLevel,
    Integer timePatch,
    Boolean keyframeInput) {

  private static final List<Double> GLOBAL_SCALE = List.of(1.0);
  private static final List<Double> GLOBAL_SHIFT = List.of(0.0);

  /** How the decoder turns one frame of features into two. */
  public enum TimeUpsampling {
    /**
     * Copy each frame, then convolve: the two copies differ only by what the causal kernel sees of
     * the previous frame, so a moving object must be interpolated between latent frames.
     */
    REPEAT,
    /**
     * Convolve to twice the channels and unfold them into two frames (pixel shuffle in time):
     * each output frame has features of its own, so motion inside a latent step can be drawn.
     */
    DEPTH_TO_TIME
  }

  public VaeConfig {
    channels = List.copyOf(channels);
    latentScale = latentScale == null ? GLOBAL_SCALE : List.copyOf(latentScale);
    latentShift = latentShift == null ? GLOBAL_SHIFT : List.copyOf(latentShift);
    for (List<Double> stat : List.of(latentScale, latentShift)) {
      if (stat.size() != 1 && stat.size() != latentChannels) {
        throw new IllegalArgumentException("latent scale and shift need 1 or " + latentChannels
            + " values (one per latent channel), got " + stat.size());
      }
    }
    if (latentScale.stream().anyMatch(v -> !(v > 0) || v.isInfinite())) {
      throw new IllegalArgumentException("latent scale must be positive and finite, got " + latentScale);
    }
    timeUpsampling = timeUpsampling == null ? TimeUpsampling.REPEAT : timeUpsampling;
    decoderBlocksPerLevel = decoderBlocksPerLevel == null ? blocksPerLevel + 1 : decoderBlocksPerLevel;
    timePatch = timePatch == null ? 1 : timePatch;
    keyframeInput = keyframeInput != null && keyframeInput;
    if (Integer.bitCount(timePatch) != 1 || timePatch > temporalFactor) {
      throw new IllegalArgumentException("time patch " + timePatch + " must be a power of 2 no larger than the"
          + " temporal factor " + temporalFactor);
    }
    if (blocksPerLevel < 1 || decoderBlocksPerLevel < 1) {
      throw new IllegalArgumentException("the encoder and the decoder need at least 1 residual block per level, got "
          + blocksPerLevel + " and " + decoderBlocksPerLevel);
    }
    if (spatialFactor != 2 << spatialDownsamples(channels.size(), spatialFactor)) {
      throw new IllegalArgumentException(
          "spatial factor " + spatialFactor + " needs to be 2 x a power of 2 reachable with "
              + channels.size() + " levels");
    }
    if (Integer.bitCount(temporalFactor) != 1 || temporalFactor / timePatch > 1 << (channels.size() - 1)) {
      throw new IllegalArgumentException(
          "temporal factor " + temporalFactor + " must be a power of 2 reachable with "
              + channels.size() + " levels and a time patch of " + timePatch);
    }
    if (temporalKernel < 1 || (temporalKernel == 1 && temporalFactor != 1)) {
      throw new IllegalArgumentException("temporal kernel " + temporalKernel
          + " must be at least 1, and above 1 when frames are compressed in time");
    }
    for (int c : channels) {
      if (c % groups != 0) {
        throw new IllegalArgumentException(c + " channels do not split into " + groups + " groups");
      }
    }
  }

  /**
   * The shipped design: 4x in space, 4x in time, 8 latent channels, a depth-to-time decoder. The 8x
   * design below reached only 19 dB on held-out world clips within the CPU budget (BENCHMARKS.md),
   * so the shipped VAE compresses 4x in space and the transformer's patches (2x2 latent cells)
   * make up the rest.
   */
  public static VaeConfig base() {
    return new VaeConfig(8, List.of(64, 128, 128), 4, 4, 3, 16, 1, GLOBAL_SCALE, GLOBAL_SHIFT, TimeUpsampling.DEPTH_TO_TIME, null, null, null);
  }

  /** Half the temporal compression of {@link #base()}: 8 latent channels per 4x4x2 block of pixels. */
  public static VaeConfig time2() {
    return new VaeConfig(8, List.of(64, 128, 128), 4, 2, 3, 16, 1, GLOBAL_SCALE, GLOBAL_SHIFT, TimeUpsampling.REPEAT, null, null, null);
  }

  /** {@link #base()} with twice the latent channels: 16 per 4x4x4 block of pixels. */
  public static VaeConfig wide() {
    return new VaeConfig(16, List.of(64, 128, 128), 4, 4, 3, 16, 1, GLOBAL_SCALE, GLOBAL_SHIFT, TimeUpsampling.REPEAT, null, null, null);
  }

  /** The 8x-in-space variant: 16 latent channels per 8x8x4 block of pixels. */
  public static VaeConfig eightX() {
    return new VaeConfig(16, List.of(64, 128, 128), 8, 4, 3, 16, 1, GLOBAL_SCALE, GLOBAL_SHIFT, TimeUpsampling.REPEAT, null, null, null);
  }

  /**
   * The per-frame 2D baseline that {@link #base()} is measured against: the same latent values
   * per frame (2 channels per frame where the base has 8 per 4 frames), no temporal mixing,
   * widened to about the same parameter count.
   */
  public static VaeConfig perFrameBaseline() {
    return new VaeConfig(2, List.of(112, 224, 224), 4, 1, 1, 16, 1, GLOBAL_SCALE, GLOBAL_SHIFT, TimeUpsampling.REPEAT, null, null, null);
  }

  /**
   * {@link #base()} with each latent step's four frames folded into channels at the input (and
   * unfolded at the output) instead of compressed by strided convolutions: every convolution runs
   * at the latent's frame rate, and each frame keeps channels of its own up to the bottleneck, where
   * the base VAE blurs a moving object over its latent step. Two encoder blocks and three decoder
   * blocks a level, at about the base's cost a step. Trained from scratch on the same data it
   * learns a little slower than the base by step (BENCHMARKS.md, "Frames folded into channels");
   * not shipped.
   */
  public static VaeConfig folded() {
    return new VaeConfig(8, List.of(96, 128, 128), 4, 4, 3, 16, 2, GLOBAL_SCALE, GLOBAL_SHIFT, TimeUpsampling.DEPTH_TO_TIME, 3, 4, null);
  }

  /** A tiny model for tests. */
  public static VaeConfig tiny() {
    return new VaeConfig(8, List.of(16, 16, 16), 8, 4, 3, 4, 1, GLOBAL_SCALE, GLOBAL_SHIFT, TimeUpsampling.REPEAT, null, null, null);
  }

  /** Whether each latent channel is scaled and shifted on its own. */
  public boolean perChannelStats() {
    return latentScale.size() > 1 || latentShift.size() > 1;
  }

  /** The same model with the latent statistics measured after training (one value or one per channel). */
  public VaeConfig withLatentStats(List<Double> scale, List<Double> shift) {
    return new VaeConfig(latentChannels, channels, spatialFactor, temporalFactor, temporalKernel, groups,
        blocksPerLevel, scale, shift, timeUpsampling, decoderBlocksPerLevel, timePatch, keyframeInput);
  }

  /**
   * The same model with {@code count} latent channels and one global latent scale and shift: the
   * statistics belong to the old latent and are measured again once the new one is trained.
   */
  public VaeConfig withLatentChannels(int count) {
    if (count < 1) {
      throw new IllegalArgumentException("latent channels must be at least 1, got " + count);
    }
    return new VaeConfig(count, channels, spatialFactor, temporalFactor, temporalKernel, groups,
        blocksPerLevel, null, null, timeUpsampling, decoderBlocksPerLevel, timePatch, keyframeInput);
  }

  /** The same model with another way of doubling frames in the decoder. */
  public VaeConfig withTimeUpsampling(TimeUpsampling upsampling) {
    return new VaeConfig(latentChannels, channels, spatialFactor, temporalFactor, temporalKernel, groups,
        blocksPerLevel, latentScale, latentShift, upsampling, decoderBlocksPerLevel, timePatch, keyframeInput);
  }

  /**
   * The same model with {@code count} residual blocks at each level of the decoder: more decoder
   * depth at the same latent, so a denoiser trained on the latent stays valid.
   */
  public VaeConfig withDecoderBlocks(int count) {
    return new VaeConfig(latentChannels, channels, spatialFactor, temporalFactor, temporalKernel, groups,
        blocksPerLevel, latentScale, latentShift, timeUpsampling, count, timePatch, keyframeInput);
  }

  /**
   * The same model with or without the keyframe input: the decoder also sees the video's first
   * latent frame (encoded from the first frame alone, so the sharpest) beside every latent frame,
   * from which a still background can be drawn as well as in the first frame.
   */
  public VaeConfig withKeyframeInput(boolean keyframe) {
    return new VaeConfig(latentChannels, channels, spatialFactor, temporalFactor, temporalKernel, groups,
        blocksPerLevel, latentScale, latentShift, timeUpsampling, decoderBlocksPerLevel, timePatch, keyframe);
  }

  /** Whether the transition from level {@code i} to {@code i + 1} halves the frame size. */
  public boolean downsamplesSpace(int i) {
    return 4 << i <= spatialFactor;
  }

  /** Whether the transition from level {@code i} to {@code i + 1} halves the frame count. */
  public boolean downsamplesTime(int i) {
    return 2 << i <= temporalFactor / timePatch;
  }

  /** Latent frames for a clip of {@code frames} frames ({@code frames} of the form k*factor+1). */
  public int latentFrames(int frames) {
    return (frames - 1) / temporalFactor + 1;
  }

  /** Smallest valid frame count at or above {@code frames}. */
  public int validFrames(int frames) {
    int k = Math.max(0, (frames - 1 + temporalFactor - 1) / temporalFactor);
    return k * temporalFactor + 1;
  }

  private static int spatialDownsamples(int levels, int factor) {
    int n = 0;
    while (n < levels - 1 && 4 << n <= factor) {
      n++;
    }
    return n;
  }
}
