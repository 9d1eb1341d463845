package org.sora4j.core.nn;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.Shape;

/**
 * Folds each run of {@code p} frames into channels and back, causally: the video's first frame
 * stands alone (it is repeated {@code p} times to fill its group), so a clip of {@code k*p+1}
 * frames folds to {@code k+1} frames and an image to one. Every later group holds {@code p}
 * consecutive frames, each in channels of its own, so the layers after the fold see each frame's
 * pixels apart instead of a blend. Frames are stacked as they are: mixing them first by a
 * Walsh-Hadamard transform (as the Cosmos tokenizer mixes its input by a Haar wavelet) trained
 * slower here (BENCHMARKS.md, "Frames folded into channels").
 */
public final class TimeToDepth {
  private TimeToDepth() {}

  /**
   * (B, C, T, H, W) to (B, C*p, T', H, W), the inverse of {@link #unfold}. With {@code start} the
   * chunk begins the video and takes {@code k*p+1} frames (its first frame stands alone); otherwise
   * it continues one and takes {@code k*p}.
   */
  public static NDArray fold(NDArray x, int p, boolean start) {
    if (p == 1) {
      return x;
    }
    Shape s = x.getShape();
    long b = s.get(0), c = s.get(1), t = s.get(2), h = s.get(3), w = s.get(4);
    if (t % p != (start ? 1 : 0)) {
      throw new IllegalArgumentException(t + " frames do not fold in runs of " + p + ": a video's first chunk"
          + " takes k*" + p + "+1 frames, a later chunk k*" + p);
    }
    NDArray grouped = x;
    if (start) {
      NDArray first = x.get(":, :, 0:1").repeat(2, p - 1);
      grouped = NDArrays.concat(new NDList(first, x), 2);
      t += p - 1;
    }
    return grouped.reshape(b, c, t / p, p, h, w)
        .transpose(0, 1, 3, 2, 4, 5)
        .reshape(b, c * p, t / p, h, w);
  }

  /**
   * (B, C*p, T', H, W) to (B, C, T, H, W), the inverse of {@link #fold}: with {@code start} the
   * first group's repeated frames are dropped, so T = (T'-1)*p + 1; otherwise T = T'*p.
   */
  public static NDArray unfold(NDArray x, int p, boolean start) {
    if (p == 1) {
      return x;
    }
    Shape s = x.getShape();
    long b = s.get(0), cp = s.get(1), t = s.get(2), h = s.get(3), w = s.get(4);
    long c = cp / p;
    NDArray frames = x.reshape(b, c, p, t, h, w)
        .transpose(0, 1, 3, 2, 4, 5)
        .reshape(b, c, t * p, h, w);
    return start ? frames.get(":, :, " + (p - 1) + ":") : frames;
  }
}
