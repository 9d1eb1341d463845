package org.sora4j.train.log;

import java.util.Arrays;

/**
 * One row of a training log.
 *
 * @param step the training step the row describes
 * @param elapsedSeconds wall-clock seconds of training up to this row, across resumes
 * @param values one value per metric column, NaN where a metric was not measured
 */
public record LogRow(long step, double elapsedSeconds, double[] values) {

  /** Copies {@code values} so the row stays immutable. */
  public LogRow {
    values = values.clone();
  }

  @Override
  public double[] values() {
    return values.clone();
  }

  /** The value of column {@code index} without copying the row. */
  public double value(int index) {
    return values[index];
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof LogRow r && r.step == step
        && Double.compare(r.elapsedSeconds, elapsedSeconds) == 0 && Arrays.equals(r.values, values);
  }

  @Override
  public int hashCode() {
    return Long.hashCode(step) * 31 + Arrays.hashCode(values);
  }

  @Override
  public String toString() {
    return "LogRow[step=" + step + ", elapsedSeconds=" + elapsedSeconds + ", values="
        + Arrays.toString(values) + "]";
  }
}
