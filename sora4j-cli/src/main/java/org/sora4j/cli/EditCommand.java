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

/** {@code sora4j edit VIDEO PROMPT --strength s}: SDEdit. */
@Command(name = "edit", mixinStandardHelpOptions = true,
    description = "Edit a video (SDEdit): noise it to --strength and denoise under the new prompt. 0 gives back the"
        + " source, 1 ignores it.")
final class EditCommand implements Callable<Integer> {
  @Parameters(index = "0", paramLabel = "VIDEO", description = "The video (or image) to edit.")
  Path video;

  @Parameters(index = "1", paramLabel = "PROMPT", description = "What it should show, e.g. \"the ball is blue\" or \"at night\".")
  String prompt;

  @Option(names = "--strength", defaultValue = "0.6", description = "How far from the source, 0 to 1 (default: ${DEFAULT-VALUE}).")
  double strength;

  @Mixin ModelOptions model;

  @Override
  public Integer call() throws Exception {
    if (!(strength >= 0 && strength <= 1)) {
      throw new IllegalArgumentException("--strength must be between 0 and 1, got " + strength);
    }
    Video source = VideoFiles.read(video);
    Path out = model.output(source.frameCount() == 1 ? "out.png" : "out.mp4", source.frameCount());
    String caption = model.caption(prompt);
    model.fps = source.fps();
    GenerateOptions options = model.options(caption, VideoPrompts.sizeOf(source), source.seconds());
    try (NDManager manager = NDManager.newBaseManager()) {
      VideoPipeline pipeline = model.prepare(manager, VideoPrompts.sizeOf(source), caption);
      VideoPrompts prompts = new VideoPrompts(pipeline);
      model.write(model.withProgress("edit", p -> prompts.edit(source, strength, options, manager, p)), out);
    }
    return 0;
  }
}
