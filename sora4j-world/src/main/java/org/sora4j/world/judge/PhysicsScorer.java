package org.sora4j.world.judge;

import static org.sora4j.world.judge.Fits.decay;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.sora4j.world.scene.Motion;

/**
 * Whether the objects move as the world's physics allows: between bounces a body under gravity
 * follows one parabola with the same downward acceleration, bounces never gain height, nothing
 * hangs in the air, a rolling body only slows down, a collision keeps momentum (mass ~ area of the
 * bounding square, as the world has it) and
 * does not add energy, and free motions keep a steady velocity.
 */
final class PhysicsScorer {
  private PhysicsScorer() {}

  /** Physics under the given motion (the asked one, or the one seen), or null if there is nothing to judge. */
  static Verdict score(Motion motion, Observation o) {
    if (o.isImage() || motion == null) {
      return null;
    }
    if (o.objects().isEmpty()) {
      return Verdict.of(0, "physics: no object to follow");
    }
    if (motion == Motion.COLLIDE) {
      if (o.objects().size() < 2) {
        return Verdict.of(0, "physics: a collision needs two objects, saw " + o.objects().size());
      }
      double[] m = momentum(new Path(o.objects().get(0)), new Path(o.objects().get(1)));
      return Verdict.of(m[0], String.format(Locale.ROOT, "physics: momentum kept to %.0f%%, energy ratio %.2f", 100 * (1 - m[1]), m[2]));
    }
    double sum = 0;
    List<String> notes = new ArrayList<>();
    for (Track t : o.objects()) {
      Path p = new Path(t);
      double s = switch (motion) {
        case FALLS, THROWN -> gravity(p, motion == Motion.FALLS, notes);
        case ROLLS -> rolling(p, notes);
        case RESTS -> decay(p.spread(), 0.015, 0.03) * decay(Math.abs(MotionScorer.meanAbs(p.y, p.contact)), 0.03, 0.04);
        default -> steady(p);
      };
      sum += s;
    }
    double score = sum / o.objects().size();
    String note = notes.isEmpty() ? String.format(Locale.ROOT, "physics (%s): %.2f", motion.word(), score)
        : "physics: " + String.join("; ", notes);
    return Verdict.of(score, note);
  }

  /**
   * Gravity: a bouncing body under one downward acceleration that never bounces higher must explain
   * the heights, and the object must not stop in mid-air.
   */
  static double gravity(Path p, boolean fromRest, List<String> notes) {
    if (p.size() < 3) {
      return 0;
    }
    BounceFit.Result fit = BounceFit.fit(p, fromRest);
    double follows = decay(fit.rms(), 0.008, 0.015);
    if (follows < 0.5) {
      notes.add(String.format(Locale.ROOT, "the heights do not follow a falling, bouncing body (off by %.3f frame heights)", fit.rms()));
    }
    double floating = floating(p);
    if (floating < 0.5) {
      notes.add("stays in the air without falling");
    }
    return follows * floating;
  }

  /** 0 when the object ends at rest above the floor (gravity would pull it down), else 1. */
  static double floating(Path p) {
    int n = p.size();
    int from = Math.max(0, n - Math.max(2, n / 4));
    double moved = 0;
    for (int i = from + 1; i < n; i++) {
      moved += Math.hypot(p.x[i] - p.x[i - 1], p.y[i] - p.y[i - 1]);
    }
    double still = moved / Math.max(1e-9, p.t[n - 1] - p.t[from]);
    double above = p.contact - p.y[n - 1];
    return still < 0.03 && above > 0.05 ? decay(above, 0.05, 0.03) : 1;
  }

  /**
   * The arcs of a bouncing path: index ranges between bounces (a bounce is a lowest point near
   * the floor after which the object rises again); the rest at the end is left out.
   */
  static List<int[]> arcs(Path p) {
    List<int[]> arcs = new ArrayList<>();
    int n = p.size();
    int last = n - 1;
    // the slide and rest on the floor at the end are no arc
    while (last > 0 && Math.abs(p.y[last] - p.y[last - 1]) < 0.004) {
      last--;
    }
    int start = 0;
    for (int i = 1; i < last; i++) {
      boolean bottom = p.y[i] >= p.y[i - 1] && p.y[i] > p.y[i + 1] + 1e-4;
      if (bottom) {
        arcs.add(new int[] {start, i - 1});
        start = i + 1;
      }
    }
    arcs.add(new int[] {start, last});
    arcs.removeIf(a -> a[1] < a[0]);
    return arcs;
  }

  /** Fitted downward acceleration of every arc with three sightings or more and some height. */
  static List<Double> accelerations(Path p, List<int[]> arcs) {
    List<Double> gs = new ArrayList<>();
    for (int[] a : arcs) {
      if (a[1] - a[0] + 1 < 3) {
        continue;
      }
      double[] t = Arrays.copyOfRange(p.t, a[0], a[1] + 1);
      double[] y = Arrays.copyOfRange(p.y, a[0], a[1] + 1);
      double lo = Arrays.stream(y).min().orElseThrow();
      double hi = Arrays.stream(y).max().orElseThrow();
      if (hi - lo > 0.02) {
        gs.add(2 * Fits.quadratic(t, y)[2]);
      }
    }
    return gs;
  }

  /** Height above the floor contact of each arc's highest point (the first arc's start if it only descends). */
  static double[] apexHeights(Path p, List<int[]> arcs) {
    double[] h = new double[arcs.size()];
    for (int k = 0; k < arcs.size(); k++) {
      int[] a = arcs.get(k);
      double top = Double.MAX_VALUE;
      for (int i = a[0]; i <= a[1]; i++) {
        top = Math.min(top, p.y[i]);
      }
      h[k] = p.contact - top;
    }
    return h;
  }

  /** Rolling: the speed only goes down, and the body stays on the floor. */
  static double rolling(Path p, List<String> notes) {
    double[] halves = p.halfSlopes(p.x);
    if (halves == null) {
      return decay(p.linearResidual(), 0.01, 0.02);
    }
    double first = Math.abs(halves[0]);
    double second = Math.abs(halves[1]);
    double ratio = (second + 0.01) / (first + 0.01);
    double slows = decay(Math.log(ratio), 0.05, 0.15);
    if (slows < 0.5) {
      notes.add(String.format(Locale.ROOT, "speeds up while rolling (%.2f -> %.2f)", first, second));
    }
    double floor = decay(p.maxY() - p.minY(), 0.02, 0.03);
    // friction only slows a body down: every step no faster than the one before, never backwards
    double speedUps = 0;
    for (int i = 2; i < p.size(); i++) {
      double before = Math.abs(p.x[i - 1] - p.x[i - 2]) / (p.t[i - 1] - p.t[i - 2]);
      double now = Math.abs(p.x[i] - p.x[i - 1]) / (p.t[i] - p.t[i - 1]);
      speedUps += Math.max(0, now - before - 0.03) * (p.t[i] - p.t[i - 1]);
    }
    double onlySlows = decay(speedUps + p.backtrack(p.x), 0.01, 0.02);
    if (onlySlows < 0.5) {
      notes.add("speeds up or turns back while rolling");
    }
    return slows * floor * onlySlows;
  }

  /** A free motion: steady velocity, no jumps. */
  static double steady(Path p) {
    return decay(p.linearResidual(), 0.01, 0.025);
  }

  /**
   * Momentum and energy across the collision: {score, relative momentum error, energy after over
   * before}.
   */
  static double[] momentum(Path a, Path b) {
    int n = Math.min(a.size(), b.size());
    if (n < 4) {
      return new double[] {0, 1, 0};
    }
    int closest = 0;
    double gapMin = Double.MAX_VALUE;
    for (int i = 0; i < a.size(); i++) {
      double bx = MotionScorer.interpolate(b.t, b.x, a.t[i]);
      double gap = Math.abs(a.x[i] - bx);
      if (gap < gapMin) {
        gapMin = gap;
        closest = i;
      }
    }
    double tc = a.t[closest];
    double[] va = velocities(a, tc);
    double[] vb = velocities(b, tc);
    if (va == null || vb == null) {
      return new double[] {0.5, 0.5, 1};
    }
    // the world gives every shape the mass of its bounding square, so mass ~ radius^2
    double ma = a.radius * a.radius;
    double mb = b.radius * b.radius;
    double before = ma * va[0] + mb * vb[0];
    double after = ma * va[1] + mb * vb[1];
    double scale = ma * Math.abs(va[0]) + mb * Math.abs(vb[0]) + 1e-9;
    double error = Math.abs(after - before) / scale;
    double keBefore = ma * va[0] * va[0] + mb * vb[0] * vb[0];
    double keAfter = ma * va[1] * va[1] + mb * vb[1] * vb[1];
    double energy = keAfter / Math.max(1e-12, keBefore);
    double score = decay(error, 0.1, 0.2) * decay(energy, 1.15, 0.3);
    return new double[] {score, error, energy};
  }

  /** Horizontal velocity before and after time tc, from the sightings on each side (null if too few). */
  private static double[] velocities(Path p, double tc) {
    List<Integer> before = new ArrayList<>();
    List<Integer> after = new ArrayList<>();
    for (int i = 0; i < p.size(); i++) {
      if (p.t[i] < tc - 1e-9) {
        before.add(i);
      } else if (p.t[i] > tc + 1e-9) {
        after.add(i);
      }
    }
    if (before.size() < 2 || after.size() < 2) {
      return null;
    }
    return new double[] {slope(p, before), slope(p, after)};
  }

  private static double slope(Path p, List<Integer> idx) {
    double[] t = idx.stream().mapToDouble(i -> p.t[i]).toArray();
    double[] x = idx.stream().mapToDouble(i -> p.x[i]).toArray();
    return Fits.line(t, x)[1];
  }

  private static double[] round(double[] v) {
    double[] r = new double[v.length];
    for (int i = 0; i < v.length; i++) {
      r[i] = Math.round(v[i] * 100) / 100.0;
    }
    return r;
  }
}
