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

/** {@code sora4j connect A B PROMPT}: a generated transition between two videos. */
@Command(name = "connect", mixinStandardHelpOptions = true,
    description = "Join two videos of the same size with a generated transition that starts as A ends and arrives where B begins.")
final class ConnectCommand implements Callable<Integer> {
  @Parameters(index = "0", paramLabel = "A", description = "The first video.")
  Path first;

  @Parameters(index = "1", paramLabel = "B", description = "The second video.")
  Path second;

  @Parameters(index = "2", paramLabel = "PROMPT", description = "What happens in the transition.")
  String prompt;

  @Option(names = "--seconds", defaultValue = "1", description = "Length of the transition (default: ${DEFAULT-VALUE}).")
  double seconds;

  @Mixin ModelOptions model;

  @Override
  public Integer call() throws Exception {
    if (!(seconds > 0)) {
      throw new IllegalArgumentException("--seconds must be above 0, got " + seconds);
    }
    Path out = model.output("out.mp4", 2);
    Video readA = VideoFiles.read(first);
    Video readB = VideoFiles.read(second);
    double rate = model.joinRate(List.of(first, second), List.of(readA, readB));
    Video a = readA.withFps(rate);
    Video b = readB.withFps(rate);
    if (a.width() != b.width() || a.height() != b.height()) {
      throw new IllegalArgumentException(first + " is " + a.width() + "x" + a.height() + " but " + second + " is "
          + b.width() + "x" + b.height() + "; connect needs two videos of one size");
    }
    String caption = model.caption(prompt);
    GenerateOptions options = model.options(caption, VideoPrompts.sizeOf(a), seconds);
    try (NDManager manager = NDManager.newBaseManager()) {
      VideoPipeline pipeline = model.prepare(manager, VideoPrompts.sizeOf(a), caption);
      VideoPrompts prompts = new VideoPrompts(pipeline);
      model.write(model.withProgress("connect", p -> prompts.connect(a, b, options, manager, p)), out);
    }
    return 0;
  }
}
