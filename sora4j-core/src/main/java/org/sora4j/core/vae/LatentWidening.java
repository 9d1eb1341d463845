package org.sora4j.core.vae;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.nn.Parameter;
import java.io.IOException;
import java.nio.FloatBuffer;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.sora4j.core.checkpoint.ModelFolder;
import org.sora4j.core.checkpoint.SafeTensors;

/**
 * Starts a VAE with more latent channels from a trained one so that it first encodes and decodes
 * exactly as the trained one does (a function-preserving widening, as in Net2Net): the trained
 * channels keep their encoder rows and decoder columns, the new channels get fresh encoder rows
 * and zero decoder columns, and training then teaches the decoder to use them. More channels per
 * latent cell is what the 4x-in-time VAE lacks against a per-frame one (BENCHMARKS.md), and this
 * buys them without starting over.
 */
public final class LatentWidening {
  private LatentWidening() {}

  /**
   * Loads the trained VAE in {@code dir} into {@code wider}: the same model with as many or more
   * latent channels, initialized. With as many channels this is {@link ModelFolder#loadInto}.
   *
   * @return the number of latent channels added
   * @throws IllegalArgumentException if {@code wider} differs from the trained model in more than
   *     its latent channels (and their statistics), or has fewer of them
   * @throws IOException if the folder's weights are missing, corrupt or do not fit
   */
  public static int load(Path dir, VideoVae wider) throws IOException {
    VaeConfig trained = ModelFolder.loadConfig(dir, VaeConfig.class);
    int from = trained.latentChannels();
    int to = wider.config().latentChannels();
    if (!trained.withLatentChannels(to).equals(wider.config().withLatentChannels(to))) {
      throw new IllegalArgumentException("the VAE in " + dir + " differs from this one in more than its latent"
          + " channels, so it cannot be widened into it");
    }
    if (to < from) {
      throw new IllegalArgumentException("the VAE in " + dir + " has " + from + " latent channels; a widened one"
          + " needs more, not " + to);
    }
    if (to == from) {
      ModelFolder.loadInto(dir, wider);
      return 0;
    }
    Parameter encoderWeight = wider.encoder().convOut().weight();
    Parameter encoderBias = wider.encoder().convOut().bias();
    Parameter decoderWeight = wider.decoder().convIn().weight();
    List<String> fresh = ModelFolder.loadMatching(dir, wider);
    TreeSet<String> expected = new TreeSet<>(List.of(ModelFolder.nameOf(wider, encoderWeight),
        ModelFolder.nameOf(wider, encoderBias), ModelFolder.nameOf(wider, decoderWeight)));
    if (!expected.equals(new TreeSet<>(fresh))) {
      throw new IllegalArgumentException("widening the VAE in " + dir + " left " + fresh
          + " unloaded; only the latent's layers " + expected + " may differ");
    }
    try (NDManager scratch = encoderWeight.getArray().getManager().newSubManager()) {
      Map<String, NDArray> old = SafeTensors.read(dir.resolve(ModelFolder.WEIGHTS), scratch);
      // the encoder's output stacks means then log-variances: old means, new means, old log-variances, new ones
      for (Parameter p : List.of(encoderWeight, encoderBias)) {
        NDArray trainedRows = old.get(ModelFolder.nameOf(wider, p));
        NDArray fresh0 = p.getArray();
        set(p, NDArrays.concat(new NDList(
            trainedRows.get(0 + ":" + from), fresh0.get(from + ":" + to),
            trainedRows.get(from + ":"), fresh0.get((to + from) + ":")), 0));
      }
      // the decoder ignores the new channels until training gives them weight
      NDArray trainedColumns = old.get(ModelFolder.nameOf(wider, decoderWeight));
      NDArray zeros = decoderWeight.getArray().get(":, " + from + ":").zerosLike();
      set(decoderWeight, NDArrays.concat(new NDList(trainedColumns, zeros), 1));
    }
    return to - from;
  }

  static void set(Parameter p, NDArray values) {
    p.getArray().set(FloatBuffer.wrap(values.toFloatArray()));
  }
}
