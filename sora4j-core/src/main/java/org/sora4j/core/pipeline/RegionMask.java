package org.sora4j.core.pipeline;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import org.sora4j.core.video.Video;

/**
 * The part of a video to regenerate, pixel by pixel and frame by frame; the rest is kept.
 *
 * @param width frame width
 * @param height frame height
 * @param frames frame count
 * @param regenerate one flag per pixel, frame-major then row-major
 */
public record RegionMask(int width, int height, int frames, boolean[] regenerate) {
  public RegionMask {
    if ((long) width * height * frames != regenerate.length) {
      throw new IllegalArgumentException("mask of " + regenerate.length + " flags for " + width + "x" + height + "x" + frames);
    }
    regenerate = regenerate.clone();
  }

  /**
   * A box in pixels over a span of frames.
   *
   * @param firstFrame first frame of the span (inclusive)
   * @param endFrame end of the span (exclusive)
   * @throws IllegalArgumentException if the box is empty or leaves the frame
   */
  public static RegionMask box(int width, int height, int frames, int x, int y, int w, int h, int firstFrame,
      int endFrame) {
    if (w <= 0 || h <= 0 || x < 0 || y < 0 || x + w > width || y + h > height) {
      throw new IllegalArgumentException("box " + x + "," + y + "," + w + "," + h + " is empty or leaves the "
          + width + "x" + height + " frame");
    }
    if (firstFrame < 0 || endFrame > frames || firstFrame >= endFrame) {
      throw new IllegalArgumentException("frames " + firstFrame + " to " + endFrame + " are not inside the video's "
          + frames + " frames");
    }
    boolean[] flags = new boolean[width * height * frames];
    for (int f = firstFrame; f < endFrame; f++) {
      for (int r = y; r < y + h; r++) {
        for (int c = x; c < x + w; c++) {
          flags[(f * height + r) * width + c] = true;
        }
      }
    }
    return new RegionMask(width, height, frames, flags);
  }

  /**
   * A mask read from an image or video: bright pixels (luma above half) are regenerated. A single
   * image applies to every frame.
   *
   * @throws IllegalArgumentException if its size differs from the video's or its frames are neither 1 nor the video's
   */
  public static RegionMask of(Video mask, Video video) {
    if (mask.width() != video.width() || mask.height() != video.height()) {
      throw new IllegalArgumentException("the mask is " + mask.width() + "x" + mask.height() + " but the video is "
          + video.width() + "x" + video.height());
    }
    if (mask.frameCount() != 1 && mask.frameCount() != video.frameCount()) {
      throw new IllegalArgumentException("the mask has " + mask.frameCount() + " frames; it needs 1 or the video's "
          + video.frameCount());
    }
    int w = video.width(), h = video.height();
    boolean[] flags = new boolean[w * h * video.frameCount()];
    for (int f = 0; f < video.frameCount(); f++) {
      byte[] rgb = mask.frame(Math.min(f, mask.frameCount() - 1));
      for (int p = 0; p < w * h; p++) {
        int luma = (299 * (rgb[3 * p] & 0xff) + 587 * (rgb[3 * p + 1] & 0xff) + 114 * (rgb[3 * p + 2] & 0xff)) / 1000;
        flags[f * w * h + p] = luma > 127;
      }
    }
    return new RegionMask(w, h, video.frameCount(), flags);
  }

  /** Whether pixel (x, y) of frame f is regenerated. */
  public boolean at(int f, int x, int y) {
    return regenerate[(f * height + y) * width + x];
  }

  /** Whether any pixel is regenerated. */
  public boolean any() {
    for (boolean b : regenerate) {
      if (b) {
        return true;
      }
    }
    return false;
  }

  /**
   * The mask at latent resolution, (1, 1, T, H/s, W/s) with 1 where the latent is regenerated: a
   * latent cell is regenerated if any pixel of any frame it covers is (the first latent frame
   * covers frame 0, each later one {@code temporal} frames).
   */
  public NDArray latent(NDManager manager, int latentFrames, int spatial, int temporal) {
    int lw = width / spatial, lh = height / spatial;
    float[] cells = new float[latentFrames * lh * lw];
    for (int f = 0; f < frames; f++) {
      int lt = f == 0 ? 0 : Math.min(latentFrames - 1, (f - 1) / temporal + 1);
      for (int y = 0; y < height; y++) {
        for (int x = 0; x < width; x++) {
          if (at(f, x, y)) {
            cells[(lt * lh + y / spatial) * lw + x / spatial] = 1f;
          }
        }
      }
    }
    return manager.create(cells, new Shape(1, 1, latentFrames, lh, lw));
  }

  /** Frames of {@code generated} inside the mask and of {@code source} outside it. */
  public Video composite(Video source, Video generated) {
    java.util.List<byte[]> frames = new java.util.ArrayList<>();
    for (int f = 0; f < frames(); f++) {
      byte[] out = source.frame(f).clone();
      byte[] gen = generated.frame(f);
      for (int p = 0; p < width * height; p++) {
        if (regenerate[f * width * height + p]) {
          out[3 * p] = gen[3 * p];
          out[3 * p + 1] = gen[3 * p + 1];
          out[3 * p + 2] = gen[3 * p + 2];
        }
      }
      frames.add(out);
    }
    return Video.of(width, height, source.fps(), frames);
  }
}
