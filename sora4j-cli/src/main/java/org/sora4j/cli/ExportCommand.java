package org.sora4j.cli;

import ai.djl.ndarray.NDManager;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import org.sora4j.core.checkpoint.ModelFolder;
import org.sora4j.core.checkpoint.StorageType;
import org.sora4j.core.nn.Layer;
import org.sora4j.core.pipeline.Denoiser;
import org.sora4j.core.vae.VideoVae;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code sora4j export SRC DST}: a checkpoint's model folder as a shippable one (fp16 by default). */
@Command(name = "export", mixinStandardHelpOptions = true,
    description = "Copy a model folder (a VAE or a denoiser, e.g. a run's checkpoint/) into DST, verified, with weights"
        + " stored as fp16 unless --fp32 (half the size; loaded back as fp32).")
final class ExportCommand implements Callable<Integer> {
  @Parameters(index = "0", paramLabel = "SRC", description = "Model folder to export.")
  Path source;

  @Parameters(index = "1", paramLabel = "DST", description = "Folder to write (config.json, model.safetensors, checksum).")
  Path target;

  @Option(names = "--fp32", description = "Keep the weights in fp32.")
  boolean fp32;

  @Override
  public Integer call() throws Exception {
    if (!Files.isRegularFile(source.resolve(ModelFolder.CONFIG))) {
      throw new IllegalArgumentException(source + " is not a model folder (no " + ModelFolder.CONFIG + ")");
    }
    checkTarget();
    boolean denoiser = new ObjectMapper().readTree(source.resolve(ModelFolder.CONFIG).toFile()).has("transformer");
    try (NDManager manager = NDManager.newBaseManager()) {
      Layer model;
      Object config;
      if (denoiser) {
        Denoiser d = Denoiser.load(source, manager);
        model = d;
        config = d.config();
      } else {
        VideoVae v = VideoVae.load(source, manager);
        model = v;
        config = v.config();
      }
      ModelFolder.save(target, config, model, fp32 ? StorageType.F32 : StorageType.F16);
      System.out.printf("exported %s (%,d parameters) to %s, %,d bytes of weights%n", denoiser ? "denoiser" : "VAE",
          model.parameterCount(), target, Files.size(target.resolve(ModelFolder.WEIGHTS)));
    }
    return 0;
  }

  /**
   * DST must be new, empty or a model folder (replaced, as when a run is shipped over
   * models/), and never the source itself, which would be rewritten in place.
   */
  private void checkTarget() throws IOException {
    if (Files.exists(target) && !Files.isDirectory(target)) {
      throw new IllegalArgumentException(target + " is a file; export writes a folder (config.json, model.safetensors, checksum)");
    }
    if (Files.isDirectory(target) && Files.isSameFile(source, target)) {
      throw new IllegalArgumentException(target + " is the folder being exported; export into another folder");
    }
    if (Files.isDirectory(target) && !Files.isRegularFile(target.resolve(ModelFolder.CONFIG))) {
      try (Stream<Path> entries = Files.list(target)) {
        if (entries.findAny().isPresent()) {
          throw new IllegalArgumentException(target + " holds other files and no model; export into a new or empty"
              + " folder, or over a model folder to replace it");
        }
      }
    }
  }
}
