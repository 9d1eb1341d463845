package org.sora4j.train.log;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A training run's metrics as {@code loss.csv} (one row per step: step, elapsed seconds and the
 * named metrics) and, on demand, a {@code loss.png} chart of it.
 *
 * <p>Resumable: opening an existing log for resuming at step {@code s} keeps its columns and its
 * rows up to {@code s}, drops the rows after it (they belong to the abandoned tail of the earlier
 * run) and continues the elapsed-time clock where the last kept row left it.
 */
public final class TrainingLog implements AutoCloseable {
  private final Path csv;
  private final List<LogRow> rows;
  private final double elapsedBefore;
  private final long openedNanos;
  private List<String> columns;
  private BufferedWriter writer;

  private TrainingLog(Path csv, List<String> columns, List<LogRow> rows, BufferedWriter writer) {
    this.csv = csv;
    this.columns = columns;
    this.rows = rows;
    this.writer = writer;
    this.elapsedBefore = rows.isEmpty() ? 0 : rows.get(rows.size() - 1).elapsedSeconds();
    this.openedNanos = System.nanoTime();
  }

  /**
   * Opens {@code csv} to append to, creating it if missing.
   *
   * @param resumeStep the step training resumes after (0 for a fresh run): rows with a larger
   *     step are dropped from the file
   * @throws IOException naming the file and line if an existing file is not a training log
   */
  public static TrainingLog open(Path csv, long resumeStep) throws IOException {
    if (resumeStep < 0) {
      throw new IllegalArgumentException("resume step must be >= 0, got " + resumeStep);
    }
    List<String> columns = null;
    List<LogRow> kept = new ArrayList<>();
    if (Files.exists(csv)) {
      LossCsv.Content content = LossCsv.read(csv);
      columns = content.columns();
      for (LogRow row : content.rows()) {
        if (row.step() <= resumeStep) {
          kept.add(row);
        }
      }
      rewrite(csv, columns, kept);
    } else if (csv.toAbsolutePath().getParent() != null) {
      Files.createDirectories(csv.toAbsolutePath().getParent());
    }
    BufferedWriter writer = Files.newBufferedWriter(csv, StandardCharsets.UTF_8,
        StandardOpenOption.CREATE, StandardOpenOption.WRITE, StandardOpenOption.APPEND);
    return new TrainingLog(csv, columns, kept, writer);
  }

  /**
   * Appends the row of {@code step}. The first row ever written fixes the metric columns (in the
   * map's iteration order); later rows must name the same metrics. NaN is written as an empty
   * cell, for metrics measured only now and then.
   *
   * @throws IllegalArgumentException if the metrics differ from the columns, a name cannot be a
   *     CSV column, or {@code step} is not after the last logged step
   */
  public void add(long step, Map<String, Double> metrics) throws IOException {
    if (writer == null) {
      throw new IllegalStateException("training log " + csv + " is closed");
    }
    Objects.requireNonNull(metrics, "metrics");
    if (!rows.isEmpty() && step <= rows.get(rows.size() - 1).step()) {
      throw new IllegalArgumentException("step " + step + " is not after the last logged step "
          + rows.get(rows.size() - 1).step());
    }
    if (columns == null) {
      metrics.keySet().forEach(TrainingLog::checkColumnName);
      columns = List.copyOf(metrics.keySet());
      writer.write(LossCsv.header(columns));
      writer.newLine();
    } else if (!metrics.keySet().equals(new java.util.HashSet<>(columns))) {
      throw new IllegalArgumentException("metrics " + metrics.keySet() + " differ from the log's"
          + " columns " + columns + ", fixed by its first row");
    }
    double[] values = new double[columns.size()];
    for (int i = 0; i < values.length; i++) {
      Double v = metrics.get(columns.get(i));
      values[i] = v == null ? Double.NaN : v;
    }
    LogRow row = new LogRow(step, elapsedBefore + (System.nanoTime() - openedNanos) / 1e9, values);
    writer.write(LossCsv.line(row));
    writer.newLine();
    // a crash then loses at most the row being written
    writer.flush();
    rows.add(row);
  }

  /**
   * Renders the loss columns (those whose name contains "loss", or else the first metric) to a
   * PNG: each raw series faint, its exponential moving average bold, on a log scale when every
   * value is positive. Replaces {@code png} atomically.
   */
  public void plot(Path png, String title) throws IOException {
    LossChart.write(png, title, columns == null ? List.of() : columns, List.copyOf(rows));
  }

  /** The metric columns, empty until the first row fixes them. */
  public List<String> columns() {
    return columns == null ? List.of() : columns;
  }

  /** Every row in the log, resumed ones included. */
  public List<LogRow> rows() {
    return List.copyOf(rows);
  }

  /** Closes the file; the log can still be plotted. */
  @Override
  public void close() throws IOException {
    if (writer != null) {
      writer.close();
      writer = null;
    }
  }

  private static void checkColumnName(String name) {
    if (name == null || name.isBlank() || name.matches(".*[,\"\\s].*")) {
      throw new IllegalArgumentException("metric name \"" + name
          + "\" cannot be a CSV column: use letters, digits and _");
    }
    if (name.equals(LossCsv.STEP) || name.equals(LossCsv.ELAPSED)) {
      throw new IllegalArgumentException("metric name \"" + name + "\" is reserved by the log");
    }
  }

  /** Writes the kept part of a resumed log in place of the old file, atomically. */
  private static void rewrite(Path csv, List<String> columns, List<LogRow> rows) throws IOException {
    StringBuilder text = new StringBuilder();
    if (columns != null) {
      text.append(LossCsv.header(columns)).append('\n');
      rows.forEach(r -> text.append(LossCsv.line(r)).append('\n'));
    }
    Path temp = csv.resolveSibling("." + csv.getFileName() + ".tmp");
    Files.writeString(temp, text, StandardCharsets.UTF_8);
    Files.move(temp, csv, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
  }
}
