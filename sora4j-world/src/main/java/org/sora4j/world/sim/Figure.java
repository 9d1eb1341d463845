package org.sora4j.world.sim;

/**
 * A filled region of the world plane, in world units (frame heights, y down): the objects, the
 * wall and the background details. The canvas rasterises any figure from its bounds and {@link
 * #contains}.
 */
sealed interface Figure {
  double minX();

  double maxX();

  double minY();

  double maxY();

  boolean contains(double x, double y);

  /** A filled circle. */
  record Disc(double cx, double cy, double r) implements Figure {
    public double minX() { return cx - r; }
    public double maxX() { return cx + r; }
    public double minY() { return cy - r; }
    public double maxY() { return cy + r; }

    public boolean contains(double x, double y) {
      double dx = x - cx;
      double dy = y - cy;
      return dx * dx + dy * dy <= r * r;
    }
  }

  /** An axis-aligned rectangle. */
  record Rect(double minX, double minY, double maxX, double maxY) implements Figure {
    static Rect square(double cx, double cy, double half) {
      return new Rect(cx - half, cy - half, cx + half, cy + half);
    }

    public boolean contains(double x, double y) {
      return x >= minX && x <= maxX && y >= minY && y <= maxY;
    }
  }

  /** An upward isosceles triangle centred at (cx, cy): base 2r along y = cy + r, apex at cy - r. */
  record Triangle(double cx, double cy, double r) implements Figure {
    public double minX() { return cx - r; }
    public double maxX() { return cx + r; }
    public double minY() { return cy - r; }
    public double maxY() { return cy + r; }

    public boolean contains(double x, double y) {
      double below = y - (cy - r);
      return below >= 0 && below <= 2 * r && Math.abs(x - cx) <= below / 2;
    }
  }

  /** An ellipse; {@code upperHalfOnly} cuts it at its centre line, for mounds standing on a line. */
  record Ellipse(double cx, double cy, double rx, double ry, boolean upperHalfOnly) implements Figure {
    public double minX() { return cx - rx; }
    public double maxX() { return cx + rx; }
    public double minY() { return cy - ry; }
    public double maxY() { return upperHalfOnly ? cy : cy + ry; }

    public boolean contains(double x, double y) {
      if (upperHalfOnly && y > cy) {
        return false;
      }
      double dx = (x - cx) / rx;
      double dy = (y - cy) / ry;
      return dx * dx + dy * dy <= 1;
    }
  }

  /** A wavy line: a band of half-thickness {@code half} around {@code y + amp * sin(2 pi (x - phase) / wavelength)}. */
  record Ripple(double minX, double maxX, double y, double amp, double wavelength, double phase, double half)
      implements Figure {
    public double minY() { return y - amp - half; }
    public double maxY() { return y + amp + half; }

    public boolean contains(double x, double py) {
      double curve = y + amp * Math.sin(2 * Math.PI * (x - phase) / wavelength);
      return Math.abs(py - curve) <= half && x >= minX && x <= maxX;
    }
  }
}
