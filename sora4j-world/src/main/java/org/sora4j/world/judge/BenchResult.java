package org.sora4j.world.judge;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;

/**
 * The benchmark's outcome.
 *
 * @param rows one per prompt, in order
 * @param dimensionMeans per dimension, the mean over the prompts that ask for it, in report order
 * @param score the mean overall score
 */
public record BenchResult(List<Row> rows, Map<String, Double> dimensionMeans, double score) {
  public BenchResult {
    rows = List.copyOf(rows);
    dimensionMeans = Collections.unmodifiableMap(new LinkedHashMap<>(dimensionMeans));
  }

  /** The result of these rows: each dimension's mean over the rows that score it, and the mean overall. */
  public static BenchResult of(List<Row> rows) {
    if (rows.isEmpty()) {
      throw new IllegalArgumentException("a benchmark result needs at least one row");
    }
    Map<String, Double> means = new LinkedHashMap<>();
    for (Dimension d : Dimension.values()) {
      double sum = 0;
      int n = 0;
      for (Row row : rows) {
        Double v = row.report().dimensions().get(d.key());
        if (v != null) {
          sum += v;
          n++;
        }
      }
      if (n > 0) {
        means.put(d.key(), sum / n);
      }
    }
    double total = rows.stream().mapToDouble(r -> r.report().overall()).sum();
    return new BenchResult(rows, means, total / rows.size());
  }

  /**
   * How far the score would move with other seeds: the standard error of the mean score over the
   * seeds each prompt was judged with, {@code sqrt(sum of each prompt's variance over its seeds / seeds) /
   * prompts}. The prompt set is fixed, so only the seeds are a sample; two models judged on the same
   * set differ beyond noise when their scores are a few of these apart. Rows of one prompt text are
   * one prompt. Empty unless every prompt was judged at least twice.
   */
  public OptionalDouble seedError() {
    Map<String, List<Double>> byPrompt = new LinkedHashMap<>();
    for (Row row : rows) {
      byPrompt.computeIfAbsent(row.prompt(), p -> new ArrayList<>()).add(row.report().overall());
    }
    // a sample variance by hand: two lines, and no statistics library is on the classpath for it
    double varianceOfSum = 0;
    for (List<Double> scores : byPrompt.values()) {
      int k = scores.size();
      if (k < 2) {
        return OptionalDouble.empty();
      }
      double mean = scores.stream().mapToDouble(Double::doubleValue).average().orElseThrow();
      double squares = scores.stream().mapToDouble(v -> (v - mean) * (v - mean)).sum();
      varianceOfSum += squares / (k - 1) / k; // the variance of this prompt's mean over its k seeds
    }
    return OptionalDouble.of(Math.sqrt(varianceOfSum) / byPrompt.size());
  }

  /**
   * One prompt's result.
   *
   * @param seed the seed that filled what the prompt left open and placed the objects
   */
  public record Row(String prompt, long seed, JudgeReport report) {}
}
