package org.sora4j.media;

/**
 * A frame rate as the rational {@code num/den} that containers store.
 *
 * @param num frames
 * @param den per this many seconds
 */
record FrameRate(int num, int den) {
  FrameRate {
    if (num <= 0 || den <= 0) {
      throw new IllegalArgumentException("frame rate must be positive, got " + num + "/" + den);
    }
  }

  /**
   * The rational closest to {@code fps}, preferring the NTSC form {@code n*1000/1001} (29.97,
   * 23.976, 59.94) so such rates stay exact.
   */
  static FrameRate of(double fps) {
    if (!(fps > 0) || fps > 1000) {
      throw new IllegalArgumentException("fps must be in (0, 1000], got " + fps);
    }
    long whole = Math.round(fps);
    if (whole >= 1 && Math.abs(fps - whole) < 1e-6) {
      return new FrameRate((int) whole, 1);
    }
    long ntsc = Math.round(fps * 1.001);
    if (ntsc >= 1 && Math.abs(fps - ntsc * 1000.0 / 1001.0) < 5e-3) {
      return new FrameRate((int) (ntsc * 1000), 1001);
    }
    int den = 1000;
    return new FrameRate((int) Math.max(1, Math.round(fps * den)), den).reduced();
  }

  double toDouble() {
    return (double) num / den;
  }

  private FrameRate reduced() {
    int a = num;
    int b = den;
    while (b != 0) {
      int t = a % b;
      a = b;
      b = t;
    }
    return new FrameRate(num / a, den / a);
  }
}
