package org.sora4j.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class Sora4jTest {
  /** Runs the command line with stderr captured: {exit code, what it printed}. */
  private static Object[] runCapturingErrors(String... args) {
    PrintStream original = System.err;
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    try {
      System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
      int code = Sora4j.execute(args);
      return new Object[] {code, err.toString(StandardCharsets.UTF_8)};
    } finally {
      System.setErr(original);
    }
  }

  @Test
  void aMistypedValueOrOptionGetsOneErrorLineAndExitCodeTwo() {
    for (String[] args : new String[][] {
        {"generate", "a red ball", "--seed", "abc"},
        {"generate", "a red ball", "--no-such-option"},
        {"eval", "--mode", "sideways"},
        {"judge"}}) {
      Object[] result = runCapturingErrors(args);
      String printed = ((String) result[1]).strip();
      assertThat(result[0]).as(String.join(" ", args)).isEqualTo(2);
      assertThat(printed.lines().count()).as(printed).isEqualTo(1);
      assertThat(printed).contains("error: ").contains("--help");
    }
  }
}
