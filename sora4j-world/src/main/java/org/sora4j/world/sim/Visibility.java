package org.sora4j.world.sim;

import java.util.List;

/** How much of an object the camera sees: the share of its area inside the frame and not behind an occluder. */
final class Visibility {
  /** Sample grid per side over the object's bounding square. */
  private static final int GRID = 16;

  private Visibility() {}

  static double of(Figure object, View view, List<Figure> occluders) {
    double left = view.left();
    double right = view.right();
    double top = view.top();
    double bottom = view.bottom();
    double w = object.maxX() - object.minX();
    double h = object.maxY() - object.minY();
    int inside = 0;
    int seen = 0;
    for (int j = 0; j < GRID; j++) {
      double y = object.minY() + h * (j + 0.5) / GRID;
      for (int i = 0; i < GRID; i++) {
        double x = object.minX() + w * (i + 0.5) / GRID;
        if (!object.contains(x, y)) {
          continue;
        }
        inside++;
        if (x >= left && x <= right && y >= top && y <= bottom && !hidden(x, y, occluders)) {
          seen++;
        }
      }
    }
    return inside == 0 ? 0 : (double) seen / inside;
  }

  private static boolean hidden(double x, double y, List<Figure> occluders) {
    for (Figure f : occluders) {
      if (f.contains(x, y)) {
        return true;
      }
    }
    return false;
  }
}
