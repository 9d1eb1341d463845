package org.sora4j.train.data;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.SplittableRandom;
import org.sora4j.core.video.Video;

/** Batches of random windows (a frame range and a square crop) cut from drawn clips. */
public final class RandomCrops {
  private RandomCrops() {}

  /**
   * A (batch, 3, frames, crop, crop) tensor in [-1, 1]. Clips shorter than {@code frames} repeat
   * their last frame; clips smaller than the crop are padded by repeating the edge.
   */
  public static NDArray batch(NDManager manager, ClipSource source, SplittableRandom rng, int batch,
      int frames, int crop) {
    float[] data = new float[batch * 3 * frames * crop * crop];
    for (int b = 0; b < batch; b++) {
      Video video;
      try {
        video = source.draw(rng, frames).video();
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      int start = rng.nextInt(Math.max(1, video.frameCount() - frames + 1));
      int x0 = rng.nextInt(Math.max(1, video.width() - crop + 1));
      int y0 = rng.nextInt(Math.max(1, video.height() - crop + 1));
      cut(video, start, x0, y0, frames, crop, data, b * 3 * frames * crop * crop);
    }
    return manager.create(data, new Shape(batch, 3, frames, crop, crop));
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
