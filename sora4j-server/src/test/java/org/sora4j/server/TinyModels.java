package org.sora4j.server;

import ai.djl.ndarray.NDManager;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.sora4j.core.checkpoint.ModelFolder;
import org.sora4j.core.checkpoint.StorageType;
import org.sora4j.core.pipeline.Denoiser;
import org.sora4j.core.pipeline.DenoiserConfig;
import org.sora4j.core.text.WordTokenizer;
import org.sora4j.core.vae.VaeConfig;
import org.sora4j.core.vae.VideoVae;

/** Tiny untrained models: noise-like video in well under a second, so tests never need the shipped models. */
final class TinyModels {
  private TinyModels() {}

  /** Writes {@code dir/dit} and {@code dir/vae} and returns server options over them (2 steps, 32x32 budget). */
  static ServerOptions write(Path dir, Path dataDir) throws IOException {
    Path dit = dir.resolve("dit");
    Path vae = dir.resolve("vae");
    try (NDManager manager = NDManager.newBaseManager()) {
      List<String> words = WordTokenizer.fit(List.of("One object: a small red ball. It falls and bounces on the grass,"
          + " at sunset, with natural light; the camera is static; normal speed.")).vocabulary();
      Denoiser denoiser = new Denoiser(DenoiserConfig.tiny(words, 8));
      denoiser.initialize(manager);
      ModelFolder.save(dit, denoiser.config(), denoiser, StorageType.F16);
      VideoVae model = new VideoVae(VaeConfig.tiny());
      model.initialize(manager);
      ModelFolder.save(vae, model.config(), model, StorageType.F16);
    }
    return ServerOptions.defaults(dataDir, dit, vae).withPort(0).withSampling(2, 32 * 32);
  }
}
