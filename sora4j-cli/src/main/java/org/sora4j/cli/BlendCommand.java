package org.sora4j.cli;

import ai.djl.ndarray.NDManager;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.sora4j.core.pipeline.GenerateOptions;
import org.sora4j.core.pipeline.VideoPipeline;
import org.sora4j.core.pipeline.VideoPrompts;
import org.sora4j.core.video.Video;
import org.sora4j.media.VideoFiles;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code sora4j blend A B PROMPT [--weight w]}. */
@Command(name = "blend", mixinStandardHelpOptions = true,
    description = "Blend two videos of one size: mix their latents by --weight and denoise the mix under the prompt.")
final class BlendCommand implements Callable<Integer> {
  @Parameters(index = "0", paramLabel = "A", description = "The first video.")
  Path first;

  @Parameters(index = "1", paramLabel = "B", description = "The second video.")
  Path second;

  @Parameters(index = "2", paramLabel = "PROMPT", description = "What the blend shows.")
  String prompt;

  @Option(names = "--weight", defaultValue = "0.5", description = "0 is all A, 1 all B (default: ${DEFAULT-VALUE}).")
  double weight;

  @Option(names = "--strength", defaultValue = "0.6", description = "How much of the mix is redrawn, above 0 to 1 (default: ${DEFAULT-VALUE}).")
  double strength;

  @Mixin ModelOptions model;

  @Override
  public Integer call() throws Exception {
    if (!(weight >= 0 && weight <= 1)) {
      throw new IllegalArgumentException("--weight must be between 0 and 1, got " + weight);
    }
    if (!(strength > 0 && strength <= 1)) {
      throw new IllegalArgumentException("--strength must be above 0 and at most 1, got " + strength);
    }
    Video a = VideoFiles.read(first);
    Video b = VideoFiles.read(second);
    if (a.width() != b.width() || a.height() != b.height()) {
      throw new IllegalArgumentException(first + " is " + a.width() + "x" + a.height() + " but " + second + " is "
          + b.width() + "x" + b.height() + "; blend needs two videos of one size");
    }
    int frames = Math.min(a.frameCount(), b.frameCount());
    if (a.frameCount() != b.frameCount()) {
      System.out.printf("%s has %d frames and %s %d: the blend is the shorter's %d%n", first, a.frameCount(), second,
          b.frameCount(), frames);
    }
    Path out = model.output(frames == 1 ? "out.png" : "out.mp4", frames);
    String caption = model.caption(prompt);
    model.fps = a.fps();
    GenerateOptions options = model.options(caption, VideoPrompts.sizeOf(a), a.seconds());
    try (NDManager manager = NDManager.newBaseManager()) {
      VideoPipeline pipeline = model.prepare(manager, VideoPrompts.sizeOf(a), caption);
      VideoPrompts prompts = new VideoPrompts(pipeline);
      model.write(model.withProgress("blend", p -> prompts.blend(a, b, weight, strength, options, manager, p)), out);
    }
    return 0;
  }
}
