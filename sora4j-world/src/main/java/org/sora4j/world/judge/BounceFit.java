package org.sora4j.world.judge;

import org.sora4j.world.scene.WorldLayout;

/**
 * Fits a bouncing body to a path's heights: a drop or throw under one constant downward
 * acceleration, bounces on the floor that keep at most all of the speed, and rest once a bounce
 * is too slow. Evaluated at the sighting times, so a bounce between two frames (fast playback)
 * is no problem. A path the model cannot follow (rising bounces, upward acceleration, hanging in
 * the air) leaves a large residual.
 */
final class BounceFit {
  /** Bounces slower than this (frame heights per simulated second) end in rest, as in the world. */
  private static final double REST_SPEED = 0.15;
  private static final int MAX_BOUNCES = 40;

  /** Acceleration (frame heights per video second squared), restitution, residual (frame heights). */
  record Result(double gravity, double restitution, double rms) {}

  private final double[] t;
  private final double[] y;

  private BounceFit(Path p) {
    this.t = p.t;
    this.y = p.y;
  }

  /**
   * Fits the path.
   *
   * @param fromRest whether the body starts at rest (dropped) rather than thrown
   */
  static Result fit(Path p, boolean fromRest) {
    BounceFit f = new BounceFit(p);
    return f.search(p.contact, fromRest);
  }

  private Result search(double contact, boolean fromRest) {
    // parameters: g, e, correction to the launch speed the first two sightings imply, contact height
    double[] best = null;
    double bestErr = Double.MAX_VALUE;
    for (int i = 0; i <= 80; i++) {
      double g = 0.1 * Math.pow(400, i / 80.0);
      for (int k = 0; k <= 14; k++) {
        double[] q = {g, 0.3 + 0.05 * k, 0, contact};
        double err = error(q, fromRest);
        if (err < bestErr) {
          bestErr = err;
          best = q;
        }
      }
    }
    double[] step = {0.04, 0.025, 0.05, 0.01};
    for (int round = 0; round < 8; round++) {
      boolean moved = true;
      for (int guard = 0; moved && guard < 20; guard++) {
        moved = false;
        for (int k = 0; k < 4; k++) {
          if (k == 2 && fromRest) {
            continue;
          }
          for (int dir = -1; dir <= 1; dir += 2) {
            double[] q = best.clone();
            q[k] = k == 0 ? q[0] * Math.exp(dir * step[0]) : q[k] + dir * step[k];
            if (q[1] < 0 || q[1] > 1 || Math.abs(q[3] - contact) > 0.03) {
              continue;
            }
            double err = error(q, fromRest);
            if (err < bestErr) {
              bestErr = err;
              best = q;
              moved = true;
            }
          }
        }
      }
      for (int k = 0; k < 4; k++) {
        step[k] /= 2;
      }
    }
    return new Result(best[0], best[1], Math.sqrt(bestErr / t.length));
  }

  /** The vertical speed at the first sighting that reaches the second one under gravity g, with no bounce between. */
  private double launchSpeed(double g) {
    if (t.length < 2) {
      return 0;
    }
    double dt = t[1] - t[0];
    return (y[1] - y[0]) / dt - g * dt / 2;
  }

  private double error(double[] q, boolean fromRest) {
    double g = q[0];
    double e = q[1];
    double c = q[3];
    double restSpeed = REST_SPEED * Math.sqrt(g / WorldLayout.GRAVITY);
    double sum = 0;
    // walk the model forward through the sighting times
    double y0 = Math.min(y[0], c);
    double v = fromRest ? 0 : launchSpeed(g) + q[2];
    double start = t[0];
    boolean resting = false;
    int bounces = 0;
    for (int i = 0; i < t.length; i++) {
      double at = t[i];
      while (!resting) {
        double tau = impact(y0, v, g, c);
        if (start + tau > at) {
          break;
        }
        double impactSpeed = v + g * tau;
        start += tau;
        y0 = c;
        v = -e * impactSpeed;
        bounces++;
        if (-v < restSpeed || bounces >= MAX_BOUNCES) {
          resting = true;
        }
      }
      double model;
      if (resting) {
        model = c;
      } else {
        double dt = at - start;
        model = y0 + v * dt + 0.5 * g * dt * dt;
      }
      double d = y[i] - model;
      sum += d * d;
    }
    return sum;
  }

  /** Time until a body at height y0 with vertical speed v (down positive) reaches the floor contact c. */
  private static double impact(double y0, double v, double g, double c) {
    double disc = v * v + 2 * g * (c - y0);
    return (-v + Math.sqrt(Math.max(0, disc))) / g;
  }
}
