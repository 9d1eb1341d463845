package org.sora4j.core.text;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.ndarray.types.SparseFormat;
import ai.djl.nn.Parameter;
import ai.djl.nn.core.Embedding;
import ai.djl.training.initializer.NormalInitializer;
import java.util.ArrayList;
import java.util.List;
import org.sora4j.core.nn.LayerNorm;
import org.sora4j.core.nn.Layer;

/**
 * A small transformer that turns token ids into per-token embeddings and a mask, trained jointly
 * with the diffusion model. Token 0 ({@code [pad]}) is masked out; an all-padding text (the
 * dropped caption of classifier-free guidance) keeps its first position so attention has a key.
 */
public final class TextEncoder extends Layer {
  private final TextEncoderConfig config;
  private final Parameter tokens;
  private final Parameter positions;
  private final List<TextBlock> blocks = new ArrayList<>();
  private final LayerNorm normOut;

  public TextEncoder(TextEncoderConfig config) {
    this.config = config;
    tokens = param("tokens", new Shape(config.vocabularySize(), config.width()), new NormalInitializer(0.02f));
    positions = param("positions", new Shape(config.maxTokens(), config.width()), new NormalInitializer(0.02f));
    for (int i = 0; i < config.depth(); i++) {
      blocks.add(addChildBlock("block" + i, new TextBlock(config.width(), config.heads())));
    }
    normOut = addChildBlock("norm_out", new LayerNorm(config.width()));
  }

  public TextEncoderConfig config() {
    return config;
  }

  /** Embeddings and mask of a batch of token ids. */
  public record Output(NDArray embeddings, NDArray mask) {}

  /**
   * @param ids (B, L) token ids, L at most maxTokens
   * @return embeddings (B, L, D) and mask (B, L) with 1 for real tokens
   */
  public Output forward(NDArray ids) {
    long length = ids.getShape().get(1);
    NDArray mask = ids.neq(WordTokenizer.PAD_ID).toType(ai.djl.ndarray.types.DataType.FLOAT32, false);
    // an empty text keeps one key, the padding at position 0, so no attention row is all -inf
    mask = mask.get(":, 0:1").maximum(mask.sum(new int[] {1}, true).eq(0).toType(mask.getDataType(), false))
        .concat(mask.get(":, 1:"), 1);
    NDArray x = Embedding.embedding(ids, tokens.getArray(), SparseFormat.DENSE).singletonOrThrow()
        .add(positions.getArray().get("0:" + length)); // (B, L, D)
    for (TextBlock block : blocks) {
      x = block.forward(x, mask);
    }
    return new Output(normOut.forward(x), mask);
  }

  /** Token ids of texts as a (B, maxTokens) array on {@code manager}. */
  public NDArray ids(NDManager manager, WordTokenizer tokenizer, List<String> texts) {
    int length = config.maxTokens();
    int[] all = new int[texts.size() * length];
    for (int i = 0; i < texts.size(); i++) {
      System.arraycopy(tokenizer.encode(texts.get(i), length), 0, all, i * length, length);
    }
    return manager.create(all, new Shape(texts.size(), length));
  }
}
