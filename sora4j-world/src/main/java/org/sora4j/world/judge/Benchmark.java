package org.sora4j.world.judge;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.IntConsumer;
import org.sora4j.core.video.Video;
import org.sora4j.world.parse.PromptParser;
import org.sora4j.world.scene.SceneSpec;
import org.sora4j.world.sim.WorldRenderer;

/**
 * Renders each prompt with the world simulator and judges the render against the prompt: the
 * ground truth's score, which says how far the judge can be trusted (and is the ceiling a
 * generated video can reach).
 */
public final class Benchmark {
  /** Makes the video a benchmark judges for one prompt. */
  @FunctionalInterface
  public interface VideoMaker {
    /**
     * @param prompt the prompt as written
     * @param spec what the parser read from it
     * @param seed the prompt's seed: fills what the prompt leaves open
     */
    Video make(String prompt, SceneSpec spec, long seed, BenchOptions options);
  }

  /** The ground truth: the world simulator renders the prompt's scene. */
  public static final VideoMaker WORLD = (prompt, spec, seed, options) ->
      WorldRenderer.render(spec.resolve(seed), options.render(), seed).video();

  private Benchmark() {}

  /** Runs the benchmark on world renders (the ground truth the judge is trusted by). */
  public static BenchResult run(List<String> prompts, BenchOptions options, IntConsumer progress) {
    return run(prompts, options, WORLD, progress);
  }

  /**
   * Runs the benchmark. Prompt {@code i} is made with seed {@code i} and judged against its spec.
   *
   * @param progress told the number of prompts done after each one
   * @throws IllegalArgumentException naming the prompt if one cannot be parsed
   */
  public static BenchResult run(List<String> prompts, BenchOptions options, VideoMaker maker, IntConsumer progress) {
    return run(prompts, options, maker, 1, progress);
  }

  /**
   * Runs the benchmark {@code seeds} times over: in round {@code k} (from 0), prompt {@code i} of
   * {@code n} is made with seed {@code i + k * n}, so round 0 is the single-seed benchmark and each
   * further round draws every prompt afresh.
   *
   * @param progress told the number of videos judged after each one
   * @throws IllegalArgumentException naming the prompt if one cannot be parsed, or for fewer than one seed
   */
  public static BenchResult run(List<String> prompts, BenchOptions options, VideoMaker maker, int seeds,
      IntConsumer progress) {
    Objects.requireNonNull(options, "options");
    if (prompts.isEmpty()) {
      throw new IllegalArgumentException("no prompt to benchmark");
    }
    if (seeds < 1) {
      throw new IllegalArgumentException("--seeds must be at least 1, got " + seeds);
    }
    List<SceneSpec> specs = new ArrayList<>();
    for (int i = 0; i < prompts.size(); i++) {
      specs.add(parse(prompts.get(i), i));
    }
    Judge judge = new Judge();
    List<BenchResult.Row> rows = new ArrayList<>();
    for (int k = 0; k < seeds; k++) {
      for (int i = 0; i < prompts.size(); i++) {
        long seed = i + (long) k * prompts.size();
        rows.add(new BenchResult.Row(prompts.get(i), seed, judge.score(maker.make(prompts.get(i), specs.get(i), seed,
            options), specs.get(i))));
        progress.accept(rows.size());
      }
    }
    return BenchResult.of(rows);
  }

  /** The prompt's spec; a prompt the parser refuses is named with its place in the set. */
  static SceneSpec parse(String prompt, int index) {
    try {
      return PromptParser.parse(prompt).spec();
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("prompt " + (index + 1) + " '" + prompt + "': " + e.getMessage(), e);
    }
  }
}
