package org.sora4j.core.dit;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.Shape;

/**
 * Cuts a latent video into spacetime patches, one token each, ordered by frame, then row, then
 * column; and puts tokens back together. Any grid size works: nothing here is fixed at build time.
 */
public final class SpacetimePatcher {
  private final int pt;
  private final int ph;
  private final int pw;

  public SpacetimePatcher(int patchT, int patchH, int patchW) {
    this.pt = patchT;
    this.ph = patchH;
    this.pw = patchW;
  }

  /** The token grid (frames, rows, columns) of a latent of shape (B, C, T, H, W). */
  public TokenGrid grid(Shape latent) {
    long t = latent.get(2);
    long h = latent.get(3);
    long w = latent.get(4);
    if (t % pt != 0 || h % ph != 0 || w % pw != 0) {
      throw new IllegalArgumentException("latent of " + t + "x" + h + "x" + w + " (frames x rows x columns)"
          + " does not divide into patches of " + pt + "x" + ph + "x" + pw);
    }
    return new TokenGrid((int) (t / pt), (int) (h / ph), (int) (w / pw));
  }

  /** (B, C, T, H, W) to tokens (B, N, C*pt*ph*pw). */
  public NDArray patchify(NDArray latent) {
    Shape s = latent.getShape();
    TokenGrid g = grid(s);
    long b = s.get(0);
    long c = s.get(1);
    return latent.reshape(b, c, g.frames(), pt, g.rows(), ph, g.columns(), pw)
        .transpose(0, 2, 4, 6, 1, 3, 5, 7) // (B, T', H', W', C, pt, ph, pw)
        .reshape(b, g.tokens(), c * pt * ph * pw);
  }

  /** Tokens (B, N, C*pt*ph*pw) back to (B, C, T, H, W) for the given grid. */
  public NDArray unpatchify(NDArray tokens, TokenGrid g) {
    Shape s = tokens.getShape();
    long b = s.get(0);
    long c = s.get(2) / ((long) pt * ph * pw);
    return tokens.reshape(b, g.frames(), g.rows(), g.columns(), c, pt, ph, pw)
        .transpose(0, 4, 1, 5, 2, 6, 3, 7) // (B, C, T', pt, H', ph, W', pw)
        .reshape(b, c, (long) g.frames() * pt, (long) g.rows() * ph, (long) g.columns() * pw);
  }

  /** Latent frames per token frame. */
  public int patchT() {
    return pt;
  }
}
