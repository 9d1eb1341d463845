package org.sora4j.world.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.sora4j.world.sim.WorldRendererTest.obj;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.sora4j.core.video.Video;
import org.sora4j.world.scene.CameraMove;
import org.sora4j.world.scene.Environment;
import org.sora4j.world.scene.Lighting;
import org.sora4j.world.scene.Motion;
import org.sora4j.world.scene.ObjectColor;
import org.sora4j.world.scene.Rgb;
import org.sora4j.world.scene.Scene;
import org.sora4j.world.scene.Shape;
import org.sora4j.world.scene.Size;
import org.sora4j.world.scene.Speed;
import org.sora4j.world.scene.TimeOfDay;
import org.sora4j.world.scene.WorldLayout;

/** What the pixels show: backgrounds, the wall, the camera. */
class RenderingTest {
  private static Scene scene(Motion motion, Environment env, TimeOfDay time, Lighting lighting, CameraMove camera) {
    return new Scene(List.of(obj(ObjectColor.RED, Shape.BALL, Size.SMALL)), motion, env, time, lighting,
        camera, Speed.NORMAL);
  }

  @Test
  void everyEnvironmentTimeAndLightingShowsItsBackgroundColors() {
    int w = 64;
    int h = 64;
    for (Environment env : Environment.values()) {
      for (TimeOfDay time : TimeOfDay.values()) {
        for (Lighting lighting : Lighting.values()) {
          Scene scene = scene(Motion.RESTS, env, time, lighting, CameraMove.STATIC);
          Video v = WorldRenderer.render(scene, new RenderOptions(w, h, 8, 0), 4).video();
          boolean cinematic = lighting == Lighting.CINEMATIC;
          int floorRow = (int) Math.ceil(WorldLayout.FLOOR_Y * h);
          String what = env + " " + time + " " + lighting;
          assertThat(share(v, 0, floorRow - 1, time.tintBackground(env.backdrop()), cinematic))
              .as("backdrop of %s", what).isGreaterThan(0.6);
          assertThat(share(v, floorRow, h, time.tintBackground(env.floor()), cinematic))
              .as("floor of %s", what).isGreaterThan(0.4);
          double texture = share(v, 0, h, time.tintBackground(env.texture()), cinematic);
          if (env == Environment.SPACE) {
            // stars are about a pixel, so anti-aliasing leaves few exact texture pixels: look for bright dots
            assertThat(brightDots(v, floorRow - 2)).as("stars in %s", what).isGreaterThan(3);
          } else {
            assertThat(texture).as("texture of %s", what).isGreaterThan(0.002);
          }
        }
      }
    }
  }

  @Test
  void cinematicLightingDarkensTheCornersAndStretchesContrast() {
    Rgb grey = new Rgb(100, 150, 200);
    assertThat(CinematicGrade.vignette(32, 32, 64, 64)).isEqualTo(1.0);
    assertThat(CinematicGrade.vignette(0, 0, 64, 64)).isCloseTo(CinematicGrade.CORNER_BRIGHTNESS, within(1e-9));
    assertThat(CinematicGrade.grade(grey, 1.0)).isEqualTo(new Rgb(93, 156, 218));
    Scene normal = scene(Motion.RESTS, Environment.SKY, TimeOfDay.DAY, Lighting.NORMAL, CameraMove.STATIC);
    Scene cinematic = scene(Motion.RESTS, Environment.SKY, TimeOfDay.DAY, Lighting.CINEMATIC, CameraMove.STATIC);
    Video a = WorldRenderer.render(normal, new RenderOptions(64, 64, 8, 0), 1).video();
    Video b = WorldRenderer.render(cinematic, new RenderOptions(64, 64, 8, 0), 1).video();
    assertThat(b.sample(0, 0, 0, 2)).isLessThan(a.sample(0, 0, 0, 2) - 50);
  }

  @Test
  void theWallHidesAnObjectPassingBehindItAndItComesOutAgain() {
    Scene scene = scene(Motion.BEHIND_WALL, Environment.GRASS, TimeOfDay.DAY, Lighting.NORMAL, CameraMove.STATIC);
    for (long seed = 0; seed < 6; seed++) {
      Clip clip = WorldRenderer.render(scene, new RenderOptions(64, 64, 16, 2), seed);
      List<FrameTruth> frames = clip.truth().frames();
      assertThat(frames.get(0).objects().get(0).visibility()).isEqualTo(1.0);
      assertThat(frames.get(frames.size() - 1).objects().get(0).visibility()).isEqualTo(1.0);
      int hidden = 0;
      for (int f = 0; f < frames.size(); f++) {
        double visibility = frames.get(f).objects().get(0).visibility();
        int red = count(clip.video(), f, new Rgb(220, 40, 40), 60);
        if (visibility == 0) {
          hidden++;
          assertThat(red).as("red pixels in hidden frame %d", f).isZero();
        } else if (visibility == 1) {
          assertThat(red).as("red pixels in visible frame %d", f).isGreaterThan(10);
        }
        assertThat(count(clip.video(), f, WorldLayout.WALL_COLOR, 0)).as("wall").isGreaterThan(100);
      }
      assertThat(hidden).as("frames fully hidden").isGreaterThan(0);
    }
    Scene noWall = scene(Motion.MOVES_RIGHT, Environment.GRASS, TimeOfDay.DAY, Lighting.NORMAL, CameraMove.STATIC);
    Video v = WorldRenderer.render(noWall, new RenderOptions(64, 64, 8, 1), 0).video();
    assertThat(count(v, 0, WorldLayout.WALL_COLOR, 0)).isZero();
  }

  @Test
  void aPanMovesTheBackgroundByThePanDistance() {
    int h = 80;
    int shift = (int) Math.round(WorldLayout.PAN_DISTANCE * h);
    RenderOptions o = new RenderOptions(h, h, 4, 1);
    for (Environment env : List.of(Environment.GRASS, Environment.ROOM, Environment.SNOW)) {
      Video still = WorldRenderer.render(
          scene(Motion.RESTS, env, TimeOfDay.DAY, Lighting.NORMAL, CameraMove.STATIC), o, 9).video();
      Video right = WorldRenderer.render(
          scene(Motion.RESTS, env, TimeOfDay.DAY, Lighting.NORMAL, CameraMove.PAN_RIGHT), o, 9).video();
      Video left = WorldRenderer.render(
          scene(Motion.RESTS, env, TimeOfDay.DAY, Lighting.NORMAL, CameraMove.PAN_LEFT), o, 9).video();
      int last = right.frameCount() - 1;
      assertThat(bestShift(still, right, last)).as("pan right in %s", env).isEqualTo(shift);
      assertThat(bestShift(still, left, last)).as("pan left in %s", env).isEqualTo(-shift);
      assertThat(bestShift(still, right, 0)).as("first frame unpanned").isZero();
    }
  }

  @Test
  void aZoomScalesTheWorldAboutTheFrameCentre() {
    int h = 80;
    Scene scene = scene(Motion.RESTS, Environment.GRASS, TimeOfDay.DAY, Lighting.NORMAL, CameraMove.ZOOM_IN);
    Clip clip = WorldRenderer.render(scene, new RenderOptions(h, h, 4, 1), 2);
    FrameTruth first = clip.truth().frames().get(0);
    FrameTruth last = clip.truth().frames().get(clip.truth().frames().size() - 1);
    assertThat(first.zoom()).isEqualTo(1.0);
    assertThat(last.zoom()).isCloseTo(WorldLayout.ZOOM_FACTOR, within(1e-9));
    assertThat(last.objects().get(0).radius()).isCloseTo(Size.SMALL.radius() * h * WorldLayout.ZOOM_FACTOR, within(1e-9));
    double dx = first.objects().get(0).x() - h / 2.0;
    assertThat(last.objects().get(0).x() - h / 2.0).isCloseTo(dx * WorldLayout.ZOOM_FACTOR, within(1e-9));
    // the floor line moves down from 0.75 of the height to 0.5 + 0.25 * zoom
    Rgb sky = Environment.GRASS.backdrop();
    int x = 1;
    assertThat(firstFloorRow(clip.video(), 0, x, sky)).isEqualTo((int) Math.round(WorldLayout.FLOOR_Y * h));
    assertThat(firstFloorRow(clip.video(), clip.video().frameCount() - 1, x, sky))
        .isEqualTo((int) Math.round(h * (0.5 + (WorldLayout.FLOOR_Y - 0.5) * WorldLayout.ZOOM_FACTOR)));
  }

  /** Share of pixels in rows [from, to) within 1 of the color (graded per pixel if cinematic). */
  private static double share(Video v, int from, int to, Rgb color, boolean cinematic) {
    int hits = 0;
    int n = 0;
    for (int y = from; y < to; y++) {
      for (int x = 0; x < v.width(); x++) {
        Rgb expected = cinematic
            ? CinematicGrade.grade(color, CinematicGrade.vignette(x + 0.5, y + 0.5, v.width(), v.height()))
            : color;
        n++;
        if (Math.abs(v.sample(0, x, y, 0) - expected.r()) <= 1 && Math.abs(v.sample(0, x, y, 1) - expected.g()) <= 1
            && Math.abs(v.sample(0, x, y, 2) - expected.b()) <= 1) {
          hits++;
        }
      }
    }
    return (double) hits / n;
  }

  private static int brightDots(Video v, int rows) {
    int n = 0;
    for (int y = 0; y < rows; y++) {
      for (int x = 0; x < v.width(); x++) {
        if (v.sample(0, x, y, 0) > 60) {
          n++;
        }
      }
    }
    return n;
  }

  private static int count(Video v, int frame, Rgb color, double tolerance) {
    int n = 0;
    for (int y = 0; y < v.height(); y++) {
      for (int x = 0; x < v.width(); x++) {
        Rgb c = new Rgb(v.sample(frame, x, y, 0), v.sample(frame, x, y, 1), v.sample(frame, x, y, 2));
        if (c.distance(color) <= tolerance) {
          n++;
        }
      }
    }
    return n;
  }

  /** The horizontal shift s, in pixels, for which frame f of b at x matches frame 0 of a at x + s in the floor rows. */
  private static int bestShift(Video a, Video b, int f) {
    int best = Integer.MIN_VALUE;
    double bestError = Double.POSITIVE_INFINITY;
    int top = (int) Math.ceil(WorldLayout.FLOOR_Y * a.height()) + 1;
    for (int s = -40; s <= 40; s++) {
      double error = 0;
      int n = 0;
      for (int y = top; y < a.height(); y++) {
        for (int x = Math.max(0, -s); x < Math.min(a.width(), a.width() - s); x++) {
          for (int c = 0; c < 3; c++) {
            error += Math.abs(b.sample(f, x, y, c) - a.sample(0, x + s, y, c));
          }
          n++;
        }
      }
      error /= n;
      if (error < bestError) {
        bestError = error;
        best = s;
      }
    }
    assertThat(bestError).as("mean error at the best shift").isLessThan(1.0);
    return best;
  }

  private static int firstFloorRow(Video v, int frame, int x, Rgb backdrop) {
    for (int y = 0; y < v.height(); y++) {
      Rgb c = new Rgb(v.sample(frame, x, y, 0), v.sample(frame, x, y, 1), v.sample(frame, x, y, 2));
      if (c.distance(backdrop) > 20 && y > v.height() / 2) {
        return y;
      }
    }
    return -1;
  }
}
