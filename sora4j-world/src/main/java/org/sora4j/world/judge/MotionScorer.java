package org.sora4j.world.judge;

import static org.sora4j.world.judge.Fits.clamp01;
import static org.sora4j.world.judge.Fits.decay;
import static org.sora4j.world.judge.Fits.rise;

import java.util.List;
import java.util.Locale;
import org.sora4j.world.scene.Motion;
import org.sora4j.world.scene.WorldLayout;

/**
 * How well the tracked objects do what a motion says, each motion read from the world-space
 * paths: direction and steadiness for the straight motions, a drop with acceleration or bounces
 * for a fall, a sideways arc for a throw, a slowing slide on the floor for a roll, approach and
 * parting for a collision, crossing the wall while hidden, or staying put.
 */
final class MotionScorer {
  private MotionScorer() {}

  /** The motion dimension: how well the asked motion fits, with what it looks like instead. */
  static Verdict score(Motion asked, Observation o) {
    if (o.isImage()) {
      return null;
    }
    if (o.objects().isEmpty()) {
      return Verdict.of(0, "motion: no object to follow");
    }
    double s = fit(asked, o);
    Motion seen = classify(o);
    String note = seen == asked || seen == null
        ? String.format(Locale.ROOT, "motion: %s fits %.2f", asked.word(), s)
        : String.format(Locale.ROOT, "motion: %s fits %.2f; it looks more like '%s' (%.2f)", asked.word(), s, seen.word(), fit(seen, o));
    return Verdict.of(s, note);
  }

  /** The motion that fits best, or null when nothing is tracked. */
  static Motion classify(Observation o) {
    if (o.objects().isEmpty() || o.isImage()) {
      return null;
    }
    Motion best = null;
    double bestScore = -1;
    for (Motion m : Motion.values()) {
      if (m == Motion.COLLIDE && o.objects().size() != 2) {
        continue;
      }
      double s = fit(m, o);
      if (s > bestScore) {
        bestScore = s;
        best = m;
      }
    }
    return best;
  }

  /** Mean fit over the objects (a collision is scored on its pair). */
  static double fit(Motion m, Observation o) {
    List<Track> objects = o.objects();
    if (objects.isEmpty()) {
      return 0;
    }
    if (m == Motion.COLLIDE) {
      return objects.size() < 2 ? 0 : collide(new Path(objects.get(0)), new Path(objects.get(1)));
    }
    double sum = 0;
    for (Track t : objects) {
      sum += object(m, new Path(t), o);
    }
    return sum / objects.size();
  }

  static double object(Motion m, Path p, Observation o) {
    if (p.size() < 2) {
      return 0;
    }
    return switch (m) {
      case MOVES_LEFT -> straight(p, -1, 0);
      case MOVES_RIGHT -> straight(p, 1, 0);
      case MOVES_UP -> straight(p, 0, -1);
      case MOVES_DOWN -> straight(p, 0, 1);
      case FALLS -> falls(p);
      case THROWN -> thrown(p);
      case ROLLS -> rolls(p);
      case COLLIDE -> 0;
      case BEHIND_WALL -> behindWall(p, o);
      case RESTS -> decay(p.spread(), 0.015, 0.025);
    };
  }

  /** Net travel along (ux, uy), little across it, at a steady speed on a straight line. */
  static double straight(Path p, int ux, int uy) {
    double along = p.dx() * ux + p.dy() * uy;
    double across = Math.abs(p.dx() * uy - p.dy() * ux);
    double direction = clamp01(along / (Math.abs(along) + across + 1e-9));
    double travel = rise(along, 0.01, 0.03);
    double steady = 1;
    double[] halves = p.halfSlopes(ux != 0 ? p.x : p.y);
    if (halves != null) {
      double first = halves[0] * (ux + uy);
      double second = halves[1] * (ux + uy);
      steady = first <= 0 || second <= 0 ? 0 : decay(Math.abs(Math.log(second / first)), 0.15, 0.25);
    }
    double line = decay(p.linearResidual(), 0.01, 0.02);
    double oneWay = decay(p.backtrack(ux != 0 ? p.x : p.y), 0.01, 0.02);
    return direction * direction * travel * steady * line * oneWay;
  }

  /** Dropped: goes down to the floor, hardly sideways, speeding up or bouncing. */
  static double falls(Path p) {
    double drop = p.maxY() - p.y[0];
    double down = rise(drop, 0.05, 0.06);
    double floor = decay(p.contact - p.maxY(), 0.04, 0.04);
    double sideways = decay(p.rangeX(), 0.04, 0.04);
    double gravity = Math.max(accelerating(p), bounced(p));
    return down * floor * sideways * gravity;
  }

  /** Thrown: travels sideways, first up, then down again. */
  static double thrown(Path p) {
    double sideways = rise(Math.abs(p.dx()), 0.02, 0.04);
    int apex = 0;
    for (int i = 1; i < p.size(); i++) {
      if (p.y[i] < p.y[apex]) {
        apex = i;
      }
    }
    double up = rise(p.y[0] - p.y[apex], 0.01, 0.03);
    double after = p.y[apex];
    for (int i = apex; i < p.size(); i++) {
      after = Math.max(after, p.y[i]);
    }
    double down = rise(after - p.y[apex], 0.01, 0.03);
    return sideways * up * down;
  }

  /** Rolled: slides along the floor and slows down. */
  static double rolls(Path p) {
    double onFloor = decay(meanAbs(p.y, p.contact), 0.02, 0.03);
    double travel = rise(Math.abs(p.dx()), 0.01, 0.02);
    double vertical = decay(p.maxY() - p.minY(), 0.02, 0.03);
    double slowing = 0;
    double[] halves = p.halfSlopes(p.x);
    if (halves != null) {
      double dir = Math.signum(p.dx());
      double first = halves[0] * dir;
      double second = halves[1] * dir;
      slowing = first <= 0 ? 0 : clamp01((1 - Math.max(0, second) / first) / 0.3);
    }
    double oneWay = decay(p.backtrack(p.x), 0.01, 0.02);
    return onFloor * travel * vertical * slowing * oneWay;
  }

  /** Two objects close in on each other, touch, and part again. */
  static double collide(Path a, Path b) {
    double[][] tg = gaps(a, b);
    double[] t = tg[0];
    double[] gap = tg[1];
    if (gap.length < 3) {
      return 0;
    }
    int closest = 0;
    for (int i = 0; i < gap.length; i++) {
      if (gap[i] < gap[closest]) {
        closest = i;
      }
    }
    double approach = rise(gap[0] - gap[closest], 0.01, 0.03);
    double part = rise(gap[gap.length - 1] - gap[closest], 0.01, 0.03);
    double touch = decay(Math.min(gap[closest], vertexGap(t, gap, closest)), 0.03, 0.04);
    double onFloor = decay(meanAbs(a.y, a.contact) + meanAbs(b.y, b.contact), 0.04, 0.04);
    return approach * part * touch * onFloor;
  }

  /**
   * Horizontal clearance between two objects (edge to edge) at the first one's sighting times
   * while the second is seen too: {times, gaps}.
   */
  static double[][] gaps(Path a, Path b) {
    if (a.size() < 2 || b.size() < 2) {
      return new double[][] {new double[0], new double[0]};
    }
    double[] t = new double[a.size()];
    double[] gap = new double[a.size()];
    int n = 0;
    for (int i = 0; i < a.size(); i++) {
      if (a.t[i] < b.t[0] || a.t[i] > b.t[b.size() - 1]) {
        continue;
      }
      t[n] = a.t[i];
      gap[n++] = Math.abs(a.x[i] - interpolate(b.t, b.x, a.t[i])) - a.radius - b.radius;
    }
    return new double[][] {java.util.Arrays.copyOf(t, n), java.util.Arrays.copyOf(gap, n)};
  }

  /**
   * The clearance where the closing and the parting lines meet: the contact happens between two
   * frames, so the closest sighting can still show a gap.
   */
  static double vertexGap(double[] t, double[] gap, int closest) {
    if (closest < 2 || closest > gap.length - 3) {
      return gap[closest];
    }
    double[] in = Fits.line(java.util.Arrays.copyOfRange(t, 0, closest), java.util.Arrays.copyOfRange(gap, 0, closest));
    double[] out = Fits.line(java.util.Arrays.copyOfRange(t, closest + 1, gap.length),
        java.util.Arrays.copyOfRange(gap, closest + 1, gap.length));
    if (in[1] >= 0 || out[1] <= 0) {
      return gap[closest];
    }
    double at = (out[0] - in[0]) / (in[1] - out[1]);
    return Math.max(0, in[0] + in[1] * at);
  }

  /** Crosses the wall's position from one side to the other and is hidden on the way. */
  static double behindWall(Path p, Observation o) {
    Track t = p.track;
    double wall = o.wallX();
    double start = t.first().x() - wall;
    double end = t.last().x() - wall;
    double crossing = start * end < 0 ? rise(Math.min(Math.abs(start), Math.abs(end)), 0.02, 0.04) : 0;
    int hidden = 0;
    for (int f = t.first().frame(); f <= t.last().frame(); f++) {
      Sighting s = at(t, f);
      if (s == null || (!s.clean() && Math.abs(s.x() - wall) < 0.3)) {
        hidden++;
      }
    }
    double occluded = rise(hidden, 0, 1.0);
    double wallSeen = clamp01(wallShare(o) / 0.5);
    return crossing * occluded * wallSeen;
  }

  /** Median share of the wall's expected pixels that look like the wall. */
  static double wallShare(Observation o) {
    double expected = 2 * WorldLayout.WALL_HALF_WIDTH * (WorldLayout.FLOOR_Y - WorldLayout.WALL_TOP_Y)
        * o.height() * o.height();
    double[] shares = o.scans().stream().mapToDouble(s -> s.wallPixels() / expected).toArray();
    return Fits.median(shares, shares.length);
  }

  /** Speeding up on the way down: the first descent's fitted acceleration, relative to free fall from rest. */
  static double accelerating(Path p) {
    int end = 0;
    while (end + 1 < p.size() && p.y[end + 1] > p.y[end] - 1e-4) {
      end++;
    }
    if (end < 2) {
      return 0;
    }
    double[] t = java.util.Arrays.copyOfRange(p.t, 0, end + 1);
    double[] y = java.util.Arrays.copyOfRange(p.y, 0, end + 1);
    double drop = y[end] - y[0];
    if (drop < 0.03) {
      return 0;
    }
    double duration = t[end] - t[0];
    double c = Fits.quadratic(t, y)[2];
    // 1 for a drop from rest under constant acceleration, 0 for constant speed
    double relative = c * duration * duration / drop;
    return clamp01((relative - 0.2) / 0.5);
  }

  /** Going down, then back up: the height regained after the lowest point of the first descent. */
  static double bounced(Path p) {
    int i = 0;
    while (i + 1 < p.size() && p.y[i + 1] >= p.y[i]) {
      i++;
    }
    double bottom = p.y[i];
    double regained = 0;
    for (int j = i + 1; j < p.size(); j++) {
      regained = Math.max(regained, bottom - p.y[j]);
    }
    return i == 0 ? 0 : rise(regained, 0.01, 0.02);
  }

  static Sighting at(Track t, int frame) {
    for (Sighting s : t.sightings()) {
      if (s.frame() == frame) {
        return s;
      }
    }
    return null;
  }

  static double meanAbs(double[] v, double target) {
    double s = 0;
    for (double x : v) {
      s += Math.abs(x - target);
    }
    return s / v.length;
  }

  static double interpolate(double[] t, double[] v, double at) {
    if (at <= t[0]) {
      return v[0];
    }
    for (int i = 1; i < t.length; i++) {
      if (at <= t[i]) {
        double f = (at - t[i - 1]) / (t[i] - t[i - 1]);
        return v[i - 1] + f * (v[i] - v[i - 1]);
      }
    }
    return v[v.length - 1];
  }
}
