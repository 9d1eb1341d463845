package org.sora4j.world.judge;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
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
}
