package org.sora4j.cli;

import java.awt.Color;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.sora4j.world.judge.WindowBenchmark;

/** The long-video benchmark as a PNG: the judge's scores per window along the video's length. */
final class WindowChart {
  private WindowChart() {}

  static void write(Path png, String title, List<WindowBenchmark.Window> model, List<WindowBenchmark.Window> world)
      throws IOException {
    XYChart chart = new XYChartBuilder().width(900).height(500).title(title)
        .xAxisTitle("seconds (window start)").yAxisTitle("judge score").build();
    chart.getStyler().setChartBackgroundColor(Color.WHITE);
    chart.getStyler().setPlotBackgroundColor(Color.WHITE);
    chart.getStyler().setYAxisMin(0.0);
    chart.getStyler().setYAxisMax(1.0);
    add(chart, "model: overall", model, null);
    add(chart, "model: consistency", model, "consistency");
    add(chart, "model: physics", model, "physics");
    add(chart, "world render: overall", world, null);
    String name = png.getFileName().toString();
    Path base = png.resolveSibling(name.endsWith(".png") ? name.substring(0, name.length() - 4) : name);
    BitmapEncoder.saveBitmap(chart, base.toString(), BitmapEncoder.BitmapFormat.PNG);
  }

  private static void add(XYChart chart, String name, List<WindowBenchmark.Window> windows, String dimension) {
    List<Double> x = new ArrayList<>();
    List<Double> y = new ArrayList<>();
    for (WindowBenchmark.Window w : windows) {
      Double v = dimension == null ? Double.valueOf(w.result().score()) : w.result().dimensionMeans().get(dimension);
      if (v != null) {
        x.add(w.from());
        y.add(v);
      }
    }
    if (!x.isEmpty()) {
      chart.addSeries(name, x, y);
    }
  }
}
