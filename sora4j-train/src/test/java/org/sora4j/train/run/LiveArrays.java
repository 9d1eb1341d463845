package org.sora4j.train.run;

import ai.djl.ndarray.NDManager;

/** Counts the native arrays alive in the engine, to show that a training loop closes what it makes. */
public final class LiveArrays {
  private LiveArrays() {}

  /** Arrays alive in every manager of the engine (all are children of its system manager). */
  public static int count() {
    try (NDManager probe = NDManager.newBaseManager()) {
      return probe.getParentManager().getManagedArrays().size();
    }
  }
}
