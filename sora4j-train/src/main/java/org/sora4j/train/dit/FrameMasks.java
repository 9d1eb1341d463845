package org.sora4j.train.dit;

import java.util.SplittableRandom;

/**
 * Which latent frames a training example holds clean, the conditions the model learns to
 * generate around: none (text to video), the first frame (image to video, extension forward),
 * the last (extension backward), the first or last k (continuing a clip), or random frames
 * (connecting, in-betweening).
 */
public final class FrameMasks {
  private FrameMasks() {}

  /** A mask for {@code frames} latent frames; at least one frame is always left to generate. */
  public static boolean[] draw(SplittableRandom rng, int frames) {
    boolean[] clean = new boolean[frames];
    if (frames < 2) {
      return clean;
    }
    double u = rng.nextDouble();
    if (u < 0.5) {
      return clean;
    } else if (u < 0.7) {
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
