package org.sora4j.world.sim;

import static org.sora4j.world.scene.WorldLayout.FLOOR_Y;
import static org.sora4j.world.scene.WorldLayout.GRAVITY;
import static org.sora4j.world.scene.WorldLayout.RESTITUTION;
import static org.sora4j.world.scene.WorldLayout.WALL_HALF_WIDTH;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.sora4j.world.scene.Scene;

/**
 * Turns a scene's motion into one {@link Trajectory} per object: start positions and velocities
 * drawn from the seed in ranges that keep the action on the stage, then closed-form physics.
 * Every object's extent is {@code [x - r, x + r] x [y - r, y + r]} whatever its shape.
 */
final class MotionPlanner {
  /** Constant-velocity speeds, frame heights per simulated second. */
  static final double MIN_SPEED = 0.25;
  static final double MAX_SPEED = 0.4;
  /** A long clip slows straight motions to fit the stage, but not below this. */
  static final double MIN_FIT_SPEED = 0.1;
  /** Fraction of horizontal speed kept at a bounce. */
  static final double BOUNCE_FRICTION = 0.6;
  /** Deceleration of an object sliding or rolling on the floor, frame heights per second squared. */
  static final double FLOOR_FRICTION = 0.5;
  /** Restitution along the line of centres when two objects collide. */
  static final double COLLISION_RESTITUTION = 0.9;
  /** A bounce slower than this ends in rest, so the bounces do not go on forever. */
  static final double REST_SPEED = 0.15;
  static final int MAX_BOUNCES = 40;
  /** Clear space kept between objects and at the stage edges. */
  static final double GAP = 0.03;

  private MotionPlanner() {}

  /**
   * Plans every object's path.
   *
   * @param stage where the camera sees in every frame
   * @param simSeconds the simulated time the clip spans
   * @param aspect the unpanned view's width, where the wall stands centred
   */
  static List<Trajectory> plan(
      Scene scene, Stage stage, double aspect, double simSeconds, SplittableRandom rng) {
    double[] radii = scene.objects().stream().mapToDouble(o -> o.size().radius()).toArray();
    double maxR = max(radii);
    Stage s = stage.atLeast(2 * maxR + 2 * GAP, 2 * maxR + 2 * GAP);
    double duration = Math.max(simSeconds, 1e-3);
    return switch (scene.motion()) {
      case MOVES_LEFT -> straight(radii, s, duration, true, -1, rng);
      case MOVES_RIGHT -> straight(radii, s, duration, true, 1, rng);
      case MOVES_UP -> straight(radii, s, duration, false, -1, rng);
      case MOVES_DOWN -> straight(radii, s, duration, false, 1, rng);
      case FALLS -> falls(radii, s, rng);
      case THROWN -> thrown(radii, s, rng);
      case ROLLS -> rolls(radii, s, rng);
      case COLLIDE -> collide(radii, s, duration, rng);
      case BEHIND_WALL -> behindWall(radii, s, aspect, duration, rng);
      case RESTS -> rests(radii, s, rng);
    };
  }

  /** Constant velocity along one axis; objects in lanes across the other axis, so they never meet. */
  private static List<Trajectory> straight(
      double[] radii, Stage s, double duration, boolean horizontal, int dir, SplittableRandom rng) {
    double maxR = max(radii);
    double jitterRange = radii.length > 1 ? 0.08 : 0;
    double[] lanes = horizontal
        ? spread(radii, s.top(), s.bottom(), rng)
        : spread(radii, s.left(), s.right(), rng);
    double along = horizontal ? s.width() : s.height();
    double room = along - 2 * maxR - 2 * GAP - jitterRange;
    double speed = rng.nextDouble(MIN_SPEED, MAX_SPEED);
    speed = Math.min(speed, Math.max(room / duration, MIN_FIT_SPEED));
    double travel = speed * duration;
    double slack = Math.max(0, room - travel);
    double lead = slack > 0 ? rng.nextDouble(slack) : 0;
    double from = horizontal ? (dir > 0 ? s.left() : s.right()) : (dir > 0 ? s.top() : s.bottom());
    List<Trajectory> out = new ArrayList<>();
    for (int i = 0; i < radii.length; i++) {
      double jitter = jitterRange > 0 ? rng.nextDouble(jitterRange) : 0;
      double start = from + dir * (GAP + radii[i] + jitter + lead);
      double v = dir * speed;
      out.add(Trajectory.of(horizontal
          ? new Segment(0, start, lanes[i], v, 0, 0, 0)
          : new Segment(0, lanes[i], start, 0, v, 0, 0)));
    }
    return out;
  }

  /** Dropped from high up, straight down, bouncing until at rest. */
  private static List<Trajectory> falls(double[] radii, Stage s, SplittableRandom rng) {
    double[] xs = spread(radii, s.left(), s.right(), rng);
    List<Trajectory> out = new ArrayList<>();
    for (int i = 0; i < radii.length; i++) {
      double top = s.top() + radii[i] + GAP;
      double lowest = Math.max(top, Math.min(top + 0.15, FLOOR_Y - radii[i] - 0.2));
      double y = top + rng.nextDouble() * (lowest - top);
      out.add(ballistic(xs[i], y, 0, 0, radii[i]));
    }
    return out;
  }

  /** Launched from one side, up and across, one behind the other; arcs and bounces to rest. */
  private static List<Trajectory> thrown(double[] radii, Stage s, SplittableRandom rng) {
    int dir = rng.nextBoolean() ? 1 : -1;
    int[] order = shuffledOrder(radii.length, rng);
    double groupWidth = groupWidth(radii);
    double room = Math.max(0.05, s.width() - groupWidth - 2 * GAP);
    double maxR = max(radii);
    double launchY = FLOOR_Y - maxR - rng.nextDouble(0.05, 0.2);
    double apex = Math.max(0.05, Math.min(rng.nextDouble(0.22, 0.4), launchY - maxR - s.top() - GAP));
    double vy = -Math.sqrt(2 * GRAVITY * apex);
    // time to come back down to the launch height; the floor is a little lower
    double flight = 2 * -vy / GRAVITY;
    double vx = dir * rng.nextDouble(0.3, 0.42) * room / flight;
    Trajectory[] out = new Trajectory[radii.length];
    double edge = dir > 0 ? s.left() + GAP + groupWidth : s.right() - GAP - groupWidth;
    for (int k = 0; k < order.length; k++) {
      int i = order[k];
      double r = radii[i];
      // the lead sits at the front of the group (its far edge at `edge`), the others behind it
      double x = edge - dir * r;
      edge -= dir * (2 * r + GAP);
      double y = Math.min(launchY, FLOOR_Y - r);
      out[i] = ballistic(x, y, vx, vy, r);
    }
    return List.of(out);
  }

  /** On the floor, pushed one way, decelerating under constant friction to a stop. */
  private static List<Trajectory> rolls(double[] radii, Stage s, SplittableRandom rng) {
    int dir = rng.nextBoolean() ? 1 : -1;
    int[] order = shuffledOrder(radii.length, rng);
    double groupWidth = groupWidth(radii);
    double room = Math.max(0.05, s.width() - groupWidth - 2 * GAP);
    double distance = room * rng.nextDouble(0.55, 0.9);
    double stopTime = rng.nextDouble(1.0, 2.0);
    double v0 = 2 * distance / stopTime;
    double decel = v0 / stopTime;
    double slack = room - distance;
    double edge = dir > 0
        ? s.left() + GAP + groupWidth + rng.nextDouble() * slack
        : s.right() - GAP - groupWidth - rng.nextDouble() * slack;
    Trajectory[] out = new Trajectory[radii.length];
    for (int i : order) {
      double r = radii[i];
      double x = edge - dir * r;
      edge -= dir * (2 * r + GAP);
      double y = FLOOR_Y - r;
      out[i] = Trajectory.of(
          new Segment(0, x, y, dir * v0, 0, -dir * decel, 0),
          Segment.rest(stopTime, x + dir * distance, y));
    }
    return List.of(out);
  }

  /** Two objects on the floor head for each other, collide once, and part with momentum kept. */
  private static List<Trajectory> collide(
      double[] radii, Stage s, double duration, SplittableRandom rng) {
    boolean firstOnLeft = rng.nextBoolean();
    int left = firstOnLeft ? 0 : 1;
    int right = 1 - left;
    double rl = radii[left];
    double rr = radii[right];
    // contact at mid-clip: parting takes as long as approaching, so both stay in view
    double contactTime = Math.max(0.1, 0.5 * duration);
    double vl = rng.nextDouble(0.2, 0.45);
    double vr = rng.nextDouble(0.2, 0.45);
    double room = s.width() - 2 * rl - 2 * rr - 2 * GAP;
    double approach = (vl + vr) * contactTime;
    if (approach > room) {
      double f = Math.max(room, 0.02) / approach;
      vl *= f;
      vr *= f;
    }
    // the contact point: where the left object's right edge meets the right object's left edge
    double lo = s.left() + GAP + 2 * rl + vl * contactTime;
    double hi = s.right() - GAP - 2 * rr - vr * contactTime;
    double contact = hi > lo ? lo + rng.nextDouble() * (hi - lo) : (lo + hi) / 2;
    double xl = contact - rl;
    double xr = contact + rr;
    double ml = rl * rl;
    double mr = rr * rr;
    double p = ml * vl - mr * vr;
    double e = COLLISION_RESTITUTION;
    double vlAfter = (p + mr * e * (-vr - vl)) / (ml + mr);
    double vrAfter = (p + ml * e * (vl + vr)) / (ml + mr);
    Trajectory[] out = new Trajectory[2];
    double yl = FLOOR_Y - rl;
    double yr = FLOOR_Y - rr;
    out[left] = Trajectory.of(
        new Segment(0, xl - vl * contactTime, yl, vl, 0, 0, 0),
        new Segment(contactTime, xl, yl, vlAfter, 0, 0, 0));
    out[right] = Trajectory.of(
        new Segment(0, xr + vr * contactTime, yr, -vr, 0, 0, 0),
        new Segment(contactTime, xr, yr, vrAfter, 0, 0, 0));
    return List.of(out);
  }

  /** Sliding along the floor from one side of the wall to the other, out in full by 85% of the clip. */
  private static List<Trajectory> behindWall(
      double[] radii, Stage s, double aspect, double duration, SplittableRandom rng) {
    int dir = rng.nextBoolean() ? 1 : -1;
    int[] order = shuffledOrder(radii.length, rng);
    double groupWidth = groupWidth(radii);
    double wallX = aspect / 2;
    // the group's front edge: before the wall's near side, with the whole group on stage if it fits
    double nearSide = wallX - dir * (WALL_HALF_WIDTH + GAP);
    double stageBack = dir > 0 ? s.left() + GAP + groupWidth : s.right() - GAP - groupWidth;
    double front;
    if (dir * (nearSide - stageBack) > 0) {
      front = stageBack + dir * rng.nextDouble() * Math.min(dir * (nearSide - stageBack), 0.1);
    } else {
      front = nearSide;
    }
    double back = front - dir * groupWidth;
    double farSide = wallX + dir * (WALL_HALF_WIDTH + GAP);
    double travel = Math.abs(farSide - back);
    double v = dir * travel / (0.85 * duration);
    Trajectory[] out = new Trajectory[radii.length];
    double edge = front;
    for (int i : order) {
      double r = radii[i];
      double x = edge - dir * r;
      edge -= dir * (2 * r + GAP);
      out[i] = Trajectory.of(new Segment(0, x, FLOOR_Y - r, v, 0, 0, 0));
    }
    return List.of(out);
  }

  private static List<Trajectory> rests(double[] radii, Stage s, SplittableRandom rng) {
    double[] xs = spread(radii, s.left(), s.right(), rng);
    List<Trajectory> out = new ArrayList<>();
    for (int i = 0; i < radii.length; i++) {
      out.add(Trajectory.of(Segment.rest(0, xs[i], FLOOR_Y - radii[i])));
    }
    return out;
  }

  /**
   * A free flight from (x, y) with velocity (vx, vy) under gravity: arcs that bounce on the floor
   * with {@link org.sora4j.world.scene.WorldLayout#RESTITUTION} and lose horizontal speed to
   * friction, then a slide to a stop and rest.
   */
  static Trajectory ballistic(double x, double y, double vx, double vy, double r) {
    double contact = FLOOR_Y - r;
    y = Math.min(y, contact);
    List<Segment> segments = new ArrayList<>();
    double t = 0;
    for (int bounce = 0; bounce < MAX_BOUNCES; bounce++) {
      segments.add(new Segment(t, x, y, vx, vy, 0, GRAVITY));
      double dt = (-vy + Math.sqrt(vy * vy + 2 * GRAVITY * (contact - y))) / GRAVITY;
      double impact = vy + GRAVITY * dt;
      x += vx * dt;
      y = contact;
      t += dt;
      vy = -RESTITUTION * impact;
      vx *= BOUNCE_FRICTION;
      if (-vy < REST_SPEED) {
        break;
      }
    }
    if (vx != 0) {
      double stop = Math.abs(vx) / FLOOR_FRICTION;
      segments.add(new Segment(t, x, contact, vx, 0, -Math.signum(vx) * FLOOR_FRICTION, 0));
      x += vx * stop / 2;
      t += stop;
    }
    segments.add(Segment.rest(t, x, contact));
    return new Trajectory(segments);
  }

  /**
   * Centres for objects side by side in {@code [lo, hi]}, in a random order with random gaps, never
   * overlapping; when they do not fit, the range grows about its centre.
   */
  static double[] spread(double[] radii, double lo, double hi, SplittableRandom rng) {
    int n = radii.length;
    int[] order = shuffledOrder(n, rng);
    double free = (hi - lo) - groupWidth(radii) - 2 * GAP;
    if (free < 0) {
      // too narrow (a zoomed-in view): widen about the centre rather than overlap
      lo += free / 2;
      free = 0;
    }
    double[] centres = new double[n];
    double[] weights = new double[n + 1];
    double sum = 0;
    for (int k = 0; k <= n; k++) {
      weights[k] = rng.nextDouble(0.2, 1.0);
      sum += weights[k];
    }
    double edge = lo + GAP;
    for (int k = 0; k < n; k++) {
      int i = order[k];
      edge += free * weights[k] / sum;
      centres[i] = edge + radii[i];
      edge += 2 * radii[i] + GAP;
    }
    return centres;
  }

  /** Total width of objects side by side with a gap between neighbours. */
  private static double groupWidth(double[] radii) {
    double w = GAP * (radii.length - 1);
    for (double r : radii) {
      w += 2 * r;
    }
    return w;
  }

  private static int[] shuffledOrder(int n, SplittableRandom rng) {
    int[] order = new int[n];
    for (int i = 0; i < n; i++) {
      order[i] = i;
    }
    for (int i = n - 1; i > 0; i--) {
      int j = rng.nextInt(i + 1);
      int tmp = order[i];
      order[i] = order[j];
      order[j] = tmp;
    }
    return order;
  }

  private static double max(double[] values) {
    double m = 0;
    for (double v : values) {
      m = Math.max(m, v);
    }
    return m;
  }
}
