package org.sora4j.world.sim;

import java.util.List;

/**
 * An object's path through simulated time: consecutive {@link Segment}s, each holding from its
 * start until the next one's. Closed-form rather than stepped, so a frame at any time is exact and
 * the same for any frame rate.
 */
record Trajectory(List<Segment> segments) {
  Trajectory {
    segments = List.copyOf(segments);
    if (segments.isEmpty()) {
      throw new IllegalArgumentException("a trajectory needs a segment");
    }
  }

  static Trajectory of(Segment... segments) {
    return new Trajectory(List.of(segments));
  }

  /** The segment in effect at time {@code t}; times before the first use the first. */
  Segment at(double t) {
    Segment current = segments.get(0);
    for (int i = 1; i < segments.size() && segments.get(i).start() <= t; i++) {
      current = segments.get(i);
    }
    return current;
  }

  double xAt(double t) {
    return at(t).xAt(t);
  }

  double yAt(double t) {
    return at(t).yAt(t);
  }
}
