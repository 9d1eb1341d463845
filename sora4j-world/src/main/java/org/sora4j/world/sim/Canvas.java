package org.sora4j.world.sim;

import org.sora4j.world.scene.Rgb;
import org.sora4j.world.scene.WorldLayout;

/**
 * One frame being painted: linear RGB floats, painted back to front. Figures are anti-aliased by
 * counting which of {@value #SAMPLES}x{@value #SAMPLES} sub-pixel samples they contain, over
 * their bounding box only, which keeps a 64x64 frame at well under a millisecond.
 */
final class Canvas {
  static final int SAMPLES = 4;
  private static final int FULL = SAMPLES * SAMPLES;

  private final int width;
  private final int height;
  private final float[] rgb; // (H, W, 3)

  Canvas(int width, int height) {
    this.width = width;
    this.height = height;
    this.rgb = new float[width * height * 3];
  }

  /** Backdrop above {@link WorldLayout#FLOOR_Y}, floor below, the row it crosses blended by area. */
  void paintGround(View view, Rgb backdrop, Rgb floor) {
    for (int y = 0; y < height; y++) {
      double top = view.toWorldY(y);
      double bottom = view.toWorldY(y + 1);
      double floorShare = Math.max(0, Math.min(1, (bottom - WorldLayout.FLOOR_Y) / (bottom - top)));
      float r = (float) (backdrop.r() + (floor.r() - backdrop.r()) * floorShare);
      float g = (float) (backdrop.g() + (floor.g() - backdrop.g()) * floorShare);
      float b = (float) (backdrop.b() + (floor.b() - backdrop.b()) * floorShare);
      for (int i = y * width * 3, end = i + width * 3; i < end; i += 3) {
        rgb[i] = r;
        rgb[i + 1] = g;
        rgb[i + 2] = b;
      }
    }
  }

  /** Paints a figure in a flat color over what is there, blending edge pixels by coverage. */
  void paint(Figure figure, View view, Rgb color) {
    int x0 = Math.max(0, (int) Math.floor(view.toPixelX(figure.minX())));
    int x1 = Math.min(width - 1, (int) Math.floor(view.toPixelX(figure.maxX())));
    int y0 = Math.max(0, (int) Math.floor(view.toPixelY(figure.minY())));
    int y1 = Math.min(height - 1, (int) Math.floor(view.toPixelY(figure.maxY())));
    if (x0 > x1 || y0 > y1) {
      return;
    }
    double[] sx = new double[(x1 - x0 + 1) * SAMPLES];
    for (int x = x0; x <= x1; x++) {
      for (int a = 0; a < SAMPLES; a++) {
        sx[(x - x0) * SAMPLES + a] = view.toWorldX(x + (a + 0.5) / SAMPLES);
      }
    }
    double[] sy = new double[SAMPLES];
    float cr = color.r();
    float cg = color.g();
    float cb = color.b();
    for (int y = y0; y <= y1; y++) {
      for (int b = 0; b < SAMPLES; b++) {
        sy[b] = view.toWorldY(y + (b + 0.5) / SAMPLES);
      }
      for (int x = x0; x <= x1; x++) {
        int hits = 0;
        int base = (x - x0) * SAMPLES;
        for (int b = 0; b < SAMPLES; b++) {
          for (int a = 0; a < SAMPLES; a++) {
            if (figure.contains(sx[base + a], sy[b])) {
              hits++;
            }
          }
        }
        if (hits == 0) {
          continue;
        }
        int i = (y * width + x) * 3;
        if (hits == FULL) {
          rgb[i] = cr;
          rgb[i + 1] = cg;
          rgb[i + 2] = cb;
        } else {
          float c = (float) hits / FULL;
          rgb[i] += (cr - rgb[i]) * c;
          rgb[i + 1] += (cg - rgb[i + 1]) * c;
          rgb[i + 2] += (cb - rgb[i + 2]) * c;
        }
      }
    }
  }

  /** The frame as packed 8-bit RGB, graded cinematically when a vignette map is given. */
  byte[] toBytes(float[] vignette) {
    byte[] out = new byte[rgb.length];
    for (int i = 0; i < rgb.length; i++) {
      double v = rgb[i];
      if (vignette != null) {
        v = CinematicGrade.grade(v, vignette[i / 3]);
      }
      out[i] = (byte) Math.max(0, Math.min(255, Math.round(v)));
    }
    return out;
  }
}
