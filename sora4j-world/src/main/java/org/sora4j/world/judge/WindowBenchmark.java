package org.sora4j.world.judge;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.IntConsumer;
import org.sora4j.core.video.Video;
import org.sora4j.world.scene.SceneSpec;

/**
 * Judges long videos window by window: each prompt is made once at the full length, cut into
 * consecutive windows, and every window judged against the prompt on its own. The means per
 * window show whether prompt, physics, permanence and consistency hold up along the length (the
 * report on Sora says its quality falls off past 25 to 30 seconds).
 */
public final class WindowBenchmark {
  private WindowBenchmark() {}

  /**
   * The benchmark's outcome for one window position.
   *
   * @param from seconds from the start where the window begins
   * @param to seconds from the start where it ends
   * @param result the window of every prompt, judged
   */
  public record Window(double from, double to, BenchResult result) {}

  /**
   * Runs the benchmark. Prompt {@code i} is made with seed {@code i} at {@code options.seconds()};
   * a last window shorter than {@code windowSeconds} is left out.
   *
   * @param progress told the number of prompts done after each one
   * @throws IllegalArgumentException if the window is not positive or longer than the videos
   */
  public static List<Window> run(List<String> prompts, BenchOptions options, double windowSeconds,
      Benchmark.VideoMaker maker, IntConsumer progress) {
    Objects.requireNonNull(options, "options");
    if (prompts.isEmpty()) {
      throw new IllegalArgumentException("no prompt to benchmark");
    }
    int windowFrames = (int) Math.round(windowSeconds * options.fps());
    if (!(windowSeconds > 0) || windowFrames < 2) {
      throw new IllegalArgumentException("a window needs at least 2 frames, got " + windowSeconds + " s at "
          + options.fps() + " fps");
    }
    if (windowSeconds > options.seconds()) {
      throw new IllegalArgumentException("a window of " + windowSeconds + " s is longer than the " + options.seconds()
          + " s videos");
    }
    Judge judge = new Judge();
    List<List<BenchResult.Row>> byWindow = new ArrayList<>();
    for (int i = 0; i < prompts.size(); i++) {
      String prompt = prompts.get(i);
      SceneSpec spec = Benchmark.parse(prompt, i);
      Video video = maker.make(prompt, spec, i, options);
      int windows = video.frameCount() / windowFrames;
      if (windows == 0) {
        throw new IllegalArgumentException("the video of prompt " + (i + 1) + " has " + video.frameCount()
            + " frames, fewer than one window of " + windowFrames);
      }
      for (int w = 0; w < windows; w++) {
        if (byWindow.size() <= w) {
          byWindow.add(new ArrayList<>());
        }
        Video part = video.slice(w * windowFrames, (w + 1) * windowFrames);
        byWindow.get(w).add(new BenchResult.Row(prompt, i, judge.score(part, spec)));
      }
      progress.accept(i + 1);
    }
    List<Window> out = new ArrayList<>();
    for (int w = 0; w < byWindow.size(); w++) {
      double from = w * windowFrames / options.fps();
      out.add(new Window(from, from + windowFrames / options.fps(), BenchResult.of(byWindow.get(w))));
    }
    return out;
  }
}
