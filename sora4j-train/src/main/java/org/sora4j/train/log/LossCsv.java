package org.sora4j.train.log;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * The CSV layout of a training log: a header {@code step,elapsed_s,<metrics...>}, then one line
 * per row; an unmeasured metric is an empty cell. Plain enough for pandas, spreadsheets and awk,
 * so written by hand rather than through a CSV library.
 */
final class LossCsv {
  static final String STEP = "step";
  static final String ELAPSED = "elapsed_s";

  private LossCsv() {}

  /** What an existing log file holds. */
  record Content(List<String> columns, List<LogRow> rows) {}

  static String header(List<String> columns) {
    return STEP + "," + ELAPSED + "," + String.join(",", columns);
  }

  static String line(LogRow row) {
    StringBuilder sb = new StringBuilder().append(row.step()).append(',')
        .append(String.format(Locale.ROOT, "%.3f", row.elapsedSeconds()));
    for (double v : row.values()) {
      sb.append(',');
      if (!Double.isNaN(v)) {
        sb.append(v);
      }
    }
    return sb.toString();
  }

  /**
   * Reads a log file. A last line without its newline is the trace of a crash mid-write and is
   * dropped; any other malformed line is an error naming the file and line.
   */
  static Content read(Path file) throws IOException {
    String text = Files.readString(file, StandardCharsets.UTF_8);
    List<String> lines = new ArrayList<>(Arrays.asList(text.split("\n", -1)));
    // split leaves "" after a final newline, or the torn last line otherwise: drop either
    lines.remove(lines.size() - 1);
    if (lines.isEmpty()) {
      return new Content(null, List.of());
    }
    String[] head = lines.get(0).strip().split(",", -1);
    if (head.length < 2 || !head[0].equals(STEP) || !head[1].equals(ELAPSED)) {
      throw new IOException(file + " is not a training log: its header does not start with "
          + STEP + "," + ELAPSED);
    }
    List<String> columns = List.of(Arrays.copyOfRange(head, 2, head.length));
    List<LogRow> rows = new ArrayList<>();
    for (int i = 1; i < lines.size(); i++) {
      String line = lines.get(i).strip();
      if (!line.isEmpty()) {
        rows.add(parse(file, i + 1, line, head.length));
      }
    }
    return new Content(columns, rows);
  }

  private static LogRow parse(Path file, int lineNumber, String line, int cells) throws IOException {
    String[] parts = line.split(",", -1);
    if (parts.length != cells) {
      throw new IOException(file + " line " + lineNumber + ": expected " + cells + " cells, found "
          + parts.length);
    }
    try {
      double[] values = new double[cells - 2];
      for (int c = 2; c < cells; c++) {
        values[c - 2] = parts[c].isEmpty() ? Double.NaN : Double.parseDouble(parts[c]);
      }
      return new LogRow(Long.parseLong(parts[0]), Double.parseDouble(parts[1]), values);
    } catch (NumberFormatException e) {
      throw new IOException(file + " line " + lineNumber + ": not a number: " + e.getMessage());
    }
  }
}
