package org.sora4j.train.log;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TrainingLogTest {
  @TempDir Path dir;

  @Test
  void writesAHeaderAndOneLinePerStep() throws IOException {
    Path csv = dir.resolve("loss.csv");
    try (TrainingLog log = TrainingLog.open(csv, 0)) {
      log.add(1, metrics(0.5, 1e-4, Double.NaN));
      log.add(2, metrics(0.25, 1e-4, 31.5));
    }
    List<String> lines = Files.readAllLines(csv);
    assertThat(lines).hasSize(3);
    assertThat(lines.get(0)).isEqualTo("step,elapsed_s,loss,lr,heldout_psnr");
    assertThat(lines.get(1)).matches("1,\\d+\\.\\d{3},0\\.5,1\\.0E-4,");
    assertThat(lines.get(2)).matches("2,\\d+\\.\\d{3},0\\.25,1\\.0E-4,31\\.5");
  }

  @Test
  void resumingDropsTheRowsAfterTheResumedStep() throws IOException {
    Path csv = dir.resolve("loss.csv");
    try (TrainingLog log = TrainingLog.open(csv, 0)) {
      for (int step = 1; step <= 10; step++) {
        log.add(step, metrics(1.0 / step, 1e-3, Double.NaN));
      }
    }
    try (TrainingLog log = TrainingLog.open(csv, 6)) {
      assertThat(log.columns()).containsExactly("loss", "lr", "heldout_psnr");
      assertThat(log.rows()).extracting(LogRow::step).containsExactly(1L, 2L, 3L, 4L, 5L, 6L);
      double lastElapsed = log.rows().get(5).elapsedSeconds();
      log.add(7, metrics(0.9, 1e-3, 20));
      assertThat(log.rows().get(6).elapsedSeconds()).isGreaterThanOrEqualTo(lastElapsed);
      assertThatThrownBy(() -> log.add(7, metrics(0.9, 1e-3, 20)))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("step 7 is not after the last logged step 7");
    }
    List<String> lines = Files.readAllLines(csv);
    assertThat(lines).hasSize(1 + 7);
    assertThat(lines.get(6)).startsWith("6,");
    assertThat(lines.get(7)).startsWith("7,").endsWith(",0.9,0.001,20.0");
    // the resumed values survive exactly
    try (TrainingLog log = TrainingLog.open(csv, 100)) {
      assertThat(log.rows().get(2).value(0)).isEqualTo(1.0 / 3);
      assertThat(Double.isNaN(log.rows().get(2).value(2))).isTrue();
    }
    assertThat(listing()).containsExactly("loss.csv");
  }

  @Test
  void aTornLastLineFromACrashIsDropped() throws IOException {
    Path csv = dir.resolve("loss.csv");
    Files.writeString(csv, "step,elapsed_s,loss\n1,0.100,0.5\n2,0.200,0.4\n3,0.3");
    try (TrainingLog log = TrainingLog.open(csv, 10)) {
      assertThat(log.rows()).extracting(LogRow::step).containsExactly(1L, 2L);
      log.add(3, Map.of("loss", 0.3));
    }
    assertThat(Files.readAllLines(csv)).hasSize(4).last().asString().startsWith("3,");
  }

  @Test
  void rejectsMismatchedMetricsAndForeignFiles() throws IOException {
    Path csv = dir.resolve("loss.csv");
    try (TrainingLog log = TrainingLog.open(csv, 0)) {
      log.add(1, metrics(0.5, 1e-4, 1));
      assertThatThrownBy(() -> log.add(2, Map.of("loss", 0.4)))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("differ from the log's columns [loss, lr, heldout_psnr]");
    }
    try (TrainingLog log = TrainingLog.open(dir.resolve("other.csv"), 0)) {
      assertThatThrownBy(() -> log.add(1, Map.of("a,b", 1.0)))
          .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("cannot be a CSV column");
      assertThatThrownBy(() -> log.add(1, Map.of("step", 1.0)))
          .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("is reserved");
    }
    Path foreign = dir.resolve("foreign.csv");
    Files.writeString(foreign, "name,age\nx,3\n");
    assertThatThrownBy(() -> TrainingLog.open(foreign, 0))
        .isInstanceOf(IOException.class).hasMessageContaining("foreign.csv is not a training log");
    Path broken = dir.resolve("broken.csv");
    Files.writeString(broken, "step,elapsed_s,loss\n1,0.1,0.5\n2,0.2\n3,0.3,0.2\n");
    assertThatThrownBy(() -> TrainingLog.open(broken, 5))
        .isInstanceOf(IOException.class).hasMessageContaining("broken.csv line 3: expected 3 cells, found 2");
    assertThatThrownBy(() -> TrainingLog.open(csv, -1))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("resume step must be >= 0");
  }

  @Test
  void plotsAValidPng() throws IOException {
    Path csv = dir.resolve("loss.csv");
    Path png = dir.resolve("loss.png");
    try (TrainingLog log = TrainingLog.open(csv, 0)) {
      log.plot(png, "empty run"); // before any row: an empty frame, not an error
      assertThat(ImageIO.read(png.toFile())).isNotNull();
      for (int step = 1; step <= 300; step++) {
        double noise = 0.2 * Math.sin(step * 1.7);
        log.add(step, metrics(Math.exp(-step / 80.0) * (1 + noise), 1e-4, step % 100 == 0 ? 25 : Double.NaN));
      }
      log.plot(png, "VAE training");
    }
    assertThat(Files.size(png)).isGreaterThan(1000);
    BufferedImage image = ImageIO.read(png.toFile());
    assertThat(image).isNotNull();
    assertThat(image.getWidth()).isEqualTo(900);
    assertThat(image.getHeight()).isEqualTo(500);
    assertThat(distinctColors(image)).isGreaterThan(5); // something was drawn, not a blank canvas
    assertThat(listing()).containsExactlyInAnyOrder("loss.csv", "loss.png");
  }

  @Test
  void movingAverageIsUnbiasedAndSmooth() {
    List<Double> constant = LossChart.ema(List.of(2.0, 2.0, 2.0, 2.0));
    assertThat(constant).allSatisfy(v -> assertThat(v).isCloseTo(2.0, org.assertj.core.data.Offset.offset(1e-12)));
    List<Double> zigzag = new java.util.ArrayList<>();
    for (int i = 0; i < 500; i++) {
      zigzag.add(i % 2 == 0 ? 1.0 : 3.0);
    }
    List<Double> smooth = LossChart.ema(zigzag);
    assertThat(smooth.get(0)).isEqualTo(1.0);
    assertThat(smooth.subList(400, 500)).allSatisfy(v -> assertThat(v).isBetween(1.8, 2.2));
  }

  private static Map<String, Double> metrics(double loss, double lr, double psnr) {
    Map<String, Double> m = new LinkedHashMap<>();
    m.put("loss", loss);
    m.put("lr", lr);
    m.put("heldout_psnr", psnr);
    return m;
  }

  private static long distinctColors(BufferedImage image) {
    java.util.Set<Integer> colors = new java.util.HashSet<>();
    for (int y = 0; y < image.getHeight(); y += 3) {
      for (int x = 0; x < image.getWidth(); x += 3) {
        colors.add(image.getRGB(x, y));
      }
    }
    return colors.size();
  }

  private List<String> listing() throws IOException {
    try (Stream<Path> files = Files.list(dir)) {
      return files.map(p -> p.getFileName().toString()).sorted().toList();
    }
  }
}
