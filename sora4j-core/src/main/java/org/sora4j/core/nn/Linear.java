package org.sora4j.core.nn;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Parameter;
import ai.djl.training.initializer.ConstantInitializer;
import ai.djl.training.initializer.NormalInitializer;

/** {@code y = x W^T + b} over the last axis. */
public final class Linear extends Layer {
  private final Parameter weight;
  private final Parameter bias;

  /** Weights drawn with standard deviation {@code 1/sqrt(in)}, bias zero. */
  public Linear(int in, int out) {
    weight = param("weight", new Shape(out, in), new NormalInitializer((float) Math.sqrt(1.0 / in)));
    bias = param("bias", new Shape(out), new ConstantInitializer(0f));
  }

  /** Starts at zero output: the residual branch or modulation it ends starts switched off. */
  public Linear zeroInit() {
    weight.setInitializer(new ConstantInitializer(0f));
    return this;
  }

  /** The weight, (out, in). */
  public Parameter weight() {
    return weight;
  }

  /** x: (..., in) to (..., out). */
  public NDArray forward(NDArray x) {
    return ai.djl.nn.core.Linear.linear(x, weight.getArray(), bias.getArray()).singletonOrThrow();
  }
}
