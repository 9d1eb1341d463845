package org.sora4j.cli;

import ai.djl.ndarray.NDManager;
import java.io.IOException;
import java.nio.file.Path;
import org.sora4j.core.checkpoint.ModelFolder;
import org.sora4j.core.checkpoint.StorageType;
import org.sora4j.core.vae.VaeConfig;
import org.sora4j.core.vae.VideoVae;

/** An untrained tiny VAE saved as a model folder, for commands that need one on disk. */
final class TinyVae {
  private TinyVae() {}

  /** Saves it to {@code dir/vae} and returns that folder. */
  static Path saveIn(Path dir) throws IOException {
    Path vae = dir.resolve("vae");
    try (NDManager manager = NDManager.newBaseManager()) {
      VideoVae model = new VideoVae(VaeConfig.tiny());
      model.initialize(manager);
      ModelFolder.save(vae, model.config(), model, StorageType.F32);
    }
    return vae;
  }
}
