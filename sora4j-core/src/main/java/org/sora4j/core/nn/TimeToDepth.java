package org.sora4j.core.nn;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.Shape;

/**
 * Folds each run of {@code p} frames into channels and back, causally: the video's first frame
 * stands alone (it is repeated {@code p} times to fill its group), so a clip of {@code k*p+1}
 * frames folds to {@code k+1} frames and an image to one.
 *
 * <p>The frames of a group are not stacked as they are but mixed by the orthonormal Walsh-Hadamard
 * transform, as the Cosmos tokenizer mixes its input with a Haar wavelet: the first of the {@code p}
 * components is the group's mean and the others its changes, so a still background fills one
 * component and the layers after the fold learn it once, not once per frame (a plain stack
 * trained about 1 dB slower, BENCHMARKS.md). The transform is its own inverse.
 */
public final class TimeToDepth {
  private TimeToDepth() {}

  /**
   * (B, C, T, H, W) to (B, C*p, T', H, W), channel {@code c*p + k} holding component {@code k} of
   * colour {@code c}. A chunk of {@code k*p+1} frames starts the video (its first frame stands
   * alone); a chunk of {@code k*p} frames continues one.
   */
  public static NDArray fold(NDArray x, int p) {
    if (p == 1) {
      return x;
    }
    Shape s = x.getShape();
    long b = s.get(0), c = s.get(1), t = s.get(2), h = s.get(3), w = s.get(4);
    NDArray grouped = x;
    if (t % p == 1) {
      NDArray first = x.get(":, :, 0:1").repeat(2, p - 1);
      grouped = NDArrays.concat(new NDList(first, x), 2);
      t += p - 1;
    } else if (t % p != 0) {
      throw new IllegalArgumentException(t + " frames do not fold in runs of " + p + ": a video takes k*" + p
          + "+1 frames, a later chunk k*" + p);
    }
    NDArray frames = grouped.reshape(b, c, t / p, p, h, w).transpose(0, 1, 3, 2, 4, 5); // (B, C, p, T', H, W)
    return mix(frames, p).reshape(b, c * p, t / p, h, w);
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
    NDArray frames = mix(x.reshape(b, c, p, t, h, w), p)
        .transpose(0, 1, 3, 2, 4, 5)
        .reshape(b, c, t * p, h, w);
    return start ? frames.get(":, :, " + (p - 1) + ":") : frames;
  }

  /** The orthonormal Walsh-Hadamard transform along axis 2 of (B, C, p, T', H, W); its own inverse. */
  private static NDArray mix(NDArray x, int p) {
    NDArray matrix = x.getManager().create(hadamard(p), new Shape(p, p));
    Shape s = x.getShape();
    // (B, C, p, rest) with the p axis contracted against the matrix
    NDArray flat = x.reshape(s.get(0), s.get(1), p, -1);
    return matrix.matMul(flat).reshape(s);
  }

  /** Sylvester's construction, scaled by 1/sqrt(p) so the matrix is orthonormal (and symmetric). */
  static float[] hadamard(int p) {
    if (Integer.bitCount(p) != 1) {
      throw new IllegalArgumentException("the Walsh-Hadamard transform needs a power of 2, got " + p);
    }
    float[] m = new float[p * p];
    float scale = (float) (1 / Math.sqrt(p));
    for (int i = 0; i < p; i++) {
      for (int j = 0; j < p; j++) {
        m[i * p + j] = Integer.bitCount(i & j) % 2 == 0 ? scale : -scale;
      }
    }
    return m;
  }
}
