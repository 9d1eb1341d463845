package org.sora4j.train.dit;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.nn.Parameter;
import java.io.IOException;
import java.nio.FloatBuffer;
import java.nio.file.Path;
import java.util.Map;
import org.sora4j.core.checkpoint.ModelFolder;
import org.sora4j.core.checkpoint.SafeTensors;
import org.sora4j.core.pipeline.Denoiser;

/**
 * Starts a self-conditioned denoiser from a trained one without the estimate input: the patch
 * embedding keeps its trained columns for the noisy latent and gets zero columns for the
 * estimate, so the new model first computes exactly what the trained one did.
 */
final class SelfConditionInput {
  private SelfConditionInput() {}

  /**
   * Sets {@code model}'s patch embedding from the one in {@code init}, widened by zero columns.
   *
   * @return the name of the parameter it set, as {@link ModelFolder#loadMatching} names it
   * @throws IllegalArgumentException if the weights do not line up as a model without the input would
   */
  static String zeroExtend(Path init, Denoiser model) throws IOException {
    Parameter weight = model.transformer().patchEmbedding().weight();
    String name = ModelFolder.nameOf(model, weight);
    NDArray current = weight.getArray();
    try (NDManager scratch = current.getManager().newSubManager()) {
      Map<String, NDArray> trained = SafeTensors.read(init.resolve(ModelFolder.WEIGHTS), scratch);
      NDArray columns = trained.get(name);
      long inputs = current.getShape().get(1);
      if (columns == null || columns.getShape().get(0) != current.getShape().get(0)
          || 2 * columns.getShape().get(1) != inputs) {
        throw new IllegalArgumentException("the patch embedding in " + init + " is "
            + (columns == null ? "missing" : columns.getShape().toString()) + "; a model without self-conditioning"
            + " of this shape has " + current.getShape().get(0) + " x " + inputs / 2);
      }
      NDArray widened = NDArrays.concat(new NDList(columns.toType(current.getDataType(), false),
          current.get(":, " + inputs / 2 + ":").zerosLike()), 1);
      current.set(FloatBuffer.wrap(widened.toFloatArray()));
    }
    return name;
  }
}
