package org.sora4j.world.sim;

import static org.sora4j.world.scene.WorldLayout.FLOOR_Y;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.sora4j.world.scene.Environment;
import org.sora4j.world.scene.Rgb;
import org.sora4j.world.scene.TimeOfDay;
import org.sora4j.world.scene.WorldLayout;

/**
 * The background details of an environment (tufts, dunes, drifts, clouds, stars, tiles) in the
 * environment's texture color: a few clean shapes placed from the seed in world coordinates, so
 * they move with the camera and look the same at every resolution. No per-pixel noise: a VAE has
 * to reconstruct these frames at 64x64.
 */
final class Scenery {
  /** How far beyond the unpanned view details are placed, enough for any pan or zoom. */
  private static final double MARGIN = WorldLayout.PAN_DISTANCE + 0.3;

  private Scenery() {}

  /**
   * The details of an environment, tinted for the time of day.
   *
   * @param pixelHeight the frame height, so that stars stay about one pixel big
   */
  static List<Detail> details(
      Environment env, TimeOfDay time, double aspect, int pixelHeight, SplittableRandom rng) {
    double from = -MARGIN;
    double to = aspect + MARGIN;
    List<Figure> figures = switch (env) {
      case GRASS -> tufts(from, to, rng);
      case SAND -> dunes(from, to, rng);
      case SNOW -> drifts(from, to, rng);
      case SKY -> clouds(from, to, rng);
      case SPACE -> stars(from, to, pixelHeight, rng);
      case ROOM -> tiles(from, to, rng);
    };
    Rgb color = time.tintBackground(env.texture());
    List<Detail> out = new ArrayList<>(figures.size());
    for (Figure f : figures) {
      out.add(new Detail(f, color));
    }
    return out;
  }

  /** Small upright blades scattered over the floor. */
  private static List<Figure> tufts(double from, double to, SplittableRandom rng) {
    List<Figure> out = new ArrayList<>();
    int n = (int) Math.round((to - from) * 10);
    for (int i = 0; i < n; i++) {
      double x = rng.nextDouble(from, to);
      double y = rng.nextDouble(FLOOR_Y + 0.05, 0.97);
      double r = rng.nextDouble(0.022, 0.032);
      out.add(new Figure.Triangle(x, y, r));
    }
    return out;
  }

  /** Low dunes standing on the horizon and wavy ripples across the sand. */
  private static List<Figure> dunes(double from, double to, SplittableRandom rng) {
    List<Figure> out = new ArrayList<>();
    for (double x = from + rng.nextDouble(0.1, 0.3); x < to; x += rng.nextDouble(0.35, 0.6)) {
      out.add(new Figure.Ellipse(x, FLOOR_Y, rng.nextDouble(0.12, 0.22), rng.nextDouble(0.03, 0.06), true));
    }
    for (double y = FLOOR_Y + 0.06; y < 0.98; y += rng.nextDouble(0.06, 0.08)) {
      out.add(new Figure.Ripple(from, to, y, rng.nextDouble(0.008, 0.014), rng.nextDouble(0.22, 0.34),
          rng.nextDouble(0, 1), 0.007));
    }
    return out;
  }

  /** Flat snow drifts on the ground and a few flakes in the air. */
  private static List<Figure> drifts(double from, double to, SplittableRandom rng) {
    List<Figure> out = new ArrayList<>();
    int drifts = (int) Math.round((to - from) * 3);
    for (int i = 0; i < drifts; i++) {
      out.add(new Figure.Ellipse(rng.nextDouble(from, to), rng.nextDouble(FLOOR_Y + 0.06, 0.95),
          rng.nextDouble(0.07, 0.13), rng.nextDouble(0.014, 0.024), false));
    }
    int flakes = (int) Math.round((to - from) * 6);
    for (int i = 0; i < flakes; i++) {
      out.add(new Figure.Disc(rng.nextDouble(from, to), rng.nextDouble(0.04, FLOOR_Y - 0.05), 0.012));
    }
    return out;
  }

  /** Soft clouds of three puffs in the sky and a few puffs on the cloud bank below. */
  private static List<Figure> clouds(double from, double to, SplittableRandom rng) {
    List<Figure> out = new ArrayList<>();
    for (double x = from + rng.nextDouble(0, 0.3); x < to; x += rng.nextDouble(0.4, 0.7)) {
      double y = rng.nextDouble(0.1, 0.5);
      double r = rng.nextDouble(0.045, 0.07);
      out.add(new Figure.Disc(x - 0.9 * r, y + 0.3 * r, 0.7 * r));
      out.add(new Figure.Disc(x, y, r));
      out.add(new Figure.Disc(x + 0.9 * r, y + 0.3 * r, 0.7 * r));
    }
    int puffs = (int) Math.round((to - from) * 3);
    for (int i = 0; i < puffs; i++) {
      out.add(new Figure.Ellipse(rng.nextDouble(from, to), rng.nextDouble(FLOOR_Y + 0.06, 0.95),
          rng.nextDouble(0.06, 0.1), rng.nextDouble(0.02, 0.03), false));
    }
    return out;
  }

  /** A few stars, about a pixel each, and some flat craters on the ground. */
  private static List<Figure> stars(double from, double to, int pixelHeight, SplittableRandom rng) {
    List<Figure> out = new ArrayList<>();
    double half = Math.max(0.6 / pixelHeight, 0.004);
    int stars = (int) Math.round((to - from) * 14);
    for (int i = 0; i < stars; i++) {
      out.add(Figure.Rect.square(rng.nextDouble(from, to), rng.nextDouble(0.03, FLOOR_Y - 0.04), half));
    }
    int craters = (int) Math.round((to - from) * 2);
    for (int i = 0; i < craters; i++) {
      out.add(new Figure.Ellipse(rng.nextDouble(from, to), rng.nextDouble(FLOOR_Y + 0.07, 0.94),
          rng.nextDouble(0.04, 0.07), rng.nextDouble(0.012, 0.02), false));
    }
    return out;
  }

  /** Floor tiles as grid lines at uneven spacing, and a skirting board along the wall's foot. */
  private static List<Figure> tiles(double from, double to, SplittableRandom rng) {
    List<Figure> out = new ArrayList<>();
    double half = 0.008;
    for (double x = from + rng.nextDouble(0, 0.2); x < to; x += rng.nextDouble(0.17, 0.3)) {
      out.add(new Figure.Rect(x - half, FLOOR_Y, x + half, 1.0));
    }
    for (double y = FLOOR_Y + rng.nextDouble(0.07, 0.1); y < 0.98; y += rng.nextDouble(0.08, 0.11)) {
      out.add(new Figure.Rect(from, y - half, to, y + half));
    }
    out.add(new Figure.Rect(from, FLOOR_Y - 0.035, to, FLOOR_Y));
    return out;
  }
}
