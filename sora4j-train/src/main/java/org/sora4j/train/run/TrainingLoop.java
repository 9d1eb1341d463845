package org.sora4j.train.run;

import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.LongToDoubleFunction;
import org.sora4j.train.log.TrainingLog;

/**
 * The loop every trainer shares: step after step up to the last, with throughput and CPU time, a
 * row of {@code loss.csv} per step, and on schedule (every few minutes, at snapshot steps and at
 * the end) a quality measurement, the loss chart, a checkpoint and, at snapshot steps, a snapshot.
 * What a step trains, measures and saves is the trainer's.
 */
public final class TrainingLoop {
  /** The trainer's part. */
  public interface Work {
    /** Trains step {@code step} (counted from 0) and returns its loss and batch. */
    Trained train(long step) throws IOException;

    /** A quality figure after {@code step} steps, taken before each checkpoint. */
    double measure(long step) throws IOException;

    /** Writes the checkpoint of {@code state} to the run folder. */
    void save(TrainerState state) throws IOException;
  }

  /** One step's loss, and the samples it trained on (for the throughput; a batch may vary by step). */
  public record Trained(double loss, int samples) {}

  /** What the caller (a progress bar) hears; each trainer's listener adds its own events. */
  public interface Listener {
    void step(long step, double loss, double samplesPerSecond);

    void checkpoint(long step, Path dir, double measure);
  }

  /**
   * When to save and what to call things.
   *
   * @param steps the step training ends at
   * @param checkpointMinutes minutes between checkpoints
   * @param snapshotEvery keep a snapshot every this many steps (0: never)
   * @param learningRate the learning rate of a step, logged beside the loss
   * @param measureColumn the log column of {@link Work#measure}
   * @param chartTitle the title of {@code loss.png}
   */
  public record Schedule(long steps, double checkpointMinutes, int snapshotEvery,
      LongToDoubleFunction learningRate, String measureColumn, String chartTitle) {}

  private TrainingLoop() {}

  /** Trains from {@code state} to {@code schedule.steps()}. */
  public static void run(RunFolder run, TrainerState state, Schedule schedule, Work work, Listener listener)
      throws IOException {
    try (TrainingLog log = TrainingLog.open(run.dir().resolve("loss.csv"), state.step())) {
      long lastSave = System.nanoTime();
      long stepStart = System.nanoTime();
      double cpuBefore = CpuTime.processSeconds();
      while (state.step() < schedule.steps()) {
        long step = state.step();
        Trained trained = work.train(step);
        double loss = trained.loss();
        double rate = trained.samples() / ((System.nanoTime() - stepStart) / 1e9);
        stepStart = System.nanoTime();
        state = state.next(CpuTime.processSeconds() - cpuBefore);
        cpuBefore = CpuTime.processSeconds();
        listener.step(state.step(), loss, rate);
        boolean snapshot = schedule.snapshotEvery() > 0 && state.step() % schedule.snapshotEvery() == 0;
        boolean due = (System.nanoTime() - lastSave) / 60e9 >= schedule.checkpointMinutes()
            || state.step() == schedule.steps() || snapshot;
        double measure = due ? work.measure(state.step()) : Double.NaN;
        Map<String, Double> row = new LinkedHashMap<>();
        row.put("loss", loss);
        row.put("lr", schedule.learningRate().applyAsDouble(step));
        row.put("samples_per_s", rate);
        row.put(schedule.measureColumn(), measure);
        log.add(state.step(), row);
        if (due) {
          log.plot(run.dir().resolve("loss.png"), schedule.chartTitle());
          work.save(state);
          if (snapshot) {
            run.snapshot(state.step());
          }
          listener.checkpoint(state.step(), run.checkpointDir(), measure);
          lastSave = System.nanoTime();
          // checkpoint time is not training time: the next step's rate starts now
          stepStart = System.nanoTime();
        }
      }
    }
  }
}
