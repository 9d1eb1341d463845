package org.sora4j.server.jobs;

import java.util.function.IntConsumer;

/**
 * Turns sampler steps into a percentage. A long video is sampled window by window and each window
 * counts its steps from 1, so the meter counts calls against an estimate of all steps; the
 * estimate may be off, so the percentage never goes back and stops at 99 until the files are written.
 */
final class ProgressMeter implements IntConsumer {
  /** New frames an extension window adds: (5 latents - 2 of context - 1) x 4 frames. */
  static final int FRAMES_PER_WINDOW = 8;
  /** Frames of a first window: 5 latents at 4x time compression. */
  static final int FIRST_WINDOW = 17;

  private final long expected;
  private final IntConsumer percent;
  private long done;
  private int last = -1;

  ProgressMeter(long expectedSteps, IntConsumer percent) {
    this.expected = Math.max(1, expectedSteps);
    this.percent = percent;
  }

  /** Windows to generate {@code frames} frames from nothing. */
  static int windowsFor(int frames) {
    return 1 + windowsToAdd(Math.max(0, frames - FIRST_WINDOW));
  }

  /**
   * Sampling passes to generate {@code frames} frames from nothing: a clip's first frame is drawn
   * as an image first, then each window.
   */
  static int passesFor(int frames) {
    return (frames > 1 ? 1 : 0) + windowsFor(frames);
  }

  /** Windows to add {@code frames} frames to a video. */
  static int windowsToAdd(int frames) {
    return (frames + FRAMES_PER_WINDOW - 1) / FRAMES_PER_WINDOW;
  }

  @Override
  public void accept(int step) {
    if (Thread.currentThread().isInterrupted()) {
      throw new JobCancelled("the server is stopping");
    }
    done++;
    int now = (int) Math.min(99, done * 100 / expected);
    if (now > last) {
      last = now;
      percent.accept(now);
    }
  }
}
