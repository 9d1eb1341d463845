package org.sora4j.world.judge;

/**
 * One object in one frame in world units (frame heights, y down), camera motion undone.
 *
 * @param time video seconds
 * @param area in frame heights squared, for momentum (mass ~ area)
 * @param clean whether the whole object was seen on its own, so its shape, size and position can
 *     be trusted
 * @param placed whether its position can be trusted: it is clean, or enough of its outline shows
 *     to place it (one side hidden by the wall or the frame edge)
 */
record Sighting(int frame, double time, double x, double y, double radius, double area, Blob blob, boolean clean,
    boolean placed) {
  Sighting unclean() {
    return new Sighting(frame, time, x, y, radius, area, blob, false, placed);
  }

  /** This sighting placed at a corrected position. */
  Sighting at(double newX, double newY) {
    return new Sighting(frame, time, newX, newY, radius, area, blob, clean, true);
  }
}
