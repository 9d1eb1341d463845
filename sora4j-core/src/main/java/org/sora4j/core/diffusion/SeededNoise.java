package org.sora4j.core.diffusion;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import java.util.SplittableRandom;

/** Standard normal noise from a Java generator, so a seed means the same values on every engine and thread count. */
public final class SeededNoise {
  private SeededNoise() {}

  /** Noise of {@code shape} drawn from {@code seed} alone (Box-Muller over a SplittableRandom). */
  public static NDArray gaussian(NDManager m, Shape shape, long seed) {
    SplittableRandom rng = new SplittableRandom(seed);
    float[] values = new float[Math.toIntExact(shape.size())];
    for (int i = 0; i < values.length; i += 2) {
      double u1 = 1.0 - rng.nextDouble();
      double u2 = rng.nextDouble();
      double r = Math.sqrt(-2 * Math.log(u1));
      values[i] = (float) (r * Math.cos(2 * Math.PI * u2));
      if (i + 1 < values.length) {
        values[i + 1] = (float) (r * Math.sin(2 * Math.PI * u2));
      }
    }
    return m.create(values, shape);
  }
}
