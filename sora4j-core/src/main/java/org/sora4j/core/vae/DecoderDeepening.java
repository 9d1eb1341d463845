package org.sora4j.core.vae;

import ai.djl.nn.Parameter;
import ai.djl.util.Pair;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.sora4j.core.checkpoint.ModelFolder;
import org.sora4j.core.nn.ResBlock3d;

/**
 * Starts a VAE whose decoder has more residual blocks per level from a trained one, so that it
 * first decodes exactly as the trained one does: the trained weights load as they are, and each
 * added block starts as the identity (its last convolution zeroed). The latent is untouched, so a
 * denoiser trained on it stays valid; with the encoder frozen, only decoding improves.
 */
public final class DecoderDeepening {
  private DecoderDeepening() {}

  /**
   * Loads the trained VAE in {@code dir} into {@code deeper}: the same model with as many or more
   * decoder blocks per level, initialized.
   *
   * @return the number of blocks added
   * @throws IllegalArgumentException if {@code deeper} differs from the trained model in more than
   *     its decoder depth, or has fewer decoder blocks
   * @throws IOException if the folder's weights are missing, corrupt or do not fit
   */
  public static int load(Path dir, VideoVae deeper) throws IOException {
    VaeConfig trained = ModelFolder.loadConfig(dir, VaeConfig.class);
    int from = trained.decoderBlocksPerLevel();
    int to = deeper.config().decoderBlocksPerLevel();
    if (!trained.withDecoderBlocks(to).equals(deeper.config())) {
      throw new IllegalArgumentException("the VAE in " + dir + " differs from this one in more than its decoder"
          + " depth, so it cannot be deepened into it");
    }
    if (to < from) {
      throw new IllegalArgumentException("the VAE in " + dir + " has " + from + " decoder blocks per level; a"
          + " deepened one needs more, not " + to);
    }
    if (from != VaeDecoder.baseBlocks(trained)) {
      // the added blocks' registration order is fixed by the base count, so only a decoder of that
      // depth grows into names that still match
      throw new IllegalArgumentException("the VAE in " + dir + " was deepened already; deepen the VAE it came from");
    }
    List<ResBlock3d> added = deeper.decoder().addedBlocks();
    Set<Parameter> addedParameters = added.stream()
        .flatMap(b -> b.getParameters().values().stream())
        .collect(Collectors.toSet());
    TreeSet<String> expected = new TreeSet<>();
    for (Pair<String, Parameter> p : deeper.getParameters()) {
      if (addedParameters.contains(p.getValue())) {
        expected.add(p.getKey());
      }
    }
    List<String> fresh = ModelFolder.loadMatching(dir, deeper);
    if (!expected.equals(new TreeSet<>(fresh))) {
      throw new IllegalArgumentException("deepening the VAE in " + dir + " left " + fresh
          + " unloaded; only the added blocks " + expected + " may be new");
    }
    added.forEach(ResBlock3d::zeroResidual);
    return added.size();
  }
}
