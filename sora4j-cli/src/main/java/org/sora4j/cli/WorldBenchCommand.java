package org.sora4j.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
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
    if (json) {
      printJson(result);
      return 0;
    }
    System.out.printf(Locale.ROOT, "%3s  %5s  %s%n", "#", "score", "prompt");
    for (int i = 0; i < result.rows().size(); i++) {
      BenchResult.Row row = result.rows().get(i);
      System.out.printf(Locale.ROOT, "%3d  %.3f  %s%n", i + 1, row.report().overall(), row.prompt());
    }
    System.out.println();
    System.out.println("per dimension (mean over the prompts that ask for it):");
    for (Map.Entry<String, Double> d : result.dimensionMeans().entrySet()) {
      System.out.printf(Locale.ROOT, "  %-12s %.3f%n", d.getKey(), d.getValue());
    }
    System.out.printf(Locale.ROOT, "%d prompts at %s, %s fps, %s s%n", set.size(), frame, trim(fps), trim(seconds));
    System.out.printf(Locale.ROOT, "score: %.3f%n", result.score());
    return 0;
  }

  private void printJson(BenchResult result) throws Exception {
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("size", size);
    out.put("fps", fps);
    out.put("seconds", seconds);
    List<Map<String, Object>> rows = new ArrayList<>();
    for (BenchResult.Row row : result.rows()) {
      Map<String, Object> r = new LinkedHashMap<>();
      r.put("prompt", row.prompt());
      r.put("seed", row.seed());
      r.put("dimensions", row.report().dimensions());
      r.put("score", JudgeCommand.round(row.report().overall()));
      rows.add(r);
    }
    out.put("prompts", rows);
    out.put("dimensions", result.dimensionMeans());
    out.put("score", JudgeCommand.round(result.score()));
    System.out.println(new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(out));
  }

  private static String trim(double v) {
    return v == Math.rint(v) ? Long.toString((long) v) : Double.toString(v);
  }
}
