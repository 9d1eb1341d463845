package org.sora4j.core.nn;

import ai.djl.ndarray.NDArray;

/** Softmax attention, written out because RoPE, key masks and factorised layouts live here. */
public final class ScaledDotProduct {
  private static final float MASKED = -1e9f;

  private ScaledDotProduct() {}

  /**
   * @param q (B, H, N, d)
   * @param k (B, H, M, d)
   * @param v (B, H, M, d)
   * @param keyMask (B, M) with 1 for keys to attend to and 0 for padding, or null
   * @return (B, H, N, d)
   */
  public static NDArray attend(NDArray q, NDArray k, NDArray v, NDArray keyMask) {
    long d = q.getShape().get(3);
    NDArray scores = q.matMul(k.transpose(0, 1, 3, 2)).div(Math.sqrt(d)); // (B, H, N, M)
    if (keyMask != null) {
      long b = keyMask.getShape().get(0);
      long m = keyMask.getShape().get(1);
      NDArray penalty = keyMask.toType(scores.getDataType(), false).neg().add(1).mul(MASKED);
      scores = scores.add(penalty.reshape(b, 1, 1, m));
    }
    return scores.softmax(3).matMul(v);
  }
}
