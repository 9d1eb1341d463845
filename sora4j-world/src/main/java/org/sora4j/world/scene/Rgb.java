package org.sora4j.world.scene;

/** An 8-bit RGB color. */
public record Rgb(int r, int g, int b) {
  public Rgb {
    if ((r | g | b) < 0 || r > 255 || g > 255 || b > 255) {
      throw new IllegalArgumentException("RGB out of range: " + r + "," + g + "," + b);
    }
  }

  /** Euclidean distance in RGB space. */
  public double distance(Rgb o) {
    int dr = r - o.r, dg = g - o.g, db = b - o.b;
    return Math.sqrt(dr * dr + dg * dg + db * db);
  }

  /** Multiplies each channel by a factor, clamped to 0..255. */
  public Rgb times(double fr, double fg, double fb) {
    return new Rgb(clamp(r * fr), clamp(g * fg), clamp(b * fb));
  }

  /** Linear blend: {@code t = 0} gives this, {@code t = 1} gives {@code o}. */
  public Rgb mix(Rgb o, double t) {
    return new Rgb(clamp(r + (o.r - r) * t), clamp(g + (o.g - g) * t), clamp(b + (o.b - b) * t));
  }

  static int clamp(double v) {
    return (int) Math.max(0, Math.min(255, Math.round(v)));
  }
}
