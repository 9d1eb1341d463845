package org.sora4j.core.vae;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import java.util.ArrayList;
import java.util.List;
import org.sora4j.core.video.Video;

/** Conversions between {@link Video} and tensors of shape (1, 3, T, H, W) in [-1, 1]. */
public final class VideoTensors {
  private VideoTensors() {}

  /** A video as a (1, 3, T, H, W) float tensor in [-1, 1]. */
  public static NDArray toTensor(NDManager manager, Video video) {
    int w = video.width(), h = video.height(), t = video.frameCount();
    int plane = w * h;
    float[] data = new float[3 * t * plane];
    for (int f = 0; f < t; f++) {
      byte[] rgb = video.frame(f);
      for (int p = 0; p < plane; p++) {
        for (int c = 0; c < 3; c++) {
          data[(c * t + f) * plane + p] = (rgb[p * 3 + c] & 0xff) / 127.5f - 1f;
        }
      }
    }
    return manager.create(data, new Shape(1, 3, t, h, w));
  }

  /** A (1, 3, T, H, W) or (3, T, H, W) tensor in [-1, 1] as a video; values are clamped. */
  public static Video toVideo(NDArray x, double fps) {
    Shape s = x.getShape();
    int off = s.dimension() == 5 ? 1 : 0;
    int t = (int) s.get(off + 1), h = (int) s.get(off + 2), w = (int) s.get(off + 3);
    float[] data = x.toType(DataType.FLOAT32, false).toFloatArray();
    int plane = w * h;
    List<byte[]> frames = new ArrayList<>(t);
    for (int f = 0; f < t; f++) {
      byte[] rgb = new byte[plane * 3];
      for (int p = 0; p < plane; p++) {
        for (int c = 0; c < 3; c++) {
          float v = (data[(c * t + f) * plane + p] + 1f) * 127.5f;
          rgb[p * 3 + c] = (byte) Math.max(0, Math.min(255, Math.round(v)));
        }
      }
      frames.add(rgb);
    }
    return Video.of(w, h, fps, frames);
  }
}
