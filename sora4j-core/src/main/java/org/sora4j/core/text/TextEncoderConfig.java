package org.sora4j.core.text;

/**
 * Shape of the text encoder.
 *
 * @param vocabularySize words in the tokenizer's vocabulary
 * @param maxTokens longest text in tokens; longer texts are cut
 * @param width token embedding width
 * @param depth transformer blocks
 * @param heads attention heads
 */
public record TextEncoderConfig(int vocabularySize, int maxTokens, int width, int depth, int heads) {

  public TextEncoderConfig {
    if (vocabularySize < 2 || maxTokens < 1 || width % heads != 0) {
      throw new IllegalArgumentException("invalid text encoder config " + vocabularySize + "/" + maxTokens + "/" + width + "/" + heads);
    }
  }

  /** The shipped size: 2 blocks of width 128 over up to 64 tokens. */
  public static TextEncoderConfig small(int vocabularySize) {
    return new TextEncoderConfig(vocabularySize, 64, 128, 2, 4);
  }

  /** A tiny encoder for tests. */
  public static TextEncoderConfig tiny(int vocabularySize) {
    return new TextEncoderConfig(vocabularySize, 16, 16, 1, 2);
  }
}
