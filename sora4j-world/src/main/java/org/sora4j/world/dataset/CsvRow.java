package org.sora4j.world.dataset;

import java.util.List;
import java.util.stream.Collectors;

/** One CSV line with RFC 4180 quoting; one quoting rule does not warrant a CSV library on the classpath. */
final class CsvRow {
  private CsvRow() {}

  static String of(List<String> fields) {
    return fields.stream().map(CsvRow::quote).collect(Collectors.joining(","));
  }

  static String quote(String field) {
    if (field.indexOf(',') < 0 && field.indexOf('"') < 0 && field.indexOf('\n') < 0 && field.indexOf('\r') < 0) {
      return field;
    }
    return '"' + field.replace("\"", "\"\"") + '"';
  }
}
