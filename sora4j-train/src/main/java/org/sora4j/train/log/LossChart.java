package org.sora4j.train.log;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import javax.imageio.ImageIO;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.markers.SeriesMarkers;

/** Renders loss curves to a PNG with XChart, which draws off-screen and so works headless. */
final class LossChart {
  private static final int WIDTH = 900;
  private static final int HEIGHT = 500;
  /** Raw points drawn at most; the moving average still uses every row. */
  private static final int MAX_RAW_POINTS = 4000;
  private static final Color[] PALETTE = {
    new Color(31, 119, 180), new Color(214, 39, 40), new Color(44, 160, 44), new Color(148, 103, 189)
  };

  private LossChart() {}

  static void write(Path png, String title, List<String> columns, List<LogRow> rows)
      throws IOException {
    BufferedImage image = BitmapEncoder.getBufferedImage(chart(title, columns, rows));
    Path dir = png.toAbsolutePath().getParent();
    Files.createDirectories(dir);
    Path temp = Files.createTempFile(dir, "." + png.getFileName() + ".", ".tmp");
    try {
      if (!ImageIO.write(image, "png", temp.toFile())) {
        throw new IOException("no PNG writer available for " + png);
      }
      Files.move(temp, png, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    } finally {
      Files.deleteIfExists(temp);
    }
  }

  static XYChart chart(String title, List<String> columns, List<LogRow> rows) {
    XYChart chart = new XYChartBuilder().width(WIDTH).height(HEIGHT).title(title)
        .xAxisTitle("step").yAxisTitle("loss").build();
    chart.getStyler().setMarkerSize(0);
    chart.getStyler().setXAxisDecimalPattern("#");
    chart.getStyler().setChartBackgroundColor(Color.WHITE);
    chart.getStyler().setPlotBackgroundColor(Color.WHITE);
    boolean allPositive = true;
    int plotted = 0;
    for (int c : lossColumns(columns)) {
      List<Double> x = new ArrayList<>();
      List<Double> y = new ArrayList<>();
      for (LogRow row : rows) {
        double v = row.value(c);
        if (Double.isFinite(v)) {
          x.add((double) row.step());
          y.add(v);
          allPositive &= v > 0;
        }
      }
      if (x.isEmpty()) {
        continue;
      }
      Color color = PALETTE[plotted++ % PALETTE.length];
      String name = columns.get(c);
      int stride = Math.max(1, x.size() / MAX_RAW_POINTS);
      XYSeries raw = chart.addSeries(name, every(x, stride), every(y, stride));
      raw.setLineColor(new Color(color.getRed(), color.getGreen(), color.getBlue(), 70));
      raw.setMarker(SeriesMarkers.NONE);
      raw.setLineStyle(new BasicStroke(1f));
      XYSeries smooth = chart.addSeries(name + " (EMA)", x, ema(y));
      smooth.setLineColor(color);
      smooth.setMarker(SeriesMarkers.NONE);
      smooth.setLineStyle(new BasicStroke(2.2f));
    }
    if (plotted == 0) {
      // XChart cannot draw axes without data: show an empty frame instead of failing mid-run
      chart.setTitle(title + " (no data yet)");
      chart.addSeries("no data", new double[] {0}, new double[] {0}).setMarker(SeriesMarkers.NONE);
    } else {
      chart.getStyler().setYAxisLogarithmic(allPositive);
    }
    return chart;
  }

  /**
   * Exponential moving average with bias correction (as TensorBoard smooths), its span growing
   * with the run so a long curve is as readable as a short one.
   */
  static List<Double> ema(List<Double> values) {
    double span = Math.max(2, Math.min(200, values.size() / 25.0));
    double beta = 1 - 2 / (span + 1);
    List<Double> out = new ArrayList<>(values.size());
    double avg = 0;
    double weight = 0;
    for (double v : values) {
      avg = beta * avg + (1 - beta) * v;
      weight = beta * weight + (1 - beta);
      out.add(avg / weight);
    }
    return out;
  }

  private static List<Integer> lossColumns(List<String> columns) {
    List<Integer> out = new ArrayList<>();
    for (int i = 0; i < columns.size(); i++) {
      if (columns.get(i).toLowerCase(java.util.Locale.ROOT).contains("loss")) {
        out.add(i);
      }
    }
    if (out.isEmpty() && !columns.isEmpty()) {
      out.add(0);
    }
    return out;
  }

  private static List<Double> every(List<Double> values, int stride) {
    if (stride == 1) {
      return values;
    }
    List<Double> out = new ArrayList<>();
    for (int i = 0; i < values.size(); i += stride) {
      out.add(values.get(i));
    }
    return out;
  }
}
