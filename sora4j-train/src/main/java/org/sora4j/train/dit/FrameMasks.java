package org.sora4j.train.dit;

import java.util.SplittableRandom;

/**
 * Which latent frames a training example holds clean, the conditions the model learns to
 * generate around: none (text to video), the first frame (image to video, extension forward,
 * and the second pass of text to video, which draws the first frame as an image first), the last
 * (extension backward), the first or last k (continuing a clip), or random frames (connecting,
 * in-betweening).
 *
 * @param firstFrameShare the share of examples that hold the first latent frame alone clean, at
 *     least the {@value #MIX_FIRST_FRAME} of the base mix; the rest of the base mix keeps its
 *     proportions
 */
public record FrameMasks(double firstFrameShare) {
  /** The share of first-frame masks in the base mix. */
  public static final double MIX_FIRST_FRAME = 0.2;
  /** The base mix: half none, a fifth the first frame, the rest the other conditions. */
  public static final FrameMasks MIX = new FrameMasks(MIX_FIRST_FRAME);

  public FrameMasks {
    if (!(firstFrameShare >= MIX_FIRST_FRAME && firstFrameShare <= 1)) {
      throw new IllegalArgumentException("--first-frame-share must be between " + MIX_FIRST_FRAME
          + " (the base mix's) and 1, got " + firstFrameShare);
    }
  }

  /** A mask for {@code frames} latent frames; at least one frame is always left to generate. */
  public boolean[] draw(SplittableRandom rng, int frames) {
    boolean[] clean = new boolean[frames];
    if (frames < 2) {
      return clean;
    }
    // first frames on top of the base mix's, drawn only when asked so the base mix's draws stay as they were
    double extra = (firstFrameShare - MIX_FIRST_FRAME) / (1 - MIX_FIRST_FRAME);
    if (extra > 0 && rng.nextDouble() < extra) {
      clean[0] = true;
      return clean;
    }
    double u = rng.nextDouble();
    if (u < 0.5) {
      return clean;
    } else if (u < 0.5 + MIX_FIRST_FRAME) {
      clean[0] = true;
    } else if (u < 0.75) {
      clean[frames - 1] = true;
    } else if (u < 0.85) {
      int k = 1 + rng.nextInt(frames - 1);
      for (int i = 0; i < k; i++) {
        clean[i] = true;
      }
    } else if (u < 0.9) {
      int k = 1 + rng.nextInt(frames - 1);
      for (int i = frames - k; i < frames; i++) {
        clean[i] = true;
      }
    } else {
      for (int i = 0; i < frames; i++) {
        clean[i] = rng.nextDouble() < 0.5;
      }
      clean[rng.nextInt(frames)] = false;
    }
    return clean;
  }
}
