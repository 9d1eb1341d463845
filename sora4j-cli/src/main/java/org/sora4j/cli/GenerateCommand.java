package org.sora4j.cli;

import ai.djl.ndarray.NDManager;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.sora4j.core.metrics.LoopSeam;
import org.sora4j.core.pipeline.GenerateOptions;
import org.sora4j.core.pipeline.VideoPipeline;
import org.sora4j.core.pipeline.VideoPrompts;
import org.sora4j.core.video.FrameSize;
import org.sora4j.core.video.Video;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code sora4j generate PROMPT}: text to video (or to an image, or a loop) with the neural model. */
@Command(
    name = "generate",
    mixinStandardHelpOptions = true,
    description = "Generate a video from a text prompt with the diffusion model. The prompt is first expanded"
        + " into a detailed caption (what it leaves open is chosen from the seed) unless --no-upsample."
        + " Videos longer than the trained 2 seconds are made window by window.")
final class GenerateCommand implements Callable<Integer> {
  @Parameters(index = "0", paramLabel = "PROMPT", description = "What the video shows, e.g. \"a red ball bounces on the grass at sunset\".")
  String prompt;

  @Option(names = "--seconds", defaultValue = "2", description = "Duration in seconds (default: ${DEFAULT-VALUE}).")
  double seconds;

  @Option(names = "--size", defaultValue = "64x64", paramLabel = "WxH", description = "Frame size, a multiple of the model's size step on each side, 8 for the shipped models (default: ${DEFAULT-VALUE}).")
  String size;

  @Option(names = "--image", description = "Generate a single image instead of a video (default output out.png).")
  boolean image;

  @Option(names = "--loop", description = "Make a seamless loop: the last frame leads back into the first.")
  boolean loop;

  @Mixin ModelOptions model;

  @Override
  public Integer call() throws Exception {
    if (!image && !(seconds > 0)) {
      throw new IllegalArgumentException("--seconds must be above 0, got " + seconds + " (use --image for a single image)");
    }
    if (image && loop) {
      throw new IllegalArgumentException("--image and --loop do not go together");
    }
    FrameSize frame = FrameSize.parse(size);
    Path out = model.output(image ? "out.png" : "out.mp4", image ? 1 : 2);
    String caption = model.caption(prompt);
    GenerateOptions options = model.options(caption, frame, image ? 0 : seconds);
    try (NDManager manager = NDManager.newBaseManager()) {
      VideoPipeline pipeline = model.prepare(manager, frame, caption);
      VideoPrompts prompts = new VideoPrompts(pipeline);
      Video video = model.withProgress("generate", progress -> loop
          ? prompts.loop(options, manager, progress)
          : prompts.generate(options, manager, progress));
      if (loop) {
        LoopSeam seam = LoopSeam.of(video);
        System.out.printf(Locale.ROOT, "loop seam: %.2f from the last frame to the first, against steps of %.2f (median)"
            + " and %.2f (largest) inside%n", seam.seam(), seam.medianStep(), seam.largestStep());
      }
      model.write(video, out);
    }
    return 0;
  }
}
