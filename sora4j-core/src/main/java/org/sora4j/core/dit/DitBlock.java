package org.sora4j.core.dit;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.Shape;
import org.sora4j.core.nn.Layer;
import org.sora4j.core.nn.LayerNorm;
import org.sora4j.core.nn.Linear;
import org.sora4j.core.nn.Mlp;
import org.sora4j.core.nn.MultiHeadAttention;
import org.sora4j.core.nn.Norms;
import org.sora4j.core.nn.ScaledDotProduct;
import org.sora4j.core.nn.Silu;

/**
 * One transformer block: self-attention over spacetime tokens (or within frames, then across
 * frames), cross-attention to the text, an MLP. The conditioning of each latent frame (its
 * timestep plus the pooled text) sets the shift, scale and gate of the self-attention and MLP
 * branches (adaLN-Zero); gates and the cross-attention output start at zero, so the block starts
 * as the identity.
 */
public final class DitBlock extends Layer {
  private final boolean factorised;
  private final MultiHeadAttention attention;
  private final MultiHeadAttention temporal;
  private final LayerNorm crossNorm;
  private final MultiHeadAttention cross;
  private final Mlp mlp;
  private final Linear modulation;

  public DitBlock(DitConfig config) {
    int d = config.width();
    factorised = config.factorised();
    attention = addChildBlock("attn", new MultiHeadAttention(d, d, config.heads()));
    temporal = factorised ? addChildBlock("attn_t", new MultiHeadAttention(d, d, config.heads())) : null;
    crossNorm = addChildBlock("cross_norm", new LayerNorm(d));
    cross = addChildBlock("cross", new MultiHeadAttention(d, config.textWidth(), config.heads()));
    cross.output().zeroInit();
    mlp = addChildBlock("mlp", new Mlp(d, (int) (d * config.mlpRatio())));
    modulation = addChildBlock("ada", new Linear(d, 6 * d).zeroInit());
  }

  /**
   * @param x tokens (B, N, D), frame-major
   * @param c conditioning per token frame (B, T', D)
   * @param grid the token grid
   * @param rope rotation of queries and keys for this grid
   * @param text text tokens (B, L, Dt)
   * @param textMask (B, L)
   * @return (B, N, D)
   */
  public NDArray forward(NDArray x, NDArray c, TokenGrid grid, Rope3d.Angles rope, NDArray text, NDArray textMask) {
    NDList mod = modulation.forward(Silu.apply(c)).split(6, 2); // 6 x (B, T', D)
    NDArray h = modulate(Norms.layerNorm(x), mod.get(0), mod.get(1), grid);
    x = x.add(gate(selfAttention(h, grid, rope), mod.get(2), grid));
    x = x.add(cross.forward(crossNorm.forward(x), text, textMask));
    h = modulate(Norms.layerNorm(x), mod.get(3), mod.get(4), grid);
    return x.add(gate(mlp.forward(h), mod.get(5), grid));
  }

  private NDArray selfAttention(NDArray h, TokenGrid grid, Rope3d.Angles rope) {
    NDArray[] qkv = attention.project(h, h, rope::rotate); // (B, H, N, d) each
    if (!factorised) {
      return attention.merge(ScaledDotProduct.attend(qkv[0], qkv[1], qkv[2], null));
    }
    // within each frame, then across frames at each position
    NDArray spatial = attention.merge(unframe(ScaledDotProduct.attend(
        frames(qkv[0], grid), frames(qkv[1], grid), frames(qkv[2], grid), null), grid));
    NDArray[] t = temporal.project(spatial, spatial, rope::rotate);
    return temporal.merge(unstack(ScaledDotProduct.attend(
        positions(t[0], grid), positions(t[1], grid), positions(t[2], grid), null), grid));
  }

  /** (B, H, T'S, d) to (B T', H, S, d). */
  private static NDArray frames(NDArray x, TokenGrid g) {
    Shape s = x.getShape();
    return x.reshape(s.get(0), s.get(1), g.frames(), g.tokensPerFrame(), s.get(3))
        .transpose(0, 2, 1, 3, 4)
        .reshape(s.get(0) * g.frames(), s.get(1), g.tokensPerFrame(), s.get(3));
  }

  /** Inverse of {@link #frames}. */
  private static NDArray unframe(NDArray x, TokenGrid g) {
    Shape s = x.getShape();
    long b = s.get(0) / g.frames();
    return x.reshape(b, g.frames(), s.get(1), g.tokensPerFrame(), s.get(3))
        .transpose(0, 2, 1, 3, 4)
        .reshape(b, s.get(1), g.tokens(), s.get(3));
  }

  /** (B, H, T'S, d) to (B S, H, T', d). */
  private static NDArray positions(NDArray x, TokenGrid g) {
    Shape s = x.getShape();
    return x.reshape(s.get(0), s.get(1), g.frames(), g.tokensPerFrame(), s.get(3))
        .transpose(0, 3, 1, 2, 4)
        .reshape(s.get(0) * g.tokensPerFrame(), s.get(1), g.frames(), s.get(3));
  }

  /** Inverse of {@link #positions}. */
  private static NDArray unstack(NDArray x, TokenGrid g) {
    Shape s = x.getShape();
    long b = s.get(0) / g.tokensPerFrame();
    return x.reshape(b, g.tokensPerFrame(), s.get(1), g.frames(), s.get(3))
        .transpose(0, 2, 3, 1, 4)
        .reshape(b, s.get(1), g.tokens(), s.get(3));
  }

  /** x (1 + scale) + shift, with per-frame shift and scale (B, T', D) spread over each frame's tokens. */
  static NDArray modulate(NDArray x, NDArray shift, NDArray scale, TokenGrid g) {
    Shape s = x.getShape();
    NDArray framed = x.reshape(s.get(0), g.frames(), g.tokensPerFrame(), s.get(2));
    return framed.mul(scale.expandDims(2).add(1)).add(shift.expandDims(2)).reshape(s);
  }

  /** x * gate with a per-frame gate (B, T', D). */
  static NDArray gate(NDArray x, NDArray gate, TokenGrid g) {
    Shape s = x.getShape();
    return x.reshape(s.get(0), g.frames(), g.tokensPerFrame(), s.get(2)).mul(gate.expandDims(2)).reshape(s);
  }
}
