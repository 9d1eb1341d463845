package org.sora4j.world.judge;

import java.util.List;
import java.util.function.Predicate;

/**
 * How well each {@link Look} explains a video's background: the mean distance (8-bit levels,
 * capped so objects and noise do not dominate) from sampled pixels to the look's background colors
 * and their blends. The smallest cost names the environment, time of day and lighting.
 */
final class LookFit {
  /** A pixel this far from every background blend counts as this far: it is something else. */
  static final float CAP = 60;
  private static final int MAX_FRAMES = 4;
  private static final int SAMPLES_PER_FRAME = 500;
  /** Cost per level of being inside a blend rather than at one of its colors. */
  private static final float BLEND_COST = 0.3f;

  private final List<Look> looks;
  private final double[] cost;

  private LookFit(List<Look> looks, double[] cost) {
    this.looks = looks;
    this.cost = cost;
  }

  /**
   * Measures every look on a few frames spread over the video.
   *
   * @param skip per frame, pixels to leave out (objects), or null to use every pixel
   */
  static LookFit measure(Pixels px, List<boolean[]> skip) {
    List<Look> looks = Look.all();
    double[] cost = new double[looks.size()];
    int frames = px.count();
    int used = Math.min(frames, MAX_FRAMES);
    // a few hundred pixels per frame tell the palettes apart; more only costs time
    int step = Math.max(1, (int) Math.round(Math.sqrt(px.area() / (double) SAMPLES_PER_FRAME)));
    float[] p = new float[3];
    for (int li = 0; li < looks.size(); li++) {
      PixelClassifier classifier = new PixelClassifier(looks.get(li), px.width(), px.height());
      float[] vignette = classifier.vignette();
      double sum = 0;
      long n = 0;
      for (int k = 0; k < used; k++) {
        int f = used == 1 ? 0 : (int) Math.round((double) k * (frames - 1) / (used - 1));
        float[] rgb = px.frames().get(f);
        boolean[] mask = skip == null ? null : skip.get(f);
        for (int y = step / 2; y < px.height(); y += step) {
          int region = classifier.region(y);
          for (int x = step / 2; x < px.width(); x += step) {
            int i = y * px.width() + x;
            if (mask != null && mask[i]) {
              continue;
            }
            p[0] = rgb[3 * i];
            p[1] = rgb[3 * i + 1];
            p[2] = rgb[3 * i + 2];
            sum += Math.min(CAP, classifier.backgroundDistance(p, vignette[i], region, BLEND_COST));
            n++;
          }
        }
      }
      cost[li] = n == 0 ? CAP : sum / n;
    }
    return new LookFit(looks, cost);
  }

  /** The look that explains the background best. */
  Look best() {
    return looks.get(argmin(l -> true));
  }

  /** The smallest cost among looks that pass the filter ({@link #CAP} if none does). */
  double bestCost(Predicate<Look> filter) {
    int i = argmin(filter);
    return i < 0 ? CAP : cost[i];
  }

  /** The best look among those that pass the filter, or null. */
  Look best(Predicate<Look> filter) {
    int i = argmin(filter);
    return i < 0 ? null : looks.get(i);
  }

  private int argmin(Predicate<Look> filter) {
    int best = -1;
    for (int i = 0; i < looks.size(); i++) {
      if (filter.test(looks.get(i)) && (best < 0 || cost[i] < cost[best])) {
        best = i;
      }
    }
    return best;
  }
}
