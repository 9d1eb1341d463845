package org.sora4j.core.vae;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import java.io.IOException;
import java.nio.file.Path;
import org.sora4j.core.checkpoint.ModelFolder;
import org.sora4j.core.checkpoint.StorageType;

/** Test helpers for growing a trained VAE: one saved to a folder, and how far two outputs differ. */
final class SavedVae {
  private SavedVae() {}

  /** A freshly initialized VAE, saved in fp32 to {@code dir} as a model folder. */
  static VideoVae in(Path dir, VaeConfig config, NDManager manager) throws IOException {
    VideoVae vae = new VideoVae(config);
    vae.initialize(manager);
    ModelFolder.save(dir, config, vae, StorageType.F32);
    return vae;
  }

  static float maxDiff(NDArray a, NDArray b) {
    return a.sub(b).abs().max().getFloat();
  }
}
