package org.sora4j.core.dit;

/** The spacetime grid of tokens: frames x rows x columns. */
public record TokenGrid(int frames, int rows, int columns) {

  /** Tokens in one frame. */
  public int tokensPerFrame() {
    return rows * columns;
  }

  /** All tokens. */
  public int tokens() {
    return frames * rows * columns;
  }
}
