package org.sora4j.server.media;

import java.util.ArrayList;
import java.util.List;
import org.sora4j.core.video.FrameSize;
import org.sora4j.core.video.Video;

/**
 * Resizes video to a size by "cover": scaled (bilinear) until it fills the target, then cropped
 * around the centre, so nothing is stretched when aspect ratios differ a little.
 */
public final class FrameScaler {
  private FrameScaler() {}

  /** The video at {@code target}; the same object if it already has that size. */
  public static Video cover(Video video, FrameSize target) {
    if (video.width() == target.width() && video.height() == target.height()) {
      return video;
    }
    double scale = Math.max(target.width() / (double) video.width(), target.height() / (double) video.height());
    // the crop window in source pixels, centred
    double cropW = target.width() / scale;
    double cropH = target.height() / scale;
    double x0 = (video.width() - cropW) / 2;
    double y0 = (video.height() - cropH) / 2;
    List<byte[]> frames = new ArrayList<>(video.frameCount());
    for (int i = 0; i < video.frameCount(); i++) {
      frames.add(resize(video.frame(i), video.width(), video.height(), x0, y0, 1 / scale, target));
    }
    return Video.of(target.width(), target.height(), video.fps(), frames);
  }

  private static byte[] resize(byte[] rgb, int w, int h, double x0, double y0, double step, FrameSize target) {
    int tw = target.width();
    int th = target.height();
    byte[] out = new byte[tw * th * 3];
    for (int y = 0; y < th; y++) {
      // pixel centres map to pixel centres
      double sy = clamp(y0 + (y + 0.5) * step - 0.5, h - 1);
      int y1 = (int) sy;
      int y2 = Math.min(y1 + 1, h - 1);
      double fy = sy - y1;
      for (int x = 0; x < tw; x++) {
        double sx = clamp(x0 + (x + 0.5) * step - 0.5, w - 1);
        int x1 = (int) sx;
        int x2 = Math.min(x1 + 1, w - 1);
        double fx = sx - x1;
        for (int c = 0; c < 3; c++) {
          double top = (rgb[(y1 * w + x1) * 3 + c] & 0xff) * (1 - fx) + (rgb[(y1 * w + x2) * 3 + c] & 0xff) * fx;
          double bottom = (rgb[(y2 * w + x1) * 3 + c] & 0xff) * (1 - fx) + (rgb[(y2 * w + x2) * 3 + c] & 0xff) * fx;
          out[(y * tw + x) * 3 + c] = (byte) Math.round(top * (1 - fy) + bottom * fy);
        }
      }
    }
    return out;
  }

  private static double clamp(double v, int max) {
    return Math.max(0, Math.min(max, v));
  }
}
