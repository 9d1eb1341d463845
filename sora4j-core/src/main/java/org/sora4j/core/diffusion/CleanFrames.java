package org.sora4j.core.diffusion;

import ai.djl.ndarray.NDArray;

/**
 * Latent frames held clean during sampling: their time stays 0 and their values stay the given
 * ones, so the model generates the other frames around them (image-to-video, extension, loops,
 * connecting videos).
 *
 * @param values latent (B, C, T, H, W) holding the clean values at the fixed frames
 * @param fixed which latent frames are fixed, length T
 */
public record CleanFrames(NDArray values, boolean[] fixed) {

  /** No frames fixed: plain generation. */
  public static CleanFrames none(int frames) {
    return new CleanFrames(null, new boolean[frames]);
  }

  public CleanFrames {
    fixed = fixed.clone();
    if (values == null) {
      for (boolean f : fixed) {
        if (f) {
          throw new IllegalArgumentException("fixed frames need their values");
        }
      }
    } else if (values.getShape().get(2) != fixed.length) {
      throw new IllegalArgumentException("mask of " + fixed.length + " frames for a latent of "
          + values.getShape().get(2));
    }
  }

  /** Whether any frame is fixed. */
  public boolean any() {
    for (boolean f : fixed) {
      if (f) {
        return true;
      }
    }
    return false;
  }

  /** Per-frame times (B, T): {@code t} for free frames, 0 for fixed ones. */
  public NDArray times(NDArray like, long batch, double t) {
    float[] times = new float[(int) batch * fixed.length];
    for (int b = 0; b < batch; b++) {
      for (int i = 0; i < fixed.length; i++) {
        times[b * fixed.length + i] = fixed[i] ? 0f : (float) t;
      }
    }
    return like.getManager().create(times, new ai.djl.ndarray.types.Shape(batch, fixed.length));
  }

  /** x with its fixed frames replaced by the clean values. */
  public NDArray apply(NDArray x) {
    if (!any()) {
      return x;
    }
    NDArray keep = mask(x);
    return x.mul(keep.neg().add(1)).add(values.mul(keep));
  }

  /** (1, 1, T, 1, 1) with 1 at fixed frames. */
  private NDArray mask(NDArray like) {
    float[] m = new float[fixed.length];
    for (int i = 0; i < m.length; i++) {
      m[i] = fixed[i] ? 1f : 0f;
    }
    return like.getManager().create(m, new ai.djl.ndarray.types.Shape(1, 1, fixed.length, 1, 1));
  }
}
