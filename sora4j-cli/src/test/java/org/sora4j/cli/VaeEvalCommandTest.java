package org.sora4j.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code vae eval}: the summary, and with --breakdown where the error lies. */
class VaeEvalCommandTest {
  private static final Pattern ENVIRONMENT = Pattern.compile("psnr (\\w+) +[0-9.]+ +\\((\\d+) clips\\)");
  private static final Pattern CAMERA = Pattern.compile("psnr camera (\\w+) +[0-9.]+ +\\((\\d+) clips\\)");

  @TempDir Path dir;

  @Test
  void theBreakdownCoversEveryClipAndEveryFrame() throws IOException {
    Path vae = TinyVae.saveIn(dir);
    List<String> lines = run(0, "vae", "eval", "--model", vae.toString(), "--clips", "3", "--frames", "5", "--breakdown");

    assertThat(clipsIn(lines, ENVIRONMENT)).as("clips over the environments").isEqualTo(3);
    assertThat(clipsIn(lines, CAMERA)).as("clips over the camera moves").isEqualTo(3);
    assertThat(lines).anyMatch(l -> l.matches("still psnr: \\d+\\.\\d\\d \\(3 clips\\)"));
    String byFrame = lines.stream().filter(l -> l.startsWith("psnr by frame:")).findFirst().orElseThrow();
    assertThat(byFrame.substring("psnr by frame:".length()).trim().split(" ")).hasSize(5);
    String byStep = lines.stream().filter(l -> l.startsWith("flicker by frame step:")).findFirst().orElseThrow();
    String[] steps = byStep.substring("flicker by frame step:".length()).trim().split(" ");
    assertThat(steps).hasSize(4);
    double meanStep = Arrays.stream(steps).mapToDouble(Double::parseDouble).average().orElseThrow();
    String flicker = lines.stream().filter(l -> l.startsWith("flicker: ")).findFirst().orElseThrow();
    // every step has the same number of pixels, so the mean over steps is the clip's flicker
    assertThat(meanStep).isCloseTo(Double.parseDouble(flicker.substring("flicker: ".length())), within(0.01));
    assertThat(lines).anyMatch(l -> l.matches("moving psnr: \\d+\\.\\d\\d \\([1-3] clips with motion\\)"));
    assertThat(lines.get(lines.size() - 1)).matches("psnr: \\d+\\.\\d\\d");

    List<String> plain = run(0, "vae", "eval", "--model", vae.toString(), "--clips", "3", "--frames", "5");
    assertThat(plain).noneMatch(l -> l.startsWith("psnr by frame:"));
    assertThat(plain.get(plain.size() - 1)).isEqualTo(lines.get(lines.size() - 1));
  }

  private static int clipsIn(List<String> lines, Pattern group) {
    int clips = 0;
    for (String line : lines) {
      Matcher m = group.matcher(line);
      if (m.matches()) {
        clips += Integer.parseInt(m.group(2));
      }
    }
    return clips;
  }

  /** Runs the CLI, asserts the exit code and returns what it printed on stdout. */
  static List<String> run(int exitCode, String... args) {
    PrintStream original = System.out;
    ByteArrayOutputStream captured = new ByteArrayOutputStream();
    System.setOut(new PrintStream(captured, true, StandardCharsets.UTF_8));
    try {
      assertThat(Sora4j.execute(args)).isEqualTo(exitCode);
    } finally {
      System.setOut(original);
    }
    return captured.toString(StandardCharsets.UTF_8).lines().toList();
  }
}
