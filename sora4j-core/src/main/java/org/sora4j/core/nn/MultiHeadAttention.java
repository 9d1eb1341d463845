package org.sora4j.core.nn;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.Shape;
import java.util.function.UnaryOperator;

/**
 * Multi-head attention from a sequence to a context (itself, for self-attention), with RMS-normed
 * queries and keys (QK norm keeps attention logits bounded as training goes on).
 */
public final class MultiHeadAttention extends Layer {
  private final int heads;
  private final Linear toQ;
  private final Linear toK;
  private final Linear toV;
  private final Linear out;
  private final RmsNorm normQ;
  private final RmsNorm normK;

  /**
   * @param dim width of the sequence
   * @param contextDim width of the context
   * @param heads attention heads; {@code dim} must divide by it
   */
  public MultiHeadAttention(int dim, int contextDim, int heads) {
    if (dim % heads != 0) {
      throw new IllegalArgumentException(dim + " channels do not split into " + heads + " heads");
    }
    this.heads = heads;
    toQ = addChildBlock("q", new Linear(dim, dim));
    toK = addChildBlock("k", new Linear(contextDim, dim));
    toV = addChildBlock("v", new Linear(contextDim, dim));
    out = addChildBlock("out", new Linear(dim, dim));
    normQ = addChildBlock("norm_q", new RmsNorm(dim / heads));
    normK = addChildBlock("norm_k", new RmsNorm(dim / heads));
  }

  /** The output projection, so an owner can zero it and make its residual branch start as identity. */
  public Linear output() {
    return out;
  }

  /**
   * Queries and keys, split into heads, normed and positioned.
   *
   * @param rotate applied to queries and keys in (B, H, N, d) layout (RoPE), or identity
   * @return q (B, H, N, d), k (B, H, M, d), v (B, H, M, d)
   */
  public NDArray[] project(NDArray x, NDArray context, UnaryOperator<NDArray> rotate) {
    NDArray q = rotate.apply(normQ.forward(split(toQ.forward(x))));
    NDArray k = rotate.apply(normK.forward(split(toK.forward(context))));
    NDArray v = split(toV.forward(context));
    return new NDArray[] {q, k, v};
  }

  /** Merges heads (B, H, N, d) back to (B, N, D) and applies the output projection. */
  public NDArray merge(NDArray heads) {
    Shape s = heads.getShape();
    return out.forward(heads.transpose(0, 2, 1, 3).reshape(s.get(0), s.get(2), s.get(1) * s.get(3)));
  }

  /**
   * Plain attention of every position to every context position.
   *
   * @param x (B, N, dim)
   * @param context (B, M, contextDim)
   * @param keyMask (B, M) or null
   * @return (B, N, dim)
   */
  public NDArray forward(NDArray x, NDArray context, NDArray keyMask) {
    NDArray[] qkv = project(x, context, UnaryOperator.identity());
    return merge(ScaledDotProduct.attend(qkv[0], qkv[1], qkv[2], keyMask));
  }

  /** (B, N, D) to (B, H, N, D/H). */
  private NDArray split(NDArray x) {
    Shape s = x.getShape();
    return x.reshape(s.get(0), s.get(1), heads, s.get(2) / heads).transpose(0, 2, 1, 3);
  }
}
