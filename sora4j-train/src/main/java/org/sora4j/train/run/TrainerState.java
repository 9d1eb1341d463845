package org.sora4j.train.run;

/**
 * Where a training run stands; saved with every checkpoint as {@code trainer_state.json}.
 *
 * @param step optimiser steps done
 * @param seed the run's seed (data order is a function of seed and step)
 * @param cpuSeconds process CPU time spent training so far, over all sessions
 */
public record TrainerState(long step, long seed, double cpuSeconds) {

  public static TrainerState start(long seed) {
    return new TrainerState(0, seed, 0);
  }

  /** The state after one more step that took {@code cpu} CPU seconds. */
  public TrainerState next(double cpu) {
    return new TrainerState(step + 1, seed, cpuSeconds + cpu);
  }
}
