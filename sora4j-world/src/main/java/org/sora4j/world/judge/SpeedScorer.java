package org.sora4j.world.judge;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.sora4j.world.scene.CameraMove;
import org.sora4j.world.scene.Motion;
import org.sora4j.world.scene.Speed;
import org.sora4j.world.scene.WorldLayout;

/**
 * Playback speed from how fast things happen on screen versus the world's nominal ranges: the
 * fall acceleration (gravity times the squared time scale), the time a roll takes to stop, or
 * the speed of a straight motion or a collision's approach. Each speed predicts a range for the
 * measured rate; the asked speed scores by how far the rate is from its range, in log terms.
 * The ranges mirror the world's motion planner (sora4j-world sim.MotionPlanner).
 */
final class SpeedScorer {
  /** Constant-velocity speeds the planner draws, frame heights per simulated second. */
  private static final double MIN_SPEED = 0.25;
  private static final double MAX_SPEED = 0.4;
  private static final double MIN_FIT_SPEED = 0.1;
  /** A roll stops after this many simulated seconds. */
  private static final double MIN_STOP = 1.0;
  private static final double MAX_STOP = 2.0;
  /** Each colliding object's approach speed, frame heights per simulated second. */
  private static final double MIN_APPROACH = 0.2;
  private static final double MAX_APPROACH = 0.45;
  private static final double GAP = 0.03;
  /** Spread (natural log) allowed around a predicted rate before the score falls. */
  private static final double TOLERANCE = 0.12;
  private static final double SCALE = 0.15;

  private SpeedScorer() {}

  /** The speed dimension, or null when nothing seen depends on the speed. */
  static Verdict score(Speed asked, Motion motion, CameraMove camera, Observation o, List<String> notes) {
    if (o.isImage() || motion == null || o.objects().isEmpty()) {
      if (!o.isImage() && o.objects().isEmpty()) {
        return Verdict.of(0, "speed: no object to time");
      }
      return null;
    }
    double[] fit = new double[Speed.values().length];
    String what = null;
    for (Speed s : Speed.values()) {
      double sum = 0;
      int n = 0;
      for (int i = 0; i < o.objects().size(); i++) {
        Path p = new Path(o.objects().get(i));
        double[] r = rate(motion, p, s, camera, o, i);
        if (r == null) {
          continue;
        }
        what = String.format(Locale.ROOT, "%s %.3g", rateName(motion), r[0]);
        sum += inRange(r[0], r[1], r[2]);
        n++;
      }
      fit[s.ordinal()] = n == 0 ? Double.NaN : sum / n;
    }
    if (Double.isNaN(fit[asked.ordinal()])) {
      notes.add("speed: cannot be told from '" + motion.word() + "'");
      return null;
    }
    Speed best = asked;
    for (Speed s : Speed.values()) {
      if (fit[s.ordinal()] > fit[best.ordinal()]) {
        best = s;
      }
    }
    String note = String.format(Locale.ROOT, "speed: %s; %s fits %.2f", what, asked.word(), fit[asked.ordinal()])
        + (best != asked ? String.format(Locale.ROOT, ", %s fits %.2f", best.word(), fit[best.ordinal()]) : "");
    return Verdict.of(fit[asked.ordinal()], note);
  }

  private static String rateName(Motion m) {
    return switch (m) {
      case FALLS, THROWN -> "fall acceleration (frame heights/s^2)";
      case ROLLS -> "time to stop (s)";
      case COLLIDE -> "closing speed (frame heights/s)";
      default -> "speed (frame heights/s)";
    };
  }

  /**
   * {measured rate, lowest and highest rate the speed allows}, or null when this motion's rate
   * does not depend on the speed or cannot be measured.
   */
  static double[] rate(Motion motion, Path p, Speed speed, CameraMove camera, Observation o, int index) {
    double s = speed.timeScale();
    double clip = o.seconds();
    switch (motion) {
      case FALLS, THROWN -> {
        double g = gravity(p, motion == Motion.FALLS);
        return Double.isNaN(g) ? null : new double[] {g, WorldLayout.GRAVITY * s * s, WorldLayout.GRAVITY * s * s};
      }
      case ROLLS -> {
        double stop = stopTime(p);
        return Double.isNaN(stop) ? null : new double[] {stop, MIN_STOP / s, MAX_STOP / s};
      }
      case MOVES_LEFT, MOVES_RIGHT, MOVES_UP, MOVES_DOWN -> {
        boolean horizontal = motion == Motion.MOVES_LEFT || motion == Motion.MOVES_RIGHT;
        if (p.size() < 3) {
          return null;
        }
        double u = Math.abs(Fits.line(p.t, horizontal ? p.x : p.y)[1]);
        double[] stage = stage(camera, o.aspect(), maxRadius(o));
        double along = horizontal ? stage[0] : stage[1];
        double jitter = o.objects().size() > 1 ? 0.08 : 0;
        double room = along - 2 * maxRadius(o) - 2 * GAP - jitter;
        double cap = Math.max(room / (clip * s), MIN_FIT_SPEED);
        return new double[] {u, s * Math.min(MIN_SPEED, cap), s * Math.min(MAX_SPEED, cap)};
      }
      case COLLIDE -> {
        if (index != 0 || o.objects().size() < 2) {
          return null;
        }
        Path q = new Path(o.objects().get(1));
        double closing = closingSpeed(p, q);
        if (Double.isNaN(closing)) {
          return null;
        }
        double[] stage = stage(camera, o.aspect(), maxRadius(o));
        double room = Math.max(stage[0] - 2 * p.radius - 2 * q.radius - 2 * GAP, 0.02);
        double cap = room / (0.5 * clip * s);
        return new double[] {closing, s * Math.min(2 * MIN_APPROACH, cap), s * Math.min(2 * MAX_APPROACH, cap)};
      }
      default -> {
        return null;
      }
    }
  }

  /** Score of a rate against [lo, hi], by log distance. */
  static double inRange(double rate, double lo, double hi) {
    if (!(rate > 0)) {
      return 0;
    }
    double l = Math.log(rate);
    double d = l < Math.log(lo) ? Math.log(lo) - l : l > Math.log(hi) ? l - Math.log(hi) : 0;
    return Fits.decay(d, TOLERANCE, SCALE);
  }

  /** The downward acceleration on screen, frame heights per video second squared, from a bouncing-body fit. */
  static double gravity(Path p, boolean fromRest) {
    if (p.size() < 3) {
      return Double.NaN;
    }
    BounceFit.Result fit = BounceFit.fit(p, fromRest);
    return fit.rms() < 0.03 ? fit.gravity() : Double.NaN;
  }

  /** Video seconds from the start until a roll stops, seen or extrapolated from a parabola. */
  static double stopTime(Path p) {
    int n = p.size();
    if (n < 3) {
      return Double.NaN;
    }
    double last = Fits.median(java.util.Arrays.copyOfRange(p.x, Math.max(0, n - 3), n), Math.min(3, n));
    int still = n;
    while (still > 0 && Math.abs(p.x[still - 1] - last) < 0.006) {
      still--;
    }
    if (still >= 1 && still <= n - 2) {
      // seen stopping: it was still moving at sighting still - 1 and had stopped by sighting still
      return (p.t[still - 1] + p.t[still]) / 2;
    }
    if (still < 3) {
      return Double.NaN;
    }
    double[] q = Fits.quadratic(p.t, p.x);
    if (q[1] * q[2] >= 0) {
      return Double.POSITIVE_INFINITY;
    }
    return -q[1] / (2 * q[2]);
  }

  private static double closingSpeed(Path a, Path b) {
    int n = Math.min(a.size(), b.size());
    if (n < 4) {
      return Double.NaN;
    }
    int half = Math.max(2, n / 3);
    double[] t = Arrays.copyOfRange(a.t, 0, half);
    double[] gap = new double[half];
    for (int i = 0; i < half; i++) {
      gap[i] = Math.abs(a.x[i] - MotionScorer.interpolate(b.t, b.x, a.t[i]));
    }
    return -Fits.line(t, gap)[1];
  }

  private static double maxRadius(Observation o) {
    double r = 0;
    for (Track t : o.objects()) {
      r = Math.max(r, t.radius());
    }
    return r;
  }

  /** Width and height of the world area seen in every frame, as the planner uses it. */
  static double[] stage(CameraMove camera, double aspect, double maxRadius) {
    double pan = camera == CameraMove.PAN_LEFT || camera == CameraMove.PAN_RIGHT ? WorldLayout.PAN_DISTANCE : 0;
    double zoom = camera == CameraMove.ZOOM_IN || camera == CameraMove.ZOOM_OUT ? WorldLayout.ZOOM_FACTOR : 1;
    double min = 2 * maxRadius + 2 * GAP;
    return new double[] {Math.max(aspect / zoom - pan, min), Math.max(1 / zoom, min)};
  }
}
