package org.sora4j.world.judge;

/**
 * Labels every pixel of a frame under one {@link Look}: background (explained by the backdrop,
 * floor, texture or wall colors, or an anti-aliased blend of two of them), object (a blend of one
 * object color over the background, mostly object), object edge (mostly background) or unknown.
 * Blends are lines in RGB space, so a soft or blurred edge is still recognised for what it is.
 */
final class PixelClassifier {
  static final byte BACKGROUND = -1;
  static final byte UNKNOWN = -2;
  static final byte WALL = -3;
  /** Labels {@code EDGE + c} mark a pixel that is partly object color {@code c}. */
  static final byte EDGE = 16;

  /** Farther than this from every background blend and a pixel is not background (8-bit levels). */
  static final float BACKGROUND_DISTANCE = 20;
  /** Farther than this from every object-over-background blend and a pixel is unknown. */
  static final float BLEND_DISTANCE = 38;
  /** A wall pixel is within this distance of the wall color. */
  static final float WALL_DISTANCE = 12;

  /** The floor line lies in this band of rows (as a fraction of the height) for any zoom the world uses. */
  private static final double BAND_TOP = 0.70;
  private static final double BAND_BOTTOM = 0.88;

  // the wall only as itself, not blended: a blend line from the wall to a texture can pass through
  // another environment's backdrop and make it look explained
  private static final int[][] ABOVE = {{Look.BACKDROP}, {Look.TEXTURE}, {Look.WALL},
      {Look.BACKDROP, Look.TEXTURE}};
  private static final int[][] BAND = {{Look.BACKDROP}, {Look.FLOOR}, {Look.TEXTURE}, {Look.WALL},
      {Look.BACKDROP, Look.FLOOR}, {Look.BACKDROP, Look.TEXTURE}, {Look.FLOOR, Look.TEXTURE}};
  private static final int[][] BELOW = {{Look.FLOOR}, {Look.TEXTURE}, {Look.FLOOR, Look.TEXTURE}};
  private static final int[] ABOVE_COLORS = {Look.BACKDROP, Look.TEXTURE, Look.WALL};
  private static final int[] BAND_COLORS = {Look.BACKDROP, Look.FLOOR, Look.TEXTURE, Look.WALL};
  // an object's edge on the floor line blends with a blend of backdrop and floor
  private static final int[] BAND_UNDER_OBJECTS = {Look.BACKDROP, Look.FLOOR, Look.TEXTURE, Look.WALL,
      Look.FLOOR_LINE[0], Look.FLOOR_LINE[1], Look.FLOOR_LINE[2]};
  private static final int[] BELOW_COLORS = {Look.FLOOR, Look.TEXTURE};

  private final Look look;
  private final int width;
  private final int height;
  private final float[] vignette;

  PixelClassifier(Look look, int width, int height) {
    this.look = look;
    this.width = width;
    this.height = height;
    this.vignette = look.vignetteMap(width, height);
  }

  float[] vignette() {
    return vignette;
  }

  /** Labels of one frame and, for object and edge pixels, the object's share of the pixel. */
  record Labels(byte[] label, float[] alpha) {}

  Labels classify(float[] rgb) {
    int n = width * height;
    byte[] label = new byte[n];
    float[] alpha = new float[n];
    float[] p = new float[3];
    float[] share = new float[1];
    for (int y = 0; y < height; y++) {
      int region = region(y);
      for (int x = 0; x < width; x++) {
        int i = y * width + x;
        p[0] = rgb[3 * i];
        p[1] = rgb[3 * i + 1];
        p[2] = rgb[3 * i + 2];
        float v = vignette[i];
        float bg = backgroundDistance(p, v, region);
        if (bg <= BACKGROUND_DISTANCE) {
          // the wall only where it is the best explanation, not a backdrop-floor blend that passes near it
          boolean wall = region < 2 && distance(p, look.background()[Look.WALL], v) <= Math.min(bg + 0.5f, WALL_DISTANCE);
          label[i] = wall ? WALL : BACKGROUND;
          continue;
        }
        int c = bestObject(p, v, region, share);
        if (c < 0) {
          label[i] = UNKNOWN;
        } else {
          alpha[i] = share[0];
          label[i] = (byte) (share[0] >= 0.5f ? c : EDGE + c);
        }
      }
    }
    return new Labels(label, alpha);
  }

  /** 0 above the floor band, 1 in it, 2 below it. */
  int region(int y) {
    double row = (y + 0.5) / height;
    return row < BAND_TOP ? 0 : row <= BAND_BOTTOM ? 1 : 2;
  }

  /** Distance (8-bit levels) from a pixel to the nearest background color or blend of two. */
  float backgroundDistance(float[] p, float v, int region) {
    return backgroundDistance(p, v, region, 0);
  }

  /**
   * Distance (8-bit levels) from a pixel to the nearest background color or blend of two, plus
   * {@code blendCost} times how far into a blend the pixel is (its distance to the nearer end):
   * blends are only edge pixels, so a look that explains a whole area as a blend is unlikely.
   */
  float backgroundDistance(float[] p, float v, int region, float blendCost) {
    int[][] parts = region == 0 ? ABOVE : region == 1 ? BAND : BELOW;
    float best = Float.MAX_VALUE;
    float[][] bg = look.background();
    float[] t = new float[1];
    for (int[] part : parts) {
      float d;
      if (part.length == 1) {
        d = distance(p, bg[part[0]], v);
      } else {
        d = segmentDistance(p, bg[part[0]], bg[part[1]], v, t);
        d += blendCost * Math.min(t[0], 1 - t[0]) * v * distance(bg[part[0]], bg[part[1]], 1);
      }
      best = Math.min(best, d);
    }
    return best;
  }

  /**
   * The object color whose blend over some background color explains the pixel best, with the
   * object's share in {@code share[0]}; -1 if none is within {@link #BLEND_DISTANCE}.
   */
  int bestObject(float[] p, float v, int region, float[] share) {
    int best = -1;
    float bestD = BLEND_DISTANCE;
    float bestShare = 0;
    for (int c = 0; c < look.objects().length; c++) {
      float d = blendDistance(p, v, region, c, share);
      if (d < bestD) {
        bestD = d;
        best = c;
        bestShare = share[0];
      }
    }
    share[0] = bestShare;
    return best;
  }

  /**
   * Distance from a pixel to the blends of object color {@code c} over the region's background
   * colors; the closest blend's object share goes to {@code share[0]}.
   */
  float blendDistance(float[] p, float v, int region, int c, float[] share) {
    float[] o = look.objects()[c];
    float best = Float.MAX_VALUE;
    float bestShare = 0;
    for (int k : region == 1 ? BAND_UNDER_OBJECTS : colors(region)) {
      float d = segmentDistance(p, look.background()[k], o, v, share);
      if (d < best) {
        best = d;
        bestShare = share[0];
      }
    }
    share[0] = bestShare;
    return best;
  }

  private static int[] colors(int region) {
    return region == 0 ? ABOVE_COLORS : region == 1 ? BAND_COLORS : BELOW_COLORS;
  }

  private static float distance(float[] p, float[] c, float v) {
    float dr = p[0] - c[0] * v;
    float dg = p[1] - c[1] * v;
    float db = p[2] - c[2] * v;
    return (float) Math.sqrt(dr * dr + dg * dg + db * db);
  }

  /** Distance from p to the segment a..b (both scaled by v); the position along it to {@code t[0]}. */
  private static float segmentDistance(float[] p, float[] a, float[] b, float v, float[] t) {
    float ar = a[0] * v;
    float ag = a[1] * v;
    float ab = a[2] * v;
    float er = b[0] * v - ar;
    float eg = b[1] * v - ag;
    float eb = b[2] * v - ab;
    float pr = p[0] - ar;
    float pg = p[1] - ag;
    float pb = p[2] - ab;
    float len2 = er * er + eg * eg + eb * eb;
    float s = len2 > 0 ? (pr * er + pg * eg + pb * eb) / len2 : 0;
    s = Math.max(0, Math.min(1, s));
    if (t != null) {
      t[0] = s;
    }
    float dr = pr - s * er;
    float dg = pg - s * eg;
    float db = pb - s * eb;
    return (float) Math.sqrt(dr * dr + dg * dg + db * db);
  }
}
