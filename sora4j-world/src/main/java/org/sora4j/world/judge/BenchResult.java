package org.sora4j.world.judge;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

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

  /**
   * One prompt's result.
   *
   * @param seed the seed that filled what the prompt left open and placed the objects
   */
  public record Row(String prompt, long seed, JudgeReport report) {}
}
