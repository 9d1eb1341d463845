package org.sora4j.core.nn;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Parameter;
import ai.djl.training.initializer.ConstantInitializer;

/** Layer norm over the last axis with a learned scale and shift. */
public final class LayerNorm extends Layer {
  private final Parameter gamma;
  private final Parameter beta;

  public LayerNorm(int dim) {
    gamma = param("gamma", new Shape(dim), new ConstantInitializer(1f));
    beta = param("beta", new Shape(dim), new ConstantInitializer(0f));
  }

  /** x: (..., dim) to the same shape. */
  public NDArray forward(NDArray x) {
    return Norms.layerNorm(x).mul(gamma.getArray()).add(beta.getArray());
  }
}
