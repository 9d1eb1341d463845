package org.sora4j.train.data;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.SplittableRandom;
import org.sora4j.core.metrics.VideoMetrics;
import org.sora4j.core.video.Video;

/**
 * Batches of random windows (a frame range and a square crop) cut from drawn clips, optionally the
 * most moving of a few candidate windows per clip.
 */
public final class RandomCrops {
  private RandomCrops() {}

  /** A change of colour, in levels of 0-255, that counts a pixel as moving from one frame to the next. */
  static final int MOVING_LEVELS = VideoMetrics.MOVING_LEVELS;

  /**
   * A (batch, 3, frames, crop, crop) tensor in [-1, 1]. Clips shorter than {@code frames} repeat
   * their last frame; clips smaller than the crop are padded by repeating the edge.
   */
  public static NDArray batch(NDManager manager, ClipSource source, SplittableRandom rng, int batch,
      int frames, int crop) {
    return batch(manager, source, rng, batch, frames, crop, 1);
  }

  /**
   * As {@link #batch(NDManager, ClipSource, SplittableRandom, int, int, int)}, but each clip draws
   * {@code candidates} windows and keeps the one with the most moving pixels: a fast object covers
   * a few percent of a clip's pixels, so most random windows give the loss little of it to learn.
   * One candidate is the plain random window, drawn from the same random numbers.
   */
  public static NDArray batch(NDManager manager, ClipSource source, SplittableRandom rng, int batch,
      int frames, int crop, int candidates) {
    if (candidates < 1) {
      throw new IllegalArgumentException("candidate windows must be at least 1, got " + candidates);
    }
    float[] data = new float[batch * 3 * frames * crop * crop];
    for (int b = 0; b < batch; b++) {
      Video video;
      try {
        video = source.draw(rng, frames).video();
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      Window best = null;
      int bestMoving = -1;
      for (int k = 0; k < candidates; k++) {
        Window window = Window.draw(rng, video, frames, crop);
        int moving = candidates == 1 ? 0 : movingPixels(video, window, frames, crop);
        if (moving > bestMoving) {
          best = window;
          bestMoving = moving;
        }
      }
      cut(video, best.start(), best.x0(), best.y0(), frames, crop, data, b * 3 * frames * crop * crop);
    }
    return manager.create(data, new Shape(batch, 3, frames, crop, crop));
  }

  /** Where a window starts in time and space. */
  record Window(int start, int x0, int y0) {
    static Window draw(SplittableRandom rng, Video video, int frames, int crop) {
      int start = rng.nextInt(Math.max(1, video.frameCount() - frames + 1));
      int x0 = rng.nextInt(Math.max(1, video.width() - crop + 1));
      int y0 = rng.nextInt(Math.max(1, video.height() - crop + 1));
      return new Window(start, x0, y0);
    }
  }

  /** Pixel-steps inside the window whose colour changes by more than {@link #MOVING_LEVELS} in some channel. */
  static int movingPixels(Video video, Window window, int frames, int crop) {
    int last = Math.min(video.frameCount() - 1, window.start() + frames - 1);
    int yEnd = Math.min(video.height(), window.y0() + crop);
    int xEnd = Math.min(video.width(), window.x0() + crop);
    int moving = 0;
    for (int f = window.start() + 1; f <= last; f++) {
      for (int y = window.y0(); y < yEnd; y++) {
        for (int x = window.x0(); x < xEnd; x++) {
          for (int c = 0; c < 3; c++) {
            // sample() reads in place, where frame() would copy each frame once per candidate
            if (Math.abs(video.sample(f, x, y, c) - video.sample(f - 1, x, y, c)) > MOVING_LEVELS) {
              moving++;
              break;
            }
          }
        }
      }
    }
    return moving;
  }

  private static void cut(Video video, int start, int x0, int y0, int frames, int crop, float[] out, int offset) {
    int plane = crop * crop;
    for (int f = 0; f < frames; f++) {
      byte[] rgb = video.frame(Math.min(video.frameCount() - 1, start + f));
      for (int y = 0; y < crop; y++) {
        int sy = Math.min(video.height() - 1, y0 + y);
        for (int x = 0; x < crop; x++) {
          int sx = Math.min(video.width() - 1, x0 + x);
          int p = (sy * video.width() + sx) * 3;
          for (int c = 0; c < 3; c++) {
            out[offset + (c * frames + f) * plane + y * crop + x] = (rgb[p + c] & 0xff) / 127.5f - 1f;
          }
        }
      }
    }
  }
}
