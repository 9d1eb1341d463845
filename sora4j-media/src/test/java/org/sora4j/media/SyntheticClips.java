package org.sora4j.media;

import java.util.ArrayList;
import java.util.List;
import org.sora4j.core.video.Video;

/** Small synthetic test clips: a drifting colour gradient with a moving disc. */
final class SyntheticClips {
  private SyntheticClips() {}

  /** A smooth gradient that drifts each frame, with a soft-edged disc moving across it. */
  static Video movingGradient(int width, int height, int frames, double fps) {
    List<byte[]> out = new ArrayList<>();
    for (int t = 0; t < frames; t++) {
      byte[] rgb = new byte[width * height * 3];
      double cx = width * (0.2 + 0.6 * t / Math.max(1, frames - 1));
      double cy = height * 0.5;
      double radius = Math.min(width, height) * 0.2;
      for (int y = 0; y < height; y++) {
        for (int x = 0; x < width; x++) {
          int i = (y * width + x) * 3;
          double r = 40 + 160.0 * x / width + 2 * t;
          double g = 30 + 180.0 * y / height;
          double b = 200 - 120.0 * (x + y) / (width + height);
          double d = Math.hypot(x - cx, y - cy);
          double inside = Math.max(0, Math.min(1, radius - d + 0.5)); // soft edge
          r = r * (1 - inside) + 230 * inside;
          g = g * (1 - inside) + 220 * inside;
          b = b * (1 - inside) + 40 * inside;
          rgb[i] = (byte) Math.round(r);
          rgb[i + 1] = (byte) Math.round(g);
          rgb[i + 2] = (byte) Math.round(b);
        }
      }
      out.add(rgb);
    }
    return Video.of(width, height, fps, out);
  }

  /** The top-left {@code width x height} corner of every frame. */
  static Video cropped(Video video, int width, int height) {
    List<byte[]> out = new ArrayList<>();
    for (int f = 0; f < video.frameCount(); f++) {
      byte[] src = video.frame(f);
      byte[] dst = new byte[width * height * 3];
      for (int y = 0; y < height; y++) {
        System.arraycopy(src, y * video.width() * 3, dst, y * width * 3, width * 3);
      }
      out.add(dst);
    }
    return Video.of(width, height, video.fps(), out);
  }

  /** Mean absolute difference per channel sample over all frames; sizes and counts must match. */
  static double meanAbsError(Video a, Video b) {
    if (a.width() != b.width() || a.height() != b.height() || a.frameCount() != b.frameCount()) {
      throw new IllegalArgumentException("cannot compare " + a + " with " + b);
    }
    long sum = 0;
    long count = 0;
    for (int f = 0; f < a.frameCount(); f++) {
      byte[] x = a.frame(f);
      byte[] y = b.frame(f);
      for (int i = 0; i < x.length; i++) {
        sum += Math.abs((x[i] & 0xff) - (y[i] & 0xff));
        count++;
      }
    }
    return (double) sum / count;
  }

  /** The largest per-frame mean absolute error, so one bad frame cannot hide in the average. */
  static double worstFrameError(Video a, Video b) {
    double worst = 0;
    for (int f = 0; f < a.frameCount(); f++) {
      worst = Math.max(worst, meanAbsError(a.slice(f, f + 1), b.slice(f, f + 1)));
    }
    return worst;
  }
}
