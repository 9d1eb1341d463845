package org.sora4j.train.log;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

class TrainingProgressTest {

  @Test
  void printsPlainLinesWhenNotOnATerminal() throws InterruptedException {
    List<String> lines = new CopyOnWriteArrayList<>();
    ProgressDisplay display = new ProgressDisplay.Lines(Duration.ofMillis(40), lines::add);
    try (TrainingProgress progress = new TrainingProgress("train vae", 100, 40, display)) {
      for (long step = 41; step <= 60; step++) {
        progress.step(step, 0.0123, 8.5);
      }
      assertThat(progress.current()).isEqualTo(60);
      Thread.sleep(200);
    }
    assertThat(lines).isNotEmpty();
    String last = lines.get(lines.size() - 1);
    assertThat(last).contains("train vae").contains("60/100").contains("loss 0.01230").contains("8.50 samples/s");
    // lines for a log file: no carriage returns or escape sequences redrawing a bar
    assertThat(lines).allSatisfy(l -> assertThat(l).doesNotContain("\r").doesNotContain("\u001b"));
    // periodic, not one line per step
    assertThat(lines.size()).isLessThan(20);
  }

  @Test
  void rejectsImpossibleRanges() {
    ProgressDisplay quiet = new ProgressDisplay.Lines(Duration.ofSeconds(1), s -> {});
    assertThatThrownBy(() -> new TrainingProgress("t", 0, 0, quiet))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("total steps must be positive");
    assertThatThrownBy(() -> new TrainingProgress("t", 10, 11, quiet))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("start step must be in 0..10");
    assertThatThrownBy(() -> new ProgressDisplay.Lines(Duration.ZERO, s -> {}))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("positive duration");
  }
}
