package org.sora4j.cli;

import ai.djl.ndarray.NDManager;
import java.nio.file.Path;
import java.util.List;
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

/** {@code sora4j extend VIDEO PROMPT --seconds S [--backward]}. */
@Command(name = "extend", mixinStandardHelpOptions = true,
    description = "Extend a video after its end (or with --backward before its start); its own frames are kept unchanged.")
final class ExtendCommand implements Callable<Integer> {
  @Parameters(index = "0", paramLabel = "VIDEO", description = "The video to extend.")
  Path video;

  @Parameters(index = "1", paramLabel = "PROMPT", description = "What happens in the new part.")
  String prompt;

  @Option(names = "--seconds", required = true, description = "Seconds to add.")
  double seconds;

  @Option(names = "--backward", description = "Add the new part before the start instead.")
  boolean backward;

  @Mixin ModelOptions model;

  @Override
  public Integer call() throws Exception {
    if (!(seconds > 0)) {
      throw new IllegalArgumentException("--seconds must be above 0, got " + seconds);
    }
    Path out = model.output("out.mp4", 2);
    Video read = VideoFiles.read(video);
    Video source = read.withFps(model.joinRate(List.of(video), List.of(read)));
    String caption = model.caption(prompt);
    GenerateOptions options = model.options(caption, VideoPrompts.sizeOf(source), seconds);
    try (NDManager manager = NDManager.newBaseManager()) {
      VideoPipeline pipeline = model.prepare(manager, VideoPrompts.sizeOf(source), caption);
      VideoPrompts prompts = new VideoPrompts(pipeline);
      model.write(model.withProgress("extend", p -> prompts.extend(source, backward, options, manager, p)), out);
    }
    return 0;
  }
}
