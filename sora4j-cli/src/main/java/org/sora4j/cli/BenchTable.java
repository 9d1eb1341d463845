package org.sora4j.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.sora4j.world.judge.BenchResult;

/** Prints a judged benchmark as a table (last line {@code score: X.XXX}) or as JSON. */
final class BenchTable {
  private BenchTable() {}

  static void print(BenchResult result, String setting, boolean json, String size, double fps, double seconds)
      throws Exception {
    if (json) {
      printJson(result, size, fps, seconds);
      return;
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
    System.out.println(setting);
    result.seedError().ifPresent(e -> System.out.printf(Locale.ROOT, "seed error: %.3f (standard error of the score"
        + " over the seeds; scores a few of these apart differ beyond noise)%n", e));
    System.out.printf(Locale.ROOT, "score: %.3f%n", result.score());
  }

  private static void printJson(BenchResult result, String size, double fps, double seconds) throws Exception {
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
    result.seedError().ifPresent(e -> out.put("seed_error", JudgeCommand.round(e)));
    out.put("score", JudgeCommand.round(result.score()));
    System.out.println(new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(out));
  }

  static String trim(double v) {
    return v == Math.rint(v) ? Long.toString((long) v) : Double.toString(v);
  }
}
