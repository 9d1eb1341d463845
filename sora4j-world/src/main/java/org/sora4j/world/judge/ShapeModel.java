package org.sora4j.world.judge;

import java.util.List;
import org.sora4j.world.scene.Shape;

/**
 * Shape from two numbers a blob carries: its fill (area over the square of its longest chord:
 * ball pi/4, box 1, triangle 1/2) and the skew of its rows' mass (0 for ball and box, about
 * -0.57 for an upward triangle, which carries its mass low).
 */
final class ShapeModel {
  private static final double[] FILL = {Math.PI / 4, 0.98, 0.53};
  private static final double[] SKEW = {0, 0, -0.57};
  private static final double FILL_SIGMA = 0.06;
  private static final double SKEW_SIGMA = 0.15;

  private ShapeModel() {}

  /** Probability of each shape, in {@link Shape#values()} order. */
  static double[] probabilities(Blob b) {
    double[] p = new double[3];
    double sum = 0;
    for (int s = 0; s < 3; s++) {
      double df = (b.fill() - FILL[s]) / FILL_SIGMA;
      double ds = (b.skew() - SKEW[s]) / SKEW_SIGMA;
      p[s] = Math.exp(-0.5 * (df * df + ds * ds));
      sum += p[s];
    }
    for (int s = 0; s < 3; s++) {
      p[s] = sum > 1e-300 ? p[s] / sum : 1.0 / 3;
    }
    return p;
  }

  /** Mean shape probabilities over sightings. */
  static double[] probabilities(List<Sighting> sightings) {
    double[] p = new double[3];
    for (Sighting s : sightings) {
      double[] q = probabilities(s.blob());
      for (int i = 0; i < 3; i++) {
        p[i] += q[i] / sightings.size();
      }
    }
    return p;
  }

  /** Probability that two sets of sightings show the same shape. */
  static double similarity(List<Sighting> a, List<Sighting> b) {
    double[] p = probabilities(a);
    double[] q = probabilities(b);
    double s = 0;
    for (int i = 0; i < 3; i++) {
      s += p[i] * q[i];
    }
    double norm = Math.sqrt(dot(p, p) * dot(q, q));
    return norm > 0 ? s / norm : 0;
  }

  private static double dot(double[] a, double[] b) {
    double s = 0;
    for (int i = 0; i < a.length; i++) {
      s += a[i] * b[i];
    }
    return s;
  }

  static Shape best(List<Sighting> sightings) {
    double[] p = probabilities(sightings);
    int best = 0;
    for (int i = 1; i < 3; i++) {
      if (p[i] > p[best]) {
        best = i;
      }
    }
    return Shape.values()[best];
  }
}
