package org.sora4j.core.metrics;

import org.sora4j.core.video.Video;

/**
 * Reconstruction metrics between a reference video and a test video of the same size and length.
 * Hand-written: each is a few lines over the frames, and no Java library computes them on video.
 */
public final class VideoMetrics {
  private static final int SSIM_WINDOW = 7;
  /** A pixel moves when a channel changes by more than this many levels from the frame before. */
  public static final int MOVING_LEVELS = 32;

  private VideoMetrics() {}

  /** Peak signal-to-noise ratio in dB over all frames, pixels and channels (capped at 100). */
  public static double psnr(Video reference, Video test) {
    checkComparable(reference, test);
    double mse = 0;
    long n = 0;
    for (int f = 0; f < reference.frameCount(); f++) {
      byte[] a = reference.frame(f), b = test.frame(f);
      for (int i = 0; i < a.length; i++) {
        double d = (a[i] & 0xff) - (b[i] & 0xff);
        mse += d * d;
      }
      n += a.length;
    }
    mse /= n;
    return mse == 0 ? 100 : Math.min(100, 10 * Math.log10(255.0 * 255.0 / mse));
  }

  /**
   * PSNR over the pixels where the reference moves: those of frames after the first whose value
   * changes by more than {@value #MOVING_LEVELS} levels in some channel from the frame before. A
   * fast object is a few percent of a clip's pixels, so the whole clip's PSNR hardly notices when
   * it is smeared; this does. NaN when nothing in the reference moves.
   */
  public static double movingPsnr(Video reference, Video test) {
    return psnrWhere(reference, test, true);
  }

  /**
   * PSNR over the other pixels of frames after the first: what the whole clip's PSNR would be if
   * everything that moves were reconstructed perfectly. NaN when everything moves.
   */
  public static double stillPsnr(Video reference, Video test) {
    return psnrWhere(reference, test, false);
  }

  private static double psnrWhere(Video reference, Video test, boolean moving) {
    checkComparable(reference, test);
    double mse = 0;
    long n = 0;
    for (int f = 1; f < reference.frameCount(); f++) {
      byte[] before = reference.frame(f - 1), a = reference.frame(f), b = test.frame(f);
      for (int i = 0; i < a.length; i += 3) {
        if (moves(before, a, i) != moving) {
          continue;
        }
        for (int c = i; c < i + 3; c++) {
          double d = (a[c] & 0xff) - (b[c] & 0xff);
          mse += d * d;
        }
        n += 3;
      }
    }
    if (n == 0) {
      return Double.NaN;
    }
    mse /= n;
    return mse == 0 ? 100 : Math.min(100, 10 * Math.log10(255.0 * 255.0 / mse));
  }

  private static boolean moves(byte[] before, byte[] after, int pixel) {
    for (int c = pixel; c < pixel + 3; c++) {
      if (Math.abs((after[c] & 0xff) - (before[c] & 0xff)) > MOVING_LEVELS) {
        return true;
      }
    }
    return false;
  }

  /**
   * Structural similarity, mean over frames, channels and {@value #SSIM_WINDOW}-pixel square
   * windows (uniform weights, the constants of Wang et al. 2004).
   */
  public static double ssim(Video reference, Video test) {
    checkComparable(reference, test);
    int w = reference.width(), h = reference.height(), win = Math.min(SSIM_WINDOW, Math.min(w, h));
    double c1 = Math.pow(0.01 * 255, 2), c2 = Math.pow(0.03 * 255, 2);
    double total = 0;
    long count = 0;
    for (int f = 0; f < reference.frameCount(); f++) {
      byte[] a = reference.frame(f), b = test.frame(f);
      for (int c = 0; c < 3; c++) {
        for (int y0 = 0; y0 + win <= h; y0++) {
          for (int x0 = 0; x0 + win <= w; x0++) {
            double sa = 0, sb = 0, saa = 0, sbb = 0, sab = 0;
            for (int y = y0; y < y0 + win; y++) {
              for (int x = x0; x < x0 + win; x++) {
                int i = (y * w + x) * 3 + c;
                double va = a[i] & 0xff, vb = b[i] & 0xff;
                sa += va;
                sb += vb;
                saa += va * va;
                sbb += vb * vb;
                sab += va * vb;
              }
            }
            double n = win * win;
            double ma = sa / n, mb = sb / n;
            double va = saa / n - ma * ma, vb = sbb / n - mb * mb, cov = sab / n - ma * mb;
            total += ((2 * ma * mb + c1) * (2 * cov + c2)) / ((ma * ma + mb * mb + c1) * (va + vb + c2));
            count++;
          }
        }
      }
    }
    return total / count;
  }

  /**
   * Temporal flicker: mean absolute error, in 0..255 units, of frame-to-frame differences of the
   * test video against those of the reference. A per-frame codec that is right on average but
   * jitters between frames scores badly here even at a good PSNR. 0 for 1-frame videos.
   */
  public static double flicker(Video reference, Video test) {
    checkComparable(reference, test);
    if (reference.frameCount() < 2) {
      return 0;
    }
    double sum = 0;
    long n = 0;
    byte[] prevA = reference.frame(0), prevB = test.frame(0);
    for (int f = 1; f < reference.frameCount(); f++) {
      byte[] a = reference.frame(f), b = test.frame(f);
      for (int i = 0; i < a.length; i++) {
        int da = (a[i] & 0xff) - (prevA[i] & 0xff);
        int db = (b[i] & 0xff) - (prevB[i] & 0xff);
        sum += Math.abs(da - db);
      }
      n += a.length;
      prevA = a;
      prevB = b;
    }
    return sum / n;
  }

  private static void checkComparable(Video a, Video b) {
    if (a.width() != b.width() || a.height() != b.height() || a.frameCount() != b.frameCount()) {
      throw new IllegalArgumentException("cannot compare " + a + " with " + b
          + ": size and frame count must match");
    }
  }
}
