package org.sora4j.core.vae;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.nn.Parameter;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.sora4j.core.checkpoint.ModelFolder;
import org.sora4j.core.checkpoint.SafeTensors;

/**
 * Starts a VAE whose decoder also sees the keyframe (the video's first latent frame) from a trained
 * VAE without it, so that it first decodes exactly as the trained one: the decoder's first
 * convolution keeps its trained weights for the latent and gets zero weights for the keyframe,
 * which training then teaches it to use. The encoder, and so the latent, does not change.
 */
public final class KeyframeInput {
  private KeyframeInput() {}

  /**
   * Loads the trained VAE in {@code dir}, which has no keyframe input, into {@code vae}: the same
   * model with it, initialized.
   *
   * @throws IllegalArgumentException if {@code vae} has no keyframe input, the trained one has one
   *     already, or they differ in anything else
   * @throws IOException if the folder's weights are missing, corrupt or do not fit
   */
  public static void load(Path dir, VideoVae vae) throws IOException {
    VaeConfig trained = ModelFolder.loadConfig(dir, VaeConfig.class);
    if (!vae.config().keyframeInput() || trained.keyframeInput()) {
      throw new IllegalArgumentException("a keyframe input is added to a VAE without one: " + dir
          + (trained.keyframeInput() ? " has one already" : " is loaded into a VAE without one"));
    }
    if (!trained.withKeyframeInput(true).equals(vae.config())) {
      throw new IllegalArgumentException("the VAE in " + dir + " differs from this one in more than the keyframe input");
    }
    Parameter weight = vae.decoder().convIn().weight();
    String name = ModelFolder.nameOf(vae, weight);
    List<String> fresh = ModelFolder.loadMatching(dir, vae);
    if (!fresh.equals(List.of(name))) {
      throw new IllegalArgumentException("adding the keyframe input to the VAE in " + dir + " left " + fresh
          + " unloaded; only " + name + " may differ");
    }
    try (NDManager scratch = weight.getArray().getManager().newSubManager()) {
      Map<String, NDArray> old = SafeTensors.read(dir.resolve(ModelFolder.WEIGHTS), scratch);
      NDArray latentColumns = old.get(name);
      NDArray keyframeColumns = weight.getArray().get(":, " + latentColumns.getShape().get(1) + ":").zerosLike();
      LatentWidening.set(weight, NDArrays.concat(new NDList(latentColumns, keyframeColumns), 1));
    }
  }
}
