package org.sora4j.core.nn;

import ai.djl.ndarray.NDArray;
import ai.djl.nn.Activation;

/** SiLU (x * sigmoid(x)), DJL's swish with beta 1 under the name the field uses. */
public final class Silu {
  private Silu() {}

  public static NDArray apply(NDArray x) {
    return Activation.swish(x, 1f);
  }
}
