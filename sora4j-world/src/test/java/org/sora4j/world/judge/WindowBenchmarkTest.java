package org.sora4j.world.judge;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.sora4j.core.video.Video;

class WindowBenchmarkTest {
  private static final List<String> PROMPTS = List.of(
      "a red ball bounces on the grass at sunset", "a blue box slides across the sand", "a green triangle falls in the snow");

  @Test
  void groundTruthHoldsUpInEveryWindow() {
    List<Integer> progress = new ArrayList<>();
    List<WindowBenchmark.Window> windows =
        WindowBenchmark.run(PROMPTS, new BenchOptions(64, 64, 8, 12), 4, Benchmark.WORLD, progress::add);
    assertThat(progress).containsExactly(1, 2, 3);
    assertThat(windows).extracting(WindowBenchmark.Window::from).containsExactly(0.0, 4.0, 8.0);
    assertThat(windows).extracting(WindowBenchmark.Window::to).containsExactly(4.0, 8.0, 12.0);
    assertThat(windows).allSatisfy(w -> {
      assertThat(w.result().rows()).hasSize(3);
      assertThat(w.result().score()).isGreaterThan(0.8);
    });
  }

  @Test
  void aVideoThatFallsApartLateScoresLowerLate() {
    // the render's second half is replaced by its first frame with the objects gone: a flat field
    Benchmark.VideoMaker decaying = (prompt, spec, seed, options) -> {
      Video video = Benchmark.WORLD.make(prompt, spec, seed, options);
      int half = video.frameCount() / 2;
      byte[] grey = new byte[video.width() * video.height() * 3];
      java.util.Arrays.fill(grey, (byte) 128);
      List<byte[]> frames = new ArrayList<>();
      for (int i = 0; i < video.frameCount(); i++) {
        frames.add(i < half ? video.frame(i) : grey);
      }
      return Video.of(video.width(), video.height(), video.fps(), frames);
    };
    List<WindowBenchmark.Window> windows =
        WindowBenchmark.run(PROMPTS, new BenchOptions(64, 64, 8, 8), 4, decaying, i -> {});
    assertThat(windows).hasSize(2);
    assertThat(windows.get(1).result().score()).isLessThan(windows.get(0).result().score() - 0.3);
  }

  @Test
  void refusesWindowsThatDoNotFit() {
    assertThatThrownBy(() -> WindowBenchmark.run(PROMPTS, new BenchOptions(64, 64, 8, 2), 0.1, Benchmark.WORLD, i -> {}))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("at least 2 frames");
    assertThatThrownBy(() -> WindowBenchmark.run(PROMPTS, new BenchOptions(64, 64, 8, 2), 5, Benchmark.WORLD, i -> {}))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("longer than the 2.0 s videos");
  }
}
