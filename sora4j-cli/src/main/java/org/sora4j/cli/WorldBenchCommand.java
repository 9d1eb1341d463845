package org.sora4j.cli;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.sora4j.core.video.FrameSize;
import org.sora4j.world.judge.BenchOptions;
import org.sora4j.world.judge.BenchResult;
import org.sora4j.world.judge.Benchmark;
import org.sora4j.world.judge.PromptSet;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code sora4j world bench}: renders every prompt of a set with the world simulator and judges
 * the render against its prompt, so the judge's own ceiling is known.
 */
@Command(
    name = "bench",
    mixinStandardHelpOptions = true,
    description = "Render each prompt with the world simulator, judge it against the prompt, print the table and the mean score last.")
final class WorldBenchCommand implements Callable<Integer> {
  @Option(names = "--prompts", paramLabel = "FILE", description = "One prompt per line, '#' comments (default: the public set).")
  Path prompts;

  @Option(names = "--seconds", defaultValue = "2", description = "Clip length (default: ${DEFAULT-VALUE}).")
  double seconds;

  @Option(names = "--fps", defaultValue = "8", description = "Frames per second (default: ${DEFAULT-VALUE}).")
  double fps;

  @Option(names = "--size", defaultValue = "64x64", paramLabel = "WxH", description = "Frame size (default: ${DEFAULT-VALUE}).")
  String size;

  @Option(names = "--json", description = "Print the results as JSON instead.")
  boolean json;

  @Override
  public Integer call() throws Exception {
    FrameSize frame = FrameSize.parse(size);
    BenchOptions options = new BenchOptions(frame.width(), frame.height(), fps, seconds);
    List<String> set = prompts != null ? PromptSet.read(prompts) : PromptSet.publicSet();
    BenchResult result = Benchmark.run(set, options, done -> {});
    BenchTable.print(result, set.size() + " prompts at " + frame + ", " + BenchTable.trim(fps) + " fps, "
        + BenchTable.trim(seconds) + " s", json, size, fps, seconds);
    return 0;
  }
}
