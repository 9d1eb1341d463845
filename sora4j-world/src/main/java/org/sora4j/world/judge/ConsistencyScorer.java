package org.sora4j.world.judge;

import static org.sora4j.world.judge.Fits.decay;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.sora4j.world.scene.WorldLayout;

/**
 * Whether the video holds together over time: every object stays present (unless the wall hides
 * it), keeps its color and its size, and the background does not flicker once the camera motion
 * is undone. The parts multiply, so any one failing shows.
 */
final class ConsistencyScorer {
  private ConsistencyScorer() {}

  static Verdict score(Observation o) {
    List<String> problems = new ArrayList<>();
    if (o.objects().isEmpty()) {
      return Verdict.of(0, "consistency: no object found");
    }
    double identity = 0;
    double color = 0;
    double size = 0;
    boolean wall = MotionScorer.wallShare(o) > 0.25;
    for (Track t : o.objects()) {
      identity += presence(t, o, wall);
      double[] shares = t.colorShares();
      double top = 0;
      for (double s : shares) {
        top = Math.max(top, s);
      }
      color += decay(1 - top, 0.1, 0.15);
      size += decay(radiusSpread(t), 0.06, 0.1);
    }
    int n = o.objects().size();
    identity /= n;
    color /= n;
    size /= n;
    double background = 1;
    if (!o.isImage()) {
      double mean = 0;
      for (double c : o.camera().changes()) {
        mean += c / o.camera().changes().length;
      }
      background = decay(mean, 4, 5);
      if (background < 0.7) {
        problems.add(String.format(Locale.ROOT, "background changes by %.1f levels per frame", mean));
      }
    }
    if (identity < 0.7) {
      problems.add("objects come and go");
    }
    if (color < 0.7) {
      problems.add("objects change color");
    }
    if (size < 0.7) {
      problems.add("objects change size");
    }
    double score = identity * color * size * background;
    return Verdict.of(score, problems.isEmpty() ? String.format(Locale.ROOT, "consistency: %.2f", score)
        : "consistency: " + String.join("; ", problems));
  }

  /** Share of frames the object is seen in, not counting frames where the wall or the frame edge may hide it. */
  private static double presence(Track t, Observation o, boolean wall) {
    int expected = 0;
    int seen = 0;
    List<Sighting> s = t.sightings();
    for (int f = 0; f < o.frameCount(); f++) {
      Sighting at = MotionScorer.at(t, f);
      if (at != null) {
        expected++;
        seen++;
        continue;
      }
      double x = interpolateX(s, f);
      double reach = WorldLayout.WALL_HALF_WIDTH + t.radius() + 0.03;
      if (wall && Math.abs(x - o.wallX()) < reach) {
        continue;
      }
      expected++;
    }
    return expected == 0 ? 1 : decay(1 - (double) seen / expected, 0.1, 0.15);
  }

  private static double interpolateX(List<Sighting> s, int frame) {
    Sighting before = null;
    Sighting after = null;
    for (Sighting x : s) {
      if (x.frame() < frame) {
        before = x;
      } else if (after == null) {
        after = x;
      }
    }
    if (before == null) {
      return after.x();
    }
    if (after == null) {
      return before.x();
    }
    double f = (double) (frame - before.frame()) / (after.frame() - before.frame());
    return before.x() + f * (after.x() - before.x());
  }

  private static double radiusSpread(Track t) {
    List<Sighting> c = t.clean();
    if (c.size() < 2) {
      return 0;
    }
    double mean = 0;
    for (Sighting s : c) {
      mean += Math.log(s.radius()) / c.size();
    }
    double var = 0;
    for (Sighting s : c) {
      double d = Math.log(s.radius()) - mean;
      var += d * d / c.size();
    }
    return Math.sqrt(var);
  }
}
