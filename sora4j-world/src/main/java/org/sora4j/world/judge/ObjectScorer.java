package org.sora4j.world.judge;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.sora4j.world.scene.Motion;
import org.sora4j.world.scene.ObjectColor;
import org.sora4j.world.scene.ObjectSpec;
import org.sora4j.world.scene.SceneSpec;
import org.sora4j.world.scene.Shape;
import org.sora4j.world.scene.Size;

/**
 * Count, color, shape and size: the asked objects are matched to the tracked ones (the
 * assignment that agrees best), then each asked attribute scores the probability the matched
 * track has it. An asked object with no track scores 0.
 */
final class ObjectScorer {
  /** Spread of a measured radius around its size's nominal radius, natural log. */
  private static final double SIZE_SIGMA = 0.15;

  private ObjectScorer() {}

  /** The objects the spec asks for, one per object, expanded the way {@link SceneSpec#resolve} does. */
  static List<ObjectSpec> asked(SceneSpec spec) {
    List<ObjectSpec> described = spec.objects();
    int n;
    if (spec.motion() == Motion.COLLIDE) {
      n = 2;
    } else if (spec.count() != null) {
      n = spec.count();
    } else {
      n = described.size();
    }
    List<ObjectSpec> out = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      ObjectSpec a = described.isEmpty() ? new ObjectSpec(null, null, null)
          : described.get(Math.min(i, described.size() - 1));
      if (i >= described.size() && described.size() > 1) {
        a = new ObjectSpec(null, null, null);
      }
      out.add(a);
    }
    return out;
  }

  static Map<Dimension, Verdict> score(SceneSpec spec, Observation o) {
    Map<Dimension, Verdict> out = new EnumMap<>(Dimension.class);
    List<Track> tracks = o.objects();
    List<ObjectSpec> asked = asked(spec);
    if (spec.count() != null) {
      int expected = asked.size();
      out.put(Dimension.COUNT, Verdict.of(Math.exp(-1.5 * Math.abs(tracks.size() - expected)),
          "count: saw " + tracks.size() + ", asked " + expected));
    }
    int[] match = match(asked, tracks);
    List<String> seen = new ArrayList<>();
    for (Track t : tracks) {
      seen.add(describe(t));
    }
    for (Dimension d : List.of(Dimension.COLOR, Dimension.SHAPE, Dimension.SIZE)) {
      double sum = 0;
      int n = 0;
      for (int i = 0; i < asked.size(); i++) {
        Object want = attribute(d, asked.get(i));
        if (want == null) {
          continue;
        }
        n++;
        sum += match[i] < 0 ? 0 : probability(d, want, tracks.get(match[i]));
      }
      if (n > 0) {
        out.put(d, Verdict.of(sum / n, d.key() + ": saw " + (seen.isEmpty() ? "nothing" : String.join(", ", seen))));
      }
    }
    return out;
  }

  private static Object attribute(Dimension d, ObjectSpec s) {
    return switch (d) {
      case COLOR -> s.color();
      case SHAPE -> s.shape();
      case SIZE -> s.size();
      default -> null;
    };
  }

  static double probability(Dimension d, Object want, Track t) {
    return switch (d) {
      case COLOR -> t.colorShares()[((ObjectColor) want).ordinal()];
      case SHAPE -> ShapeModel.probabilities(t.measured())[((Shape) want).ordinal()];
      case SIZE -> sizeProbability((Size) want, t.radius());
      default -> 0;
    };
  }

  static double sizeProbability(Size want, double radius) {
    double sum = 0;
    double mine = 0;
    for (Size s : Size.values()) {
      double e = Math.log(radius / s.radius()) / SIZE_SIGMA;
      double l = Math.exp(-0.5 * e * e);
      sum += l;
      if (s == want) {
        mine = l;
      }
    }
    double share = sum > 1e-300 ? mine / sum : 0;
    return share * Fits.decay(Math.abs(Math.log(radius / want.radius())), 0.15, 0.3);
  }

  /** For each asked object, the index of its track (or -1): the assignment with the best total agreement. */
  static int[] match(List<ObjectSpec> asked, List<Track> tracks) {
    int[] best = new int[asked.size()];
    java.util.Arrays.fill(best, -1);
    double[] bestScore = {-1};
    search(asked, tracks, 0, new int[asked.size()], new boolean[tracks.size()], 0, best, bestScore);
    return best;
  }

  private static void search(List<ObjectSpec> asked, List<Track> tracks, int i, int[] current, boolean[] used,
      double score, int[] best, double[] bestScore) {
    if (i == asked.size()) {
      if (score > bestScore[0]) {
        bestScore[0] = score;
        System.arraycopy(current, 0, best, 0, current.length);
      }
      return;
    }
    boolean any = false;
    for (int j = 0; j < tracks.size(); j++) {
      if (!used[j]) {
        any = true;
        used[j] = true;
        current[i] = j;
        search(asked, tracks, i + 1, current, used, score + agreement(asked.get(i), tracks.get(j)), best, bestScore);
        used[j] = false;
      }
    }
    if (!any) {
      current[i] = -1;
      search(asked, tracks, i + 1, current, used, score, best, bestScore);
    }
  }

  private static double agreement(ObjectSpec a, Track t) {
    double s = 0.01;
    for (Dimension d : List.of(Dimension.COLOR, Dimension.SHAPE, Dimension.SIZE)) {
      Object want = attribute(d, a);
      if (want != null) {
        s += probability(d, want, t);
      }
    }
    return s;
  }

  static String describe(Track t) {
    ObjectSpec seen = t.spec();
    return String.format(Locale.ROOT, "%s %s %s (r %.3f)", seen.size().word(), seen.color().word(), seen.shape().word(), t.radius());
  }
}
