package org.sora4j.cli;

import java.io.IOException;
import java.nio.file.Path;
import org.sora4j.core.video.Video;
import org.sora4j.media.VideoFiles;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** What the VAE commands that turn one clip into another share: the clip, where to write, the model. */
final class VaeClipOptions {
  @Parameters(index = "0", paramLabel = "IN", description = "Video or image to put through the VAE.")
  Path in;

  @Option(names = {"-o", "--output"}, required = true, paramLabel = "OUT", description = "Where to write the result.")
  Path out;

  @Option(names = "--model", paramLabel = "DIR", description = "VAE model folder (default: models/vae).")
  Path model;

  /** The model folder, checked to exist. */
  Path modelDir() {
    return ModelPaths.resolve(model, "vae", "--model");
  }

  /** The input clip, once the output is known to be writable: a bad output fails before any work. */
  Video read() throws IOException {
    Video video = VideoFiles.read(in);
    VideoFiles.checkWritable(out, video.frameCount());
    return video;
  }

  /** Writes the result and says so. */
  void write(Video result) throws IOException {
    VideoFiles.write(result, out);
    System.out.printf("wrote %s (%dx%d, %d %s)%n", out, result.width(), result.height(), result.frameCount(),
        result.frameCount() == 1 ? "frame" : "frames");
  }
}
