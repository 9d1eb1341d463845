package org.sora4j.core.nn;

import ai.djl.ndarray.NDArray;
import ai.djl.nn.Activation;

/** The transformer's feed-forward network: Linear, GELU, Linear. */
public final class Mlp extends Layer {
  private final Linear fc1;
  private final Linear fc2;

  public Mlp(int dim, int hidden) {
    fc1 = addChildBlock("fc1", new Linear(dim, hidden));
    fc2 = addChildBlock("fc2", new Linear(hidden, dim));
  }

  /** The output layer, for initialisation choices of the model that owns this MLP. */
  public Linear output() {
    return fc2;
  }

  /** x: (..., dim) to the same shape. */
  public NDArray forward(NDArray x) {
    return fc2.forward(Activation.gelu(fc1.forward(x)));
  }
}
