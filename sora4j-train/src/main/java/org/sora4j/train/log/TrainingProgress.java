package org.sora4j.train.log;

import java.time.Duration;
import java.util.Locale;
import java.util.Objects;
import me.tongfei.progressbar.DelegatingProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;

/**
 * Progress of a training loop: steps done of the total, the latest loss, samples per second and
 * the time left (estimated from the steps of this session, so a resumed run estimates honestly).
 */
public final class TrainingProgress implements AutoCloseable {
  private static final int LINE_WIDTH = 110;

  private final ProgressBar bar;

  /**
   * Shows progress on the terminal, or as periodic lines on stdout when there is none.
   *
   * @param task what is being trained, shown before the bar
   * @param totalSteps the step training ends at
   * @param startStep the step training starts (or resumes) from
   */
  public TrainingProgress(String task, long totalSteps, long startStep) {
    this(task, totalSteps, startStep, ProgressDisplay.auto());
  }

  /** Shows progress on {@code display}; see {@link #TrainingProgress(String, long, long)}. */
  public TrainingProgress(String task, long totalSteps, long startStep, ProgressDisplay display) {
    Objects.requireNonNull(task, "task");
    Objects.requireNonNull(display, "display");
    if (totalSteps <= 0) {
      throw new IllegalArgumentException("total steps must be positive, got " + totalSteps);
    }
    if (startStep < 0 || startStep > totalSteps) {
      throw new IllegalArgumentException("start step must be in 0.." + totalSteps + ", got " + startStep);
    }
    ProgressBarBuilder builder = new ProgressBarBuilder()
        .setTaskName(task)
        .setInitialMax(totalSteps)
        .startsFrom(startStep, Duration.ZERO)
        .setMaxRenderedLength(LINE_WIDTH);
    if (display instanceof ProgressDisplay.Lines lines) {
      builder.setStyle(ProgressBarStyle.ASCII)
          .setUpdateIntervalMillis((int) lines.every().toMillis())
          .setConsumer(new DelegatingProgressBarConsumer(lines.sink(), LINE_WIDTH));
    } else {
      builder.setStyle(ProgressBarStyle.COLORFUL_UNICODE_BLOCK).setUpdateIntervalMillis(500);
    }
    this.bar = builder.build();
  }

  /**
   * Records that training reached {@code step}, with that step's loss and throughput.
   *
   * @param samplesPerSecond training samples (clips or images) per second, NaN if unknown
   */
  public void step(long step, double loss, double samplesPerSecond) {
    bar.stepTo(step);
    bar.setExtraMessage(String.format(Locale.ROOT, "loss %.4g  %.3g samples/s", loss, samplesPerSecond));
  }

  /** The step last recorded. */
  public long current() {
    return bar.getCurrent();
  }

  /** Draws the final state and stops the display's refresh thread. */
  @Override
  public void close() {
    bar.close();
  }
}
