package org.sora4j.core.dit;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;

/**
 * Rotary position encoding in three dimensions: each head's channel pairs are split between the
 * token's frame, row and column coordinates, and rotated by angles proportional to them. Attention
 * then depends on relative positions only, and any grid size works without a learned table.
 */
public final class Rope3d {
  private final int pairsT;
  private final int pairsH;
  private final int pairsW;
  private final double theta;

  /** Splits {@code headDim / 2} pairs: 3/8 each to rows and columns, the rest to frames. */
  public Rope3d(int headDim, double theta) {
    int pairs = headDim / 2;
    this.pairsH = pairs * 3 / 8;
    this.pairsW = pairs * 3 / 8;
    this.pairsT = pairs - pairsH - pairsW;
    this.theta = theta;
  }

  /** Rotation angles for every token of a grid, as cos and sin of shape (N, headDim/2). */
  public Angles angles(NDManager manager, TokenGrid grid) {
    int n = grid.tokens();
    int pairs = pairsT + pairsH + pairsW;
    float[] cos = new float[n * pairs];
    float[] sin = new float[n * pairs];
    int i = 0;
    for (int t = 0; t < grid.frames(); t++) {
      for (int h = 0; h < grid.rows(); h++) {
        for (int w = 0; w < grid.columns(); w++, i++) {
          int p = 0;
          p = fill(cos, sin, i * pairs + p, p, t, pairsT);
          p = fill(cos, sin, i * pairs + p, p, h, pairsH);
          fill(cos, sin, i * pairs + p, p, w, pairsW);
        }
      }
    }
    Shape shape = new Shape(n, pairs);
    return new Angles(manager.create(cos, shape), manager.create(sin, shape));
  }

  private int fill(float[] cos, float[] sin, int at, int p, int position, int count) {
    for (int j = 0; j < count; j++) {
      double angle = position * Math.pow(theta, -(double) j / count);
      cos[at + j] = (float) Math.cos(angle);
      sin[at + j] = (float) Math.sin(angle);
    }
    return p + count;
  }

  /** Cos and sin tables, (N, headDim/2) each. */
  public record Angles(NDArray cos, NDArray sin) {

    /** Rotates the channel pairs of x: (B, H, N, d) to the same shape. */
    public NDArray rotate(NDArray x) {
      Shape s = x.getShape();
      NDArray pairs = x.reshape(s.get(0), s.get(1), s.get(2), s.get(3) / 2, 2);
      NDList halves = pairs.split(2, 4);
      NDArray a = halves.get(0).squeeze(4); // (B, H, N, d/2)
      NDArray b = halves.get(1).squeeze(4);
      NDArray ra = a.mul(cos).sub(b.mul(sin));
      NDArray rb = a.mul(sin).add(b.mul(cos));
      return NDArrays.stack(new NDList(ra, rb), 4).reshape(s);
    }
  }
}
