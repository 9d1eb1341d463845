package org.sora4j.world.judge;

import java.util.List;
import org.sora4j.world.scene.WorldLayout;

/**
 * A track's positions over time, from its placed sightings (or all of them when too few are),
 * with the measures several motions share.
 */
final class Path {
  final Track track;
  final double[] t;
  final double[] x;
  final double[] y;
  final double radius;
  /** The y of the object's centre when it stands on the floor. */
  final double contact;

  Path(Track track) {
    this.track = track;
    List<Sighting> use = track.placed().size() >= 3 ? track.placed() : track.sightings();
    t = use.stream().mapToDouble(Sighting::time).toArray();
    x = use.stream().mapToDouble(Sighting::x).toArray();
    y = use.stream().mapToDouble(Sighting::y).toArray();
    radius = track.radius();
    contact = WorldLayout.FLOOR_Y - radius;
  }

  int size() {
    return t.length;
  }

  double dx() {
    return x[x.length - 1] - x[0];
  }

  double dy() {
    return y[y.length - 1] - y[0];
  }

  double minY() {
    double m = Double.MAX_VALUE;
    for (double v : y) {
      m = Math.min(m, v);
    }
    return m;
  }

  double maxY() {
    double m = -Double.MAX_VALUE;
    for (double v : y) {
      m = Math.max(m, v);
    }
    return m;
  }

  double rangeX() {
    double lo = Double.MAX_VALUE;
    double hi = -Double.MAX_VALUE;
    for (double v : x) {
      lo = Math.min(lo, v);
      hi = Math.max(hi, v);
    }
    return hi - lo;
  }

  /** Largest distance of any position from the median position. */
  double spread() {
    double mx = Fits.median(x, x.length);
    double my = Fits.median(y, y.length);
    double s = 0;
    for (int i = 0; i < x.length; i++) {
      s = Math.max(s, Math.hypot(x[i] - mx, y[i] - my));
    }
    return s;
  }

  /**
   * Slopes of v (x or y) against time over the first and the second half of the clip's sightings,
   * or null with fewer than two sightings in a half.
   */
  double[] halfSlopes(double[] v) {
    int n = t.length;
    if (n < 4) {
      return null;
    }
    int mid = n / 2;
    double[] a = Fits.line(java.util.Arrays.copyOfRange(t, 0, mid), java.util.Arrays.copyOfRange(v, 0, mid));
    double[] b = Fits.line(java.util.Arrays.copyOfRange(t, mid, n), java.util.Arrays.copyOfRange(v, mid, n));
    return new double[] {a[1], b[1]};
  }

  /**
   * Distance travelled against the net direction along x or y: 0 for a motion that only ever goes
   * one way, large for jumps back and forth.
   */
  double backtrack(double[] v) {
    double dir = Math.signum(v[v.length - 1] - v[0]);
    double back = 0;
    for (int i = 1; i < v.length; i++) {
      back += Math.max(0, -dir * (v[i] - v[i - 1]));
    }
    return back;
  }

  /** Root-mean-square distance from the best straight, constant-velocity path. */
  double linearResidual() {
    if (t.length < 3) {
      return 0;
    }
    double rx = Fits.line(t, x)[2];
    double ry = Fits.line(t, y)[2];
    return Math.hypot(rx, ry);
  }
}
