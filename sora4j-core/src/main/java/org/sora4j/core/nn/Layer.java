package org.sora4j.core.nn;

import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.Block;
import ai.djl.nn.Parameter;
import ai.djl.training.ParameterStore;
import ai.djl.training.initializer.Initializer;
import ai.djl.util.PairList;

/**
 * Base of sora4j's layers: a DJL block whose parameters have fixed shapes from the start and whose
 * forward pass is an ordinary typed method ({@code forward(x)}), so a model reads top to bottom
 * like PyTorch code. DJL still owns the parameters, which gives hierarchical names for checkpoints
 * ({@code encoder_res0_conv1_weight}) and gradients for training.
 */
public abstract class Layer extends AbstractBlock {

  /** Registers a trainable parameter of a known shape. */
  protected final Parameter param(String name, Shape shape, Initializer initializer) {
    return addParameter(
        Parameter.builder()
            .setName(name)
            .setType(Parameter.Type.WEIGHT)
            .optShape(shape)
            .optInitializer(initializer)
            .build());
  }

  /** Allocates every parameter of this layer and its children on {@code manager}, in fp32. */
  public final void initialize(NDManager manager) {
    initialize(manager, DataType.FLOAT32, new Shape());
  }

  @Override
  protected void initializeChildBlocks(NDManager manager, DataType dataType, Shape... inputShapes) {
    for (Block child : getChildren().values()) {
      child.initialize(manager, dataType, inputShapes);
    }
  }

  /** Number of scalar parameters in this layer and its children. */
  public long parameterCount() {
    long n = 0;
    for (Parameter p : getParameters().values()) {
      n += p.getShape().size();
    }
    return n;
  }

  @Override
  protected NDList forwardInternal(
      ParameterStore store, NDList inputs, boolean training, PairList<String, Object> params) {
    throw new UnsupportedOperationException(
        getClass().getSimpleName() + " is called through its typed forward method");
  }

  @Override
  public Shape[] getOutputShapes(Shape[] inputShapes) {
    throw new UnsupportedOperationException(
        getClass().getSimpleName() + " computes shapes in its typed forward method");
  }
}
