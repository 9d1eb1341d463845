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

/** {@code sora4j animate IMAGE PROMPT}: image to video. */
@Command(name = "animate", mixinStandardHelpOptions = true,
    description = "Animate an image: it becomes the first frame (or with --at end the last) of a generated clip.")
final class AnimateCommand implements Callable<Integer> {
  @Parameters(index = "0", paramLabel = "IMAGE", description = "The image (PNG, JPEG, or a video's first frame).")
  Path image;

  @Parameters(index = "1", paramLabel = "PROMPT", description = "What happens in the clip.")
  String prompt;

  @Option(names = "--at", defaultValue = "start", description = "start or end: where the image goes (default: ${DEFAULT-VALUE}).")
  String at;

  @Option(names = "--seconds", defaultValue = "2", description = "Duration in seconds (default: ${DEFAULT-VALUE}).")
  double seconds;

  @Mixin ModelOptions model;

  @Override
  public Integer call() throws Exception {
    if (!at.equals("start") && !at.equals("end")) {
      throw new IllegalArgumentException("--at must be start or end, got " + at);
    }
    if (!(seconds > 0)) {
      throw new IllegalArgumentException("--seconds must be above 0, got " + seconds);
    }
    Path out = model.output("out.mp4", 2);
    Video still = VideoFiles.read(image).slice(0, 1).withFps(model.fps);
    String caption = model.caption(prompt);
    GenerateOptions options = model.options(caption, VideoPrompts.sizeOf(still), seconds);
    try (NDManager manager = NDManager.newBaseManager()) {
      VideoPipeline pipeline = model.prepare(manager, VideoPrompts.sizeOf(still), caption);
      VideoPrompts prompts = new VideoPrompts(pipeline);
      model.write(model.withProgress("animate",
          p -> prompts.animate(still, at.equals("end"), options, manager, p)), out);
    }
    return 0;
  }
}
