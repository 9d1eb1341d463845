package org.sora4j.core.pipeline;

import java.util.List;
import org.sora4j.core.dit.DitConfig;
import org.sora4j.core.text.TextEncoderConfig;

/**
 * Shape of the denoiser: the text encoder, the diffusion transformer, and the tokenizer's
 * vocabulary they were trained with (saved together in one {@code config.json}).
 */
public record DenoiserConfig(TextEncoderConfig textEncoder, DitConfig transformer, List<String> vocabulary) {
  /** Side in pixels of the square a token of the shipped size covers. */
  public static final int PATCH_PIXELS = 8;

  public DenoiserConfig {
    vocabulary = List.copyOf(vocabulary);
    if (vocabulary.size() != textEncoder.vocabularySize()) {
      throw new IllegalArgumentException("vocabulary of " + vocabulary.size()
          + " words for a text encoder of " + textEncoder.vocabularySize());
    }
    if (transformer.textWidth() != textEncoder.width()) {
      throw new IllegalArgumentException("transformer expects text of width " + transformer.textWidth()
          + ", the text encoder gives " + textEncoder.width());
    }
  }

  /**
   * The shipped size: a 2-block text encoder of width 128 and 8 transformer blocks of width 256
   * over spacetime patches of one latent frame and 8x8 pixels (2x2 latent cells of a 4x VAE, one
   * cell of an 8x one), so a 2-second 64x64 clip is 320 tokens. Patches of 16x16 pixels train
   * about 4.7x faster per sample but score lower on motion, count and consistency (BENCHMARKS.md).
   */
  public static DenoiserConfig small(List<String> vocabulary, int latentChannels, int vaeSpatialFactor) {
    if (PATCH_PIXELS % vaeSpatialFactor != 0) {
      throw new IllegalArgumentException("VAE spatial factor " + vaeSpatialFactor + " does not divide " + PATCH_PIXELS);
    }
    int patch = PATCH_PIXELS / vaeSpatialFactor;
    TextEncoderConfig text = TextEncoderConfig.small(vocabulary.size());
    DitConfig dit = new DitConfig(latentChannels, 1, patch, patch, 256, 8, 4, 4.0, text.width(), false, 100.0, false);
    return new DenoiserConfig(text, dit, vocabulary);
  }

  /** The same denoiser over patches of {@code side x side} latent cells. */
  public DenoiserConfig withSpatialPatch(int side) {
    return new DenoiserConfig(textEncoder, transformer.withSpatialPatch(side), vocabulary);
  }

  /** The same denoiser with {@code blocks} transformer blocks. */
  public DenoiserConfig withDepth(int blocks) {
    return new DenoiserConfig(textEncoder, transformer.withDepth(blocks), vocabulary);
  }

  /** The same denoiser with or without the self-conditioning input. */
  public DenoiserConfig withSelfCondition(boolean on) {
    return new DenoiserConfig(textEncoder, transformer.withSelfCondition(on), vocabulary);
  }

  /** A tiny denoiser for tests. */
  public static DenoiserConfig tiny(List<String> vocabulary, int latentChannels) {
    TextEncoderConfig text = TextEncoderConfig.tiny(vocabulary.size());
    return new DenoiserConfig(text, DitConfig.tiny(latentChannels, text.width()), vocabulary);
  }
}
