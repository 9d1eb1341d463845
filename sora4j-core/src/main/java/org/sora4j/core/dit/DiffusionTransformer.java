package org.sora4j.core.dit;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import java.util.ArrayList;
import java.util.List;
import org.sora4j.core.nn.Layer;
import org.sora4j.core.nn.Linear;

/**
 * The diffusion transformer: spacetime patches of a noisy latent in, the flow velocity out,
 * conditioned on a diffusion time per latent frame (so clean frames can serve as conditions) and
 * on text tokens through cross-attention and pooled into the modulation.
 */
public final class DiffusionTransformer extends Layer {
  private final DitConfig config;
  private final SpacetimePatcher patcher;
  private final Rope3d rope;
  private final Linear embed;
  private final TimestepEmbedder timeEmbed;
  private final Linear textPool;
  private final List<DitBlock> blocks = new ArrayList<>();
  private final FinalLayer finalLayer;

  public DiffusionTransformer(DitConfig config) {
    this.config = config;
    patcher = new SpacetimePatcher(config.patchT(), config.patchH(), config.patchW());
    rope = new Rope3d(config.headDim(), config.ropeTheta());
    embed = addChildBlock("patch_embed", new Linear(config.inputValues(), config.width()));
    timeEmbed = addChildBlock("t_embed", new TimestepEmbedder(config.width()));
    textPool = addChildBlock("text_pool", new Linear(config.textWidth(), config.width()));
    for (int i = 0; i < config.depth(); i++) {
      blocks.add(addChildBlock("block" + i, new DitBlock(config)));
    }
    finalLayer = addChildBlock("final", new FinalLayer(config));
  }

  public DitConfig config() {
    return config;
  }

  /** The linear map from a patch's values to its token. */
  public Linear patchEmbedding() {
    return embed;
  }

  /** The transformer blocks, first to last. */
  public List<DitBlock> blocks() {
    return List.copyOf(blocks);
  }

  /**
   * @param latent noisy latent (B, C, T, H, W)
   * @param time diffusion time of each latent frame (B, T), 0 = clean, 1 = pure noise
   * @param text text tokens (B, L, Dt)
   * @param textMask (B, L), 1 for real tokens
   * @return predicted velocity (B, C, T, H, W)
   */
  public NDArray forward(NDArray latent, NDArray time, NDArray text, NDArray textMask) {
    return forward(latent, null, time, text, textMask);
  }

  /**
   * As {@link #forward(NDArray, NDArray, NDArray, NDArray)}, with the model's previous estimate of
   * the clean latent beside the noisy one when it is self-conditioned.
   *
   * @param estimate the clean-latent estimate (B, C, T, H, W), or null for none yet (zeros); ignored
   *     by a model without self-conditioning
   */
  public NDArray forward(NDArray latent, NDArray estimate, NDArray time, NDArray text, NDArray textMask) {
    TokenGrid grid = patcher.grid(latent.getShape());
    NDManager manager = latent.getManager();
    Rope3d.Angles angles = rope.angles(manager, grid);
    NDArray input = latent;
    if (config.selfCondition()) {
      input = NDArrays.concat(new NDList(latent, estimate == null ? latent.zerosLike() : estimate), 1);
    }
    NDArray x = embed.forward(patcher.patchify(input)); // (B, N, D)
    NDArray frameTime = time.get(":, ::" + config.patchT()); // (B, T')
    NDArray c = timeEmbed.forward(frameTime).add(textPool.forward(pooled(text, textMask)).expandDims(1)); // (B, T', D)
    for (DitBlock block : blocks) {
      x = block.forward(x, c, grid, angles, text, textMask); // (B, N, D)
    }
    return patcher.unpatchify(finalLayer.forward(x, c, grid), grid); // (B, C, T, H, W)
  }

  /** Mean of the real text tokens: (B, L, Dt) to (B, Dt). */
  private static NDArray pooled(NDArray text, NDArray mask) {
    NDArray m = mask.toType(text.getDataType(), false).expandDims(2); // (B, L, 1)
    return text.mul(m).sum(new int[] {1}).div(m.sum(new int[] {1}).maximum(1));
  }
}
