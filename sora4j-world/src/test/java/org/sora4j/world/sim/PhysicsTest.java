package org.sora4j.world.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.sora4j.world.sim.WorldRendererTest.obj;
import static org.sora4j.world.sim.WorldRendererTest.scene;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.sora4j.world.scene.CameraMove;
import org.sora4j.world.scene.Motion;
import org.sora4j.world.scene.ObjectColor;
import org.sora4j.world.scene.Scene;
import org.sora4j.world.scene.SceneSpec;
import org.sora4j.world.scene.Shape;
import org.sora4j.world.scene.Size;
import org.sora4j.world.scene.Speed;
import org.sora4j.world.scene.WorldLayout;

/** The simulated motions obey the physics they claim, seen through the ground truth in pixels. */
class PhysicsTest {
  private static final int H = 100;

  private static List<ObjectState> track(Scene scene, double fps, double seconds, long seed, int index) {
    Clip clip = WorldRenderer.render(scene, new RenderOptions(H, H, fps, seconds), seed);
    List<ObjectState> out = new ArrayList<>();
    for (FrameTruth f : clip.truth().frames()) {
      out.add(f.objects().get(index));
    }
    return out;
  }

  @Test
  void bouncePeaksDecreaseAndEnergyIsNeverGained() {
    for (long seed = 0; seed < 10; seed++) {
      Scene scene = scene(Motion.FALLS, CameraMove.STATIC, obj(ObjectColor.RED, Shape.BALL, Size.SMALL));
      List<ObjectState> path = track(scene, 120, 4, seed, 0);
      List<Double> peaks = new ArrayList<>();
      peaks.add(path.get(0).y());
      for (int i = 1; i + 1 < path.size(); i++) {
        double y = path.get(i).y();
        if (y < path.get(i - 1).y() && y <= path.get(i + 1).y()) {
          peaks.add(y);
        }
      }
      assertThat(peaks.size()).as("bounces seen").isGreaterThanOrEqualTo(3);
      double floor = WorldLayout.FLOOR_Y * H - path.get(0).radius();
      for (int i = 1; i < peaks.size(); i++) {
        double before = floor - peaks.get(i - 1);
        double after = floor - peaks.get(i);
        assertThat(after).as("peak %d", i).isLessThan(before);
        assertThat(after / before).isCloseTo(WorldLayout.RESTITUTION * WorldLayout.RESTITUTION, within(0.05));
      }
      assertThat(path.get(path.size() - 1).y()).as("at rest on the floor").isCloseTo(floor, within(1e-6));
    }
  }

  @Test
  void mechanicalEnergyNeverRisesAlongABallisticPath() {
    SplittableRandom rng = new SplittableRandom(1);
    for (int k = 0; k < 200; k++) {
      double r = rng.nextBoolean() ? Size.SMALL.radius() : Size.LARGE.radius();
      Trajectory t = MotionPlanner.ballistic(rng.nextDouble(0, 1), rng.nextDouble(0.1, 0.6),
          rng.nextDouble(-1, 1), rng.nextDouble(-2, 0.5), r);
      double contact = WorldLayout.FLOOR_Y - r;
      double last = Double.POSITIVE_INFINITY;
      for (double time = 0; time < 8; time += 0.01) {
        Segment s = t.at(time);
        double vx = s.vxAt(time);
        double vy = s.vyAt(time);
        double e = WorldLayout.GRAVITY * (contact - s.yAt(time)) + 0.5 * (vx * vx + vy * vy);
        assertThat(e).isLessThanOrEqualTo(last + 1e-9);
        assertThat(s.yAt(time)).isLessThanOrEqualTo(contact + 1e-9);
        last = e;
      }
      assertThat(last).as("comes to rest").isCloseTo(0, within(1e-9));
    }
  }

  @Test
  void collisionConservesMomentumWithMassByArea() {
    for (long seed = 0; seed < 10; seed++) {
      Scene scene = scene(Motion.COLLIDE, CameraMove.STATIC,
          obj(ObjectColor.RED, Shape.BALL, Size.SMALL), obj(ObjectColor.BLUE, Shape.BOX, Size.LARGE));
      double fps = 50;
      List<ObjectState> a = track(scene, fps, 2, seed, 0);
      List<ObjectState> b = track(scene, fps, 2, seed, 1);
      double ma = a.get(0).radius() * a.get(0).radius();
      double mb = b.get(0).radius() * b.get(0).radius();
      int last = a.size() - 1;
      double vaBefore = a.get(1).x() - a.get(0).x();
      double vbBefore = b.get(1).x() - b.get(0).x();
      double vaAfter = a.get(last).x() - a.get(last - 1).x();
      double vbAfter = b.get(last).x() - b.get(last - 1).x();
      assertThat(vaBefore * vbBefore).as("they approach each other").isNegative();
      double before = ma * vaBefore + mb * vbBefore;
      double after = ma * vaAfter + mb * vbAfter;
      assertThat(after).isCloseTo(before, within(1e-6 * (Math.abs(ma * vaBefore) + Math.abs(mb * vbBefore))));
      assertThat(vbAfter - vaAfter).as("restitution along the line of centres")
          .isCloseTo(-MotionPlanner.COLLISION_RESTITUTION * (vbBefore - vaBefore), within(1e-6));
      double closest = Double.POSITIVE_INFINITY;
      for (int i = 0; i <= last; i++) {
        closest = Math.min(closest, Math.abs(a.get(i).x() - b.get(i).x()) - a.get(i).radius() - b.get(i).radius());
      }
      assertThat(closest).as("they touch and never pass through").isBetween(-1e-6, 2.0);
    }
  }

  @Test
  void rollingDeceleratesMonotonicallyToAStop() {
    for (long seed = 0; seed < 10; seed++) {
      Scene scene = scene(Motion.ROLLS, CameraMove.STATIC, obj(ObjectColor.GREEN, Shape.BALL, Size.LARGE));
      List<ObjectState> path = track(scene, 25, 3, seed, 0);
      double previous = Double.POSITIVE_INFINITY;
      for (int i = 1; i < path.size(); i++) {
        double speed = Math.abs(path.get(i).x() - path.get(i - 1).x());
        assertThat(speed).isLessThanOrEqualTo(previous + 1e-9);
        assertThat(path.get(i).y()).isEqualTo(path.get(0).y());
        previous = speed;
      }
      assertThat(Math.abs(path.get(1).x() - path.get(0).x())).isGreaterThan(0.5);
      assertThat(previous).as("stopped by the end").isZero();
    }
  }

  @Test
  void straightMotionsAreLinearInTheirDirection() {
    Motion[] motions = {Motion.MOVES_LEFT, Motion.MOVES_RIGHT, Motion.MOVES_UP, Motion.MOVES_DOWN};
    int[][] directions = {{-1, 0}, {1, 0}, {0, -1}, {0, 1}};
    for (int m = 0; m < motions.length; m++) {
      Scene scene = scene(motions[m], CameraMove.STATIC, obj(ObjectColor.RED, Shape.BOX, Size.SMALL),
          obj(ObjectColor.BLUE, Shape.TRIANGLE, Size.LARGE));
      for (int index = 0; index < 2; index++) {
        List<ObjectState> path = track(scene, 10, 2, 3, index);
        double dx = path.get(1).x() - path.get(0).x();
        double dy = path.get(1).y() - path.get(0).y();
        assertThat(Math.signum(dx)).isEqualTo(directions[m][0]);
        assertThat(Math.signum(dy)).isEqualTo(directions[m][1]);
        double speed = Math.hypot(dx, dy) * 10 / H;
        assertThat(speed).isBetween(MotionPlanner.MIN_FIT_SPEED, MotionPlanner.MAX_SPEED);
        for (int i = 2; i < path.size(); i++) {
          assertThat(path.get(i).x() - path.get(i - 1).x()).isCloseTo(dx, within(1e-9));
          assertThat(path.get(i).y() - path.get(i - 1).y()).isCloseTo(dy, within(1e-9));
        }
      }
    }
  }

  @Test
  void thrownObjectsFlyAParabolaBeforeTheFirstBounce() {
    double fps = 30;
    double expected = WorldLayout.GRAVITY * H / (fps * fps);
    for (long seed = 0; seed < 10; seed++) {
      Scene scene = scene(Motion.THROWN, CameraMove.STATIC, obj(ObjectColor.YELLOW, Shape.TRIANGLE, Size.SMALL));
      List<ObjectState> path = track(scene, fps, 3, seed, 0);
      assertThat(path.get(1).y()).as("launched upward").isLessThan(path.get(0).y());
      double vx = path.get(1).x() - path.get(0).x();
      assertThat(Math.abs(vx)).as("and sideways").isGreaterThan(0.1);
      int frames = 0;
      for (int i = 2; i < path.size(); i++) {
        double second = path.get(i).y() - 2 * path.get(i - 1).y() + path.get(i - 2).y();
        if (Math.abs(second - expected) > 1e-6) {
          break;
        }
        assertThat(path.get(i).x() - path.get(i - 1).x()).isCloseTo(vx, within(1e-9));
        frames++;
      }
      assertThat(frames).as("frames of clean parabola").isGreaterThan(10);
      double floor = WorldLayout.FLOOR_Y * H - path.get(0).radius();
      assertThat(path.stream().mapToDouble(ObjectState::y).max().orElseThrow()).isLessThanOrEqualTo(floor + 1e-6);
    }
  }

  @Test
  void objectsNeverOverlapAtTheStart() {
    for (long seed = 0; seed < 2000; seed++) {
      Scene scene = SceneSpec.open().resolve(seed);
      Clip clip = WorldRenderer.render(scene, new RenderOptions(32, 32, 4, 1), seed);
      List<ObjectState> first = clip.truth().frames().get(0).objects();
      for (int i = 0; i < first.size(); i++) {
        for (int j = i + 1; j < first.size(); j++) {
          ObjectState a = first.get(i);
          ObjectState b = first.get(j);
          double reach = a.radius() + b.radius();
          boolean overlap = Math.abs(a.x() - b.x()) < reach - 1e-9 && Math.abs(a.y() - b.y()) < reach - 1e-9;
          assertThat(overlap).as("seed %d %s", seed, scene).isFalse();
        }
      }
    }
  }

  @Test
  void aSingleObjectStartsInFullViewAndMostlyStaysThere() {
    for (long seed = 0; seed < 600; seed++) {
      Scene scene = new SceneSpec(1, List.of(), null, null, null, null, null, null).resolve(seed);
      double seconds = 1 + seed % 4;
      Clip clip = WorldRenderer.render(scene, new RenderOptions(64, 64, 8, seconds), seed);
      double start = clip.truth().frames().get(0).objects().get(0).visibility();
      // a large object next to the wall in a zoomed view cannot start entirely clear of both
      assertThat(start).as("%s", scene).isGreaterThanOrEqualTo(scene.motion() == Motion.BEHIND_WALL ? 0.9 : 1.0);
      // a clip spanning more than 5 simulated seconds may let a steady mover leave the frame
      if (scene.motion() != Motion.BEHIND_WALL && seconds * scene.speed().timeScale() <= 5) {
        double mean = clip.truth().frames().stream()
            .mapToDouble(f -> f.objects().get(0).visibility()).average().orElseThrow();
        assertThat(mean).as("%s over %s s", scene, seconds).isGreaterThan(0.7);
      }
    }
  }

  @Test
  void speedScalesSimulatedTimePerFrame() {
    for (Speed speed : new Speed[] {Speed.SLOW_MOTION, Speed.TIME_LAPSE}) {
      Scene normal = scene(Motion.FALLS, CameraMove.STATIC, obj(ObjectColor.RED, Shape.BALL, Size.LARGE));
      Scene scaled = new Scene(normal.objects(), normal.motion(), normal.environment(), normal.time(),
          normal.lighting(), normal.camera(), speed);
      // a frame of the scaled clip at video time t shows simulated time t * scale: match frame rates so frames line up
      List<ObjectState> a = track(normal, 10, 2, 4, 0);
      List<ObjectState> b = track(scaled, 10 * speed.timeScale(), 2 / speed.timeScale(), 4, 0);
      int n = Math.min(a.size(), b.size());
      assertThat(n).isGreaterThan(15);
      for (int i = 0; i < n; i++) {
        assertThat(b.get(i).y()).as("%s frame %d", speed, i).isCloseTo(a.get(i).y(), within(1e-9));
      }
    }
  }
}
