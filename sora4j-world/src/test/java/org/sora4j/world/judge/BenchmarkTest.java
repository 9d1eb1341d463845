package org.sora4j.world.judge;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import org.junit.jupiter.api.Test;

class BenchmarkTest {
  private static List<String> everyOther(int offset) {
    List<String> all = PromptSet.publicSet();
    List<String> out = new ArrayList<>();
    for (int i = offset; i < all.size(); i += 2) {
      out.add(all.get(i));
    }
    return out;
  }

  @Test
  void groundTruthOfThePublicPromptsScoresAtLeast095() {
    List<Integer> progress = new ArrayList<>();
    BenchResult r = Benchmark.run(everyOther(0), BenchOptions.defaults(), progress::add);
    assertThat(r.rows()).hasSize(progress.size());
    assertThat(progress).endsWith(r.rows().size());
    assertThat(r.score()).isGreaterThanOrEqualTo(0.95);
    assertThat(r.dimensionMeans()).containsKeys("count", "color", "shape", "size", "motion", "physics",
        "environment", "time", "lighting", "camera", "speed", "consistency");
    assertThat(r.dimensionMeans().keySet()).first().isEqualTo("count");
    assertThat(r.score()).isCloseTo(r.rows().stream().mapToDouble(x -> x.report().overall()).average().orElseThrow(),
        within(1e-9));
  }

  @Test
  void otherFrameSizesDoWellToo() {
    assertThat(Benchmark.run(everyOther(1), new BenchOptions(96, 64, 8, 2), i -> {}).score()).isGreaterThanOrEqualTo(0.95);
    assertThat(Benchmark.run(everyOther(1).subList(0, 12), new BenchOptions(128, 128, 8, 2), i -> {}).score())
        .isGreaterThanOrEqualTo(0.95);
  }

  @Test
  void namesBadOptionsAndPrompts() {
    assertThatThrownBy(() -> new BenchOptions(64, 64, 8, 0)).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("length");
    assertThatThrownBy(() -> new BenchOptions(4, 64, 8, 2)).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("4x64");
    assertThatThrownBy(() -> new BenchOptions(64, 64, -1, 2)).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("fps");
    assertThatThrownBy(() -> Benchmark.run(List.of("a red ball", "five balls"), BenchOptions.defaults(), i -> {}))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("prompt 2").hasMessageContaining("five balls");
    assertThatThrownBy(() -> Benchmark.run(List.of(), BenchOptions.defaults(), i -> {}))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("no prompt");
  }

  @Test
  void moreSeedsJudgeEveryPromptAgainWithFreshSeeds() {
    List<String> prompts = List.of("a red ball", "a blue box rests", "a ball falls");
    List<Long> seeds = new ArrayList<>();
    List<Integer> progress = new ArrayList<>();
    Benchmark.VideoMaker recording = (prompt, spec, seed, options) -> {
      seeds.add(seed);
      return Benchmark.WORLD.make(prompt, spec, seed, options);
    };
    BenchResult r = Benchmark.run(prompts, BenchOptions.defaults(), recording, 2, progress::add);
    assertThat(seeds).containsExactly(0L, 1L, 2L, 3L, 4L, 5L);
    assertThat(progress).containsExactly(1, 2, 3, 4, 5, 6);
    assertThat(r.rows()).extracting(BenchResult.Row::prompt).containsExactly("a red ball", "a blue box rests",
        "a ball falls", "a red ball", "a blue box rests", "a ball falls");
    assertThat(r.seedError()).isPresent();
    assertThat(Benchmark.run(prompts, BenchOptions.defaults(), Benchmark.WORLD, 1, i -> {}).seedError()).isEmpty();
    assertThatThrownBy(() -> Benchmark.run(prompts, BenchOptions.defaults(), Benchmark.WORLD, 0, i -> {}))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("--seeds must be at least 1");
  }

  @Test
  void theSeedErrorIsTheStandardErrorOfTheMeanOverSeeds() {
    // prompt a scores 0.2 and 0.4 (variance 0.02, of its mean 0.01); prompt b 0.5 twice (0):
    // the mean score's variance is (0.01 + 0) / 2^2, its standard error 0.05
    BenchResult r = BenchResult.of(List.of(row("a", 0, 0.2), row("b", 1, 0.5), row("a", 2, 0.4), row("b", 3, 0.5)));
    assertThat(r.score()).isCloseTo(0.4, within(1e-12));
    assertThat(r.seedError()).hasValueCloseTo(0.05, within(1e-12));
    OptionalDouble once = BenchResult.of(List.of(row("a", 0, 0.2), row("b", 1, 0.5), row("a", 2, 0.4))).seedError();
    assertThat(once).as("prompt b judged once").isEmpty();
  }

  private static BenchResult.Row row(String prompt, long seed, double score) {
    return new BenchResult.Row(prompt, seed, new JudgeReport(Map.of("consistency", score), score, List.of()));
  }
}
