package org.sora4j.core.pipeline;

import java.util.List;
import org.sora4j.core.dit.DitConfig;
import org.sora4j.core.text.TextEncoderConfig;

/**
 * Shape of the denoiser: the text encoder, the diffusion transformer, and the tokenizer's
 * vocabulary they were trained with (saved together in one {@code config.json}).
 */
public record DenoiserConfig(TextEncoderConfig textEncoder, DitConfig transformer, List<String> vocabulary) {

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
   * over spacetime patches of one latent frame and 16x16 pixels (4x4 latent cells of a 4x VAE, 2x2
   * of an 8x one), so a 2-second 64x64 clip is 80 tokens.
   */
  public static DenoiserConfig small(List<String> vocabulary, int latentChannels, int vaeSpatialFactor) {
    if (16 % vaeSpatialFactor != 0) {
      throw new IllegalArgumentException("VAE spatial factor " + vaeSpatialFactor + " does not divide 16");
    }
    int patch = 16 / vaeSpatialFactor;
    TextEncoderConfig text = TextEncoderConfig.small(vocabulary.size());
    DitConfig dit = new DitConfig(latentChannels, 1, patch, patch, 256, 8, 4, 4.0, text.width(), false, 100.0);
    return new DenoiserConfig(text, dit, vocabulary);
  }

  /** The same denoiser over patches of {@code side x side} latent cells. */
  public DenoiserConfig withSpatialPatch(int side) {
    return new DenoiserConfig(textEncoder, transformer.withSpatialPatch(side), vocabulary);
  }

  /** A tiny denoiser for tests. */
  public static DenoiserConfig tiny(List<String> vocabulary, int latentChannels) {
    TextEncoderConfig text = TextEncoderConfig.tiny(vocabulary.size());
    return new DenoiserConfig(text, DitConfig.tiny(latentChannels, text.width()), vocabulary);
  }
}
