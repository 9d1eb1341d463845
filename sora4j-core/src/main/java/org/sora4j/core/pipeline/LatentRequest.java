package org.sora4j.core.pipeline;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.Shape;
import org.sora4j.core.diffusion.CleanFrames;

/**
 * What one sampling run makes: a latent of {@code shape}, with some frames held clean (the
 * conditions of image-to-video, extension, connecting), optionally starting part-way from a
 * source latent (SDEdit).
 *
 * @param shape (1, C, T, H, W) in diffusion scale
 * @param clean frames held at given values; their time stays 0
 * @param start a source latent to noise to {@code startTime} and denoise, or null to start from noise
 * @param startTime the noise level the start latent is taken to, in [0, 1]; 1 when there is none
 */
public record LatentRequest(Shape shape, CleanFrames clean, NDArray start, double startTime) {
  public LatentRequest {
    if (clean.fixed().length != shape.get(2)) {
      throw new IllegalArgumentException("clean-frame mask of " + clean.fixed().length + " frames for a latent of "
          + shape.get(2));
    }
    if (!(startTime >= 0 && startTime <= 1)) {
      throw new IllegalArgumentException("strength must be between 0 and 1, got " + startTime);
    }
    if (start == null && startTime != 1) {
      throw new IllegalArgumentException("a start time below 1 needs a start latent");
    }
  }

  /** Plain generation from noise. */
  public static LatentRequest plain(Shape shape) {
    return new LatentRequest(shape, CleanFrames.none((int) shape.get(2)), null, 1);
  }

  /** Generation around fixed frames. */
  public static LatentRequest around(CleanFrames clean) {
    return new LatentRequest(clean.values().getShape(), clean, null, 1);
  }
}
