package org.sora4j.core.nn;

import ai.djl.ndarray.NDArray;

/** Normalisations over the last axis without learned parameters. */
public final class Norms {
  private static final float EPS = 1e-6f;

  private Norms() {}

  /** Layer norm without affine parameters (adaLN supplies its own shift and scale). */
  public static NDArray layerNorm(NDArray x) {
    NDArray centred = x.sub(x.mean(new int[] {last(x)}, true));
    return centred.div(centred.square().mean(new int[] {last(x)}, true).add(EPS).sqrt());
  }

  private static int last(NDArray x) {
    return x.getShape().dimension() - 1;
  }

  /** Root-mean-square norm: divides by the RMS of the last axis. */
  public static NDArray rms(NDArray x) {
    return x.div(x.square().mean(new int[] {last(x)}, true).add(EPS).sqrt());
  }
}
