package org.sora4j.world.sim;

/**
 * A stretch of motion under constant acceleration, from simulated time {@code start} on. Every
 * motion in the world (constant velocity, a ballistic arc, rolling to a stop, resting) is one.
 * Units: frame heights and simulated seconds; y runs down.
 */
record Segment(double start, double x, double y, double vx, double vy, double ax, double ay) {
  static Segment rest(double start, double x, double y) {
    return new Segment(start, x, y, 0, 0, 0, 0);
  }

  double xAt(double t) {
    double dt = t - start;
    return x + vx * dt + 0.5 * ax * dt * dt;
  }

  double yAt(double t) {
    double dt = t - start;
    return y + vy * dt + 0.5 * ay * dt * dt;
  }

  double vxAt(double t) {
    return vx + ax * (t - start);
  }

  double vyAt(double t) {
    return vy + ay * (t - start);
  }
}
