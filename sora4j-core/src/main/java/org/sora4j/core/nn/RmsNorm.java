package org.sora4j.core.nn;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Parameter;
import ai.djl.training.initializer.ConstantInitializer;

/** RMS norm with a learned per-channel scale; used on queries and keys (QK norm). */
public final class RmsNorm extends Layer {
  private final Parameter scale;

  public RmsNorm(int dim) {
    scale = param("scale", new Shape(dim), new ConstantInitializer(1f));
  }

  /** x: (..., dim) to the same shape. */
  public NDArray forward(NDArray x) {
    return Norms.rms(x).mul(scale.getArray());
  }
}
