package org.sora4j.core.text;

import ai.djl.ndarray.NDArray;
import org.sora4j.core.nn.LayerNorm;
import org.sora4j.core.nn.Layer;
import org.sora4j.core.nn.Mlp;
import org.sora4j.core.nn.MultiHeadAttention;

/** A pre-norm transformer block over text tokens: masked self-attention, then an MLP. */
public final class TextBlock extends Layer {
  private final LayerNorm norm1;
  private final MultiHeadAttention attention;
  private final LayerNorm norm2;
  private final Mlp mlp;

  public TextBlock(int width, int heads) {
    norm1 = addChildBlock("norm1", new LayerNorm(width));
    attention = addChildBlock("attn", new MultiHeadAttention(width, width, heads));
    norm2 = addChildBlock("norm2", new LayerNorm(width));
    mlp = addChildBlock("mlp", new Mlp(width, 4 * width));
  }

  /** x (B, L, D) with key mask (B, L) to (B, L, D). */
  public NDArray forward(NDArray x, NDArray mask) {
    NDArray h = norm1.forward(x);
    x = x.add(attention.forward(h, h, mask));
    return x.add(mlp.forward(norm2.forward(x)));
  }
}
