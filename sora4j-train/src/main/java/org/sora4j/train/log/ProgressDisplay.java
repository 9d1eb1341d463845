package org.sora4j.train.log;

import java.time.Duration;
import java.util.Objects;
import java.util.function.Consumer;

/** Where a {@link TrainingProgress} shows itself. */
public sealed interface ProgressDisplay {

  /** A bar redrawn in place on the terminal (the progress library's own console output). */
  record Terminal() implements ProgressDisplay {}

  /**
   * One plain line every {@code every}, for logs and CI where a redrawn bar would be noise.
   *
   * @param every time between lines
   * @param sink receives each line, without a line terminator
   */
  record Lines(Duration every, Consumer<String> sink) implements ProgressDisplay {
    /** Checks the interval is positive. */
    public Lines {
      Objects.requireNonNull(sink, "sink");
      if (every == null || every.isNegative() || every.isZero() || every.toMillis() > Integer.MAX_VALUE) {
        throw new IllegalArgumentException("progress line interval must be a positive duration, got " + every);
      }
    }
  }

  /** A terminal bar when the JVM has a console, else a line to stdout every 30 seconds. */
  static ProgressDisplay auto() {
    boolean terminal = System.console() != null && !"dumb".equals(System.getenv("TERM"));
    return terminal ? new Terminal() : new Lines(Duration.ofSeconds(30), System.out::println);
  }
}
