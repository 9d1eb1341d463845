package org.sora4j.world.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.sora4j.core.video.Video;
import org.sora4j.world.scene.CameraMove;
import org.sora4j.world.scene.Environment;
import org.sora4j.world.scene.Lighting;
import org.sora4j.world.scene.Motion;
import org.sora4j.world.scene.ObjectColor;
import org.sora4j.world.scene.ObjectSpec;
import org.sora4j.world.scene.Scene;
import org.sora4j.world.scene.SceneSpec;
import org.sora4j.world.scene.Shape;
import org.sora4j.world.scene.Size;
import org.sora4j.world.scene.Speed;
import org.sora4j.world.scene.TimeOfDay;

class WorldRendererTest {
  private static final RenderOptions SMALL = new RenderOptions(64, 64, 8, 2.125);

  static Scene scene(Motion motion, CameraMove camera, ObjectSpec... objects) {
    return new Scene(List.of(objects), motion, Environment.GRASS, TimeOfDay.DAY, Lighting.NORMAL,
        camera, Speed.NORMAL);
  }

  static ObjectSpec obj(ObjectColor c, Shape s, Size z) {
    return new ObjectSpec(c, s, z);
  }

  @Test
  void sameSeedGivesSamePixelsAndDifferentSeedDifferentPixels() {
    for (long s = 0; s < 20; s++) {
      Scene scene = SceneSpec.open().resolve(s);
      Clip a = WorldRenderer.render(scene, SMALL, s);
      Clip b = WorldRenderer.render(scene, SMALL, s);
      Clip c = WorldRenderer.render(scene, SMALL, s + 1000);
      assertThat(a.video().frameCount()).isEqualTo(17);
      for (int f = 0; f < a.video().frameCount(); f++) {
        assertThat(a.video().frame(f)).isEqualTo(b.video().frame(f));
      }
      assertThat(a.truth()).isEqualTo(b.truth());
      boolean differs = false;
      for (int f = 0; f < a.video().frameCount() && !differs; f++) {
        differs = !Arrays.equals(a.video().frame(f), c.video().frame(f));
      }
      assertThat(differs).as("seed %d vs %d", s, s + 1000).isTrue();
    }
  }

  @Test
  void anySizeRateAndDurationRendersTheRightFrames() {
    Scene scene = SceneSpec.open().resolve(7);
    int[][] sizes = {{1, 1}, {3, 17}, {96, 64}, {64, 96}, {17, 5}};
    for (int[] size : sizes) {
      for (double seconds : new double[] {0, 0.05, 1, 3.3}) {
        RenderOptions o = new RenderOptions(size[0], size[1], 7.5, seconds);
        Clip clip = WorldRenderer.render(scene, o, 3);
        Video v = clip.video();
        assertThat(v.width()).isEqualTo(size[0]);
        assertThat(v.height()).isEqualTo(size[1]);
        assertThat(v.frameCount()).isEqualTo(Math.max(1, (int) Math.round(seconds * 7.5)));
        assertThat(clip.truth().frames()).hasSize(v.frameCount());
      }
    }
    assertThat(new RenderOptions(64, 64, 8, 0).frameCount()).isEqualTo(1);
  }

  @Test
  void badOptionsAreRefusedWithAMessage() {
    assertThatThrownBy(() -> new RenderOptions(0, 64, 8, 1)).hasMessageContaining("frame size");
    assertThatThrownBy(() -> new RenderOptions(64, 64, 0, 1)).hasMessageContaining("fps");
    assertThatThrownBy(() -> new RenderOptions(64, 64, Double.NaN, 1)).hasMessageContaining("fps");
    assertThatThrownBy(() -> new RenderOptions(64, 64, 8, -1)).hasMessageContaining("seconds");
  }

  @Test
  void groundTruthSitsWhereTheObjectsColorIs() {
    for (Shape shape : Shape.values()) {
      Scene scene = scene(Motion.MOVES_RIGHT, CameraMove.ZOOM_IN, obj(ObjectColor.RED, shape, Size.LARGE));
      Clip clip = WorldRenderer.render(scene, new RenderOptions(96, 64, 8, 2), 5);
      for (int f = 0; f < clip.video().frameCount(); f++) {
        ObjectState s = clip.truth().frames().get(f).objects().get(0);
        double[] c = centroid(clip.video(), f, 220, 40, 40);
        assertThat(c[2]).as("pixels found").isGreaterThan(20);
        double expectedY = shape == Shape.TRIANGLE ? s.y() + s.radius() / 3 : s.y();
        assertThat(c[0]).as("x frame %d %s", f, shape).isCloseTo(s.x(), within(0.6));
        assertThat(c[1]).as("y frame %d %s", f, shape).isCloseTo(expectedY, within(0.6));
      }
    }
  }

  /** Mean pixel position (centres at i + 0.5) of pixels exactly this color, and their count. */
  static double[] centroid(Video v, int frame, int r, int g, int b) {
    double sx = 0;
    double sy = 0;
    int n = 0;
    for (int y = 0; y < v.height(); y++) {
      for (int x = 0; x < v.width(); x++) {
        if (v.sample(frame, x, y, 0) == r && v.sample(frame, x, y, 1) == g && v.sample(frame, x, y, 2) == b) {
          sx += x + 0.5;
          sy += y + 0.5;
          n++;
        }
      }
    }
    return new double[] {sx / n, sy / n, n};
  }
}
