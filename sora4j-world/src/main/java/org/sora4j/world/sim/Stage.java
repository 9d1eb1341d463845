package org.sora4j.world.sim;

/**
 * The part of the world the camera sees in every frame of a clip, in world units: where the
 * planner puts the action so that a pan or zoom does not lose it.
 */
record Stage(double left, double right, double top, double bottom) {
  double width() {
    return right - left;
  }

  double height() {
    return bottom - top;
  }

  /** This stage grown about its centre to at least the given size (a pan in a narrow frame leaves too little). */
  Stage atLeast(double minWidth, double minHeight) {
    double w = Math.max(width(), minWidth);
    double h = Math.max(height(), minHeight);
    double cx = (left + right) / 2;
    double cy = (top + bottom) / 2;
    return new Stage(cx - w / 2, cx + w / 2, cy - h / 2, cy + h / 2);
  }
}
