package org.sora4j.world.judge;

/**
 * One object seen in one frame: a connected patch of one object color. Sizes are in pixels;
 * areas count anti-aliased edge pixels by the object's share of them.
 *
 * @param color index into {@link org.sora4j.world.scene.ObjectColor#values()}
 * @param cx centre (centroid), pixels from the left edge (pixel centres at i + 0.5)
 * @param cy centre of the bounding square, pixels from the top edge (the centroid, raised by a
 *     third of the radius for a triangle)
 * @param radius half the longest chord through the patch: half the width of a ball, box or triangle
 * @param fill area over the square of side 2 radius: ~0.785 ball, 1 box, 0.5 triangle
 * @param skew skewness of the rows' mass: ~0 ball and box, ~-0.57 an upward triangle
 * @param left left extent, pixels
 * @param right right extent, pixels
 * @param bottom bottom extent, pixels: the base of a box or triangle, the lowest point of a ball
 * @param hidden which part may be hidden, by the frame edge, the wall or an unknown patch: one of
 *     the {@code HIDDEN_} constants
 */
record Blob(int frame, int color, double area, double cx, double cy, double radius, double fill, double skew,
    double left, double right, double bottom, int hidden) {
  static final int HIDDEN_NONE = 0;
  static final int HIDDEN_LEFT = 1;
  static final int HIDDEN_RIGHT = 2;
  /** The middle is behind the wall; both outer edges show. */
  static final int HIDDEN_MIDDLE = 3;
  static final int HIDDEN_UNKNOWN = 4;

  /** Nothing may hide part of it, so shape, size and centre can all be trusted. */
  boolean clean() {
    return hidden == HIDDEN_NONE;
  }
}
