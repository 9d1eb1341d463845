package org.sora4j.core.dit;

/**
 * Shape of the diffusion transformer.
 *
 * @param latentChannels channels of the VAE latent it denoises
 * @param patchT latent frames per spacetime patch
 * @param patchH latent rows per patch
 * @param patchW latent columns per patch
 * @param width token width
 * @param depth number of blocks
 * @param heads attention heads
 * @param mlpRatio hidden width of the MLP over the token width
 * @param textWidth width of the text encoder's token embeddings
 * @param factorised attend within each frame and then across frames, instead of over all tokens
 * @param ropeTheta base of the rotary frequencies; positions are latent coordinates
 * @param selfCondition the model also takes its own previous estimate of the clean latent as
 *     input (self-conditioning, Chen et al. 2022); absent in older configs, which means false
 */
public record DitConfig(
    int latentChannels,
    int patchT,
    int patchH,
    int patchW,
    int width,
    int depth,
    int heads,
    double mlpRatio,
    int textWidth,
    boolean factorised,
    double ropeTheta,
    Boolean selfCondition) {

  public DitConfig {
    selfCondition = selfCondition != null && selfCondition;
    if (width % heads != 0 || (width / heads) % 2 != 0) {
      throw new IllegalArgumentException("width " + width + " must split into " + heads + " heads of even size");
    }
    if (patchT < 1 || patchH < 1 || patchW < 1 || depth < 1) {
      throw new IllegalArgumentException("patch sizes and depth must be positive");
    }
  }

  /** The same model over patches of {@code side x side} latent cells (one latent frame deep as before). */
  public DitConfig withSpatialPatch(int side) {
    return new DitConfig(latentChannels, patchT, side, side, width, depth, heads, mlpRatio, textWidth,
        factorised, ropeTheta, selfCondition);
  }

  /** The same model with {@code blocks} transformer blocks. */
  public DitConfig withDepth(int blocks) {
    return new DitConfig(latentChannels, patchT, patchH, patchW, width, blocks, heads, mlpRatio, textWidth,
        factorised, ropeTheta, selfCondition);
  }

  /** The same model with or without the self-conditioning input. */
  public DitConfig withSelfCondition(boolean on) {
    return new DitConfig(latentChannels, patchT, patchH, patchW, width, depth, heads, mlpRatio, textWidth,
        factorised, ropeTheta, on);
  }

  /** A tiny model for tests. */
  public static DitConfig tiny(int latentChannels, int textWidth) {
    return new DitConfig(latentChannels, 1, 2, 2, 32, 2, 2, 2.0, textWidth, false, 100.0, false);
  }

  /** Values in one patch, the token's output width. */
  public int patchValues() {
    return latentChannels * patchT * patchH * patchW;
  }

  /** The token's input width: a patch of the noisy latent, and with self-conditioning one of the estimate too. */
  public int inputValues() {
    return selfCondition ? 2 * patchValues() : patchValues();
  }

  /** Tokens of a latent of shape (B, C, T, H, W): frames and sides rounded up to whole patches. */
  public int tokens(ai.djl.ndarray.types.Shape latent) {
    long t = (latent.get(2) + patchT - 1) / patchT;
    long h = (latent.get(3) + patchH - 1) / patchH;
    long w = (latent.get(4) + patchW - 1) / patchW;
    return (int) (t * h * w);
  }

  /** Width of each attention head. */
  public int headDim() {
    return width / heads;
  }
}
