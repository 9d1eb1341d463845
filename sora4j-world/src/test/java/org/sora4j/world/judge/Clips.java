package org.sora4j.world.judge;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.sora4j.core.video.Video;
import org.sora4j.world.parse.PromptParser;
import org.sora4j.world.scene.Environment;
import org.sora4j.world.scene.ObjectColor;
import org.sora4j.world.scene.Scene;
import org.sora4j.world.scene.SceneSpec;
import org.sora4j.world.scene.WorldLayout;
import org.sora4j.world.sim.RenderOptions;
import org.sora4j.world.sim.WorldRenderer;

/** Videos for judge tests: renders, planted faults, and frames painted by hand. */
final class Clips {
  static final RenderOptions SMALL = new RenderOptions(64, 64, 8, 2);

  private Clips() {}

  static SceneSpec spec(String prompt) {
    return PromptParser.parse(prompt).spec();
  }

  static Video render(Scene scene, long seed) {
    return WorldRenderer.render(scene, SMALL, seed).video();
  }

  static Video render(String prompt, long seed) {
    return render(spec(prompt).resolve(seed), seed);
  }

  static List<byte[]> frames(Video v) {
    List<byte[]> out = new ArrayList<>();
    for (int i = 0; i < v.frameCount(); i++) {
      out.add(v.frame(i));
    }
    return out;
  }

  static Video of(Video like, List<byte[]> frames) {
    return Video.of(like.width(), like.height(), like.fps(), frames);
  }

  static Video noise(long seed) {
    Random rnd = new Random(seed);
    List<byte[]> frames = new ArrayList<>();
    for (int i = 0; i < 16; i++) {
      byte[] b = new byte[64 * 64 * 3];
      rnd.nextBytes(b);
      frames.add(b);
    }
    return Video.of(64, 64, 8, frames);
  }

  static Video frozen(Video v) {
    return of(v, Collections.nCopies(v.frameCount(), v.frame(0)));
  }

  static Video shuffled(Video v, long seed) {
    List<byte[]> f = frames(v);
    Collections.shuffle(f, new Random(seed));
    return of(v, f);
  }

  static Video reversed(Video v) {
    List<byte[]> f = frames(v);
    Collections.reverse(f);
    return of(v, f);
  }

  /** Every other frame brightened: a flickering picture. */
  static Video flickering(Video v, int amount) {
    List<byte[]> f = frames(v);
    for (int i = 1; i < f.size(); i += 2) {
      byte[] b = f.get(i);
      for (int j = 0; j < b.length; j++) {
        b[j] = (byte) Math.min(255, (b[j] & 0xff) + amount);
      }
    }
    return of(v, f);
  }

  /** A soft 3x3 blur and Gaussian noise of the given standard deviation, like a generated video. */
  static Video blurredAndNoisy(Video v, double sigma, long seed) {
    Random rnd = new Random(seed);
    int w = v.width();
    int h = v.height();
    List<byte[]> out = new ArrayList<>();
    for (byte[] b : frames(v)) {
      byte[] o = new byte[b.length];
      for (int y = 0; y < h; y++) {
        for (int x = 0; x < w; x++) {
          for (int c = 0; c < 3; c++) {
            double s = 0;
            double n = 0;
            for (int dy = -1; dy <= 1; dy++) {
              for (int dx = -1; dx <= 1; dx++) {
                int xx = Math.min(w - 1, Math.max(0, x + dx));
                int yy = Math.min(h - 1, Math.max(0, y + dy));
                double weight = (dx == 0 ? 2 : 1) * (dy == 0 ? 2 : 1);
                s += weight * (b[(yy * w + xx) * 3 + c] & 0xff);
                n += weight;
              }
            }
            o[(y * w + x) * 3 + c] = (byte) Math.max(0, Math.min(255, Math.round(s / n + rnd.nextGaussian() * sigma)));
          }
        }
      }
      out.add(o);
    }
    return of(v, out);
  }

  /**
   * A ball painted on a daylight grass backdrop, following {@code y(t)} in frame heights (x fixed
   * at the centre), anti-aliased by 4x4 sub-samples.
   */
  static Video paintedBall(ObjectColor color, double radius, java.util.function.DoubleUnaryOperator y) {
    int w = 64;
    int h = 64;
    List<byte[]> frames = new ArrayList<>();
    Environment env = Environment.GRASS;
    for (int f = 0; f < 16; f++) {
      double cy = y.applyAsDouble(f / 8.0) * h;
      double cx = w / 2.0;
      double r = radius * h;
      byte[] b = new byte[w * h * 3];
      for (int py = 0; py < h; py++) {
        var bg = (py + 0.5) / h < WorldLayout.FLOOR_Y ? env.backdrop() : env.floor();
        for (int px = 0; px < w; px++) {
          int hits = 0;
          for (int sy = 0; sy < 4; sy++) {
            for (int sx = 0; sx < 4; sx++) {
              double dx = px + (sx + 0.5) / 4 - cx;
              double dy = py + (sy + 0.5) / 4 - cy;
              hits += dx * dx + dy * dy <= r * r ? 1 : 0;
            }
          }
          double a = hits / 16.0;
          int i = (py * w + px) * 3;
          b[i] = (byte) Math.round(bg.r() + (color.rgb().r() - bg.r()) * a);
          b[i + 1] = (byte) Math.round(bg.g() + (color.rgb().g() - bg.g()) * a);
          b[i + 2] = (byte) Math.round(bg.b() + (color.rgb().b() - bg.b()) * a);
        }
      }
      frames.add(b);
    }
    return Video.of(w, h, 8, frames);
  }

  /** The daylight backdrop and floor of an environment with nothing in front of them, 2 s at 8 fps. */
  static Video backdrop(Environment env) {
    int w = 64;
    int h = 64;
    byte[] b = new byte[w * h * 3];
    for (int py = 0; py < h; py++) {
      var bg = (py + 0.5) / h < WorldLayout.FLOOR_Y ? env.backdrop() : env.floor();
      for (int px = 0; px < w; px++) {
        int i = (py * w + px) * 3;
        b[i] = (byte) bg.r();
        b[i + 1] = (byte) bg.g();
        b[i + 2] = (byte) bg.b();
      }
    }
    return Video.of(w, h, 8, Collections.nCopies(16, b));
  }
}
