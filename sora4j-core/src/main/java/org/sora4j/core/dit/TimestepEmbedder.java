package org.sora4j.core.dit;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import org.sora4j.core.nn.Layer;
import org.sora4j.core.nn.Linear;
import org.sora4j.core.nn.Silu;

/** Embeds diffusion times in [0, 1]: sinusoidal features, then an MLP (as in DiT). */
public final class TimestepEmbedder extends Layer {
  private static final int FREQUENCIES = 256;
  private final Linear fc1;
  private final Linear fc2;

  public TimestepEmbedder(int width) {
    fc1 = addChildBlock("fc1", new Linear(FREQUENCIES, width));
    fc2 = addChildBlock("fc2", new Linear(width, width));
  }

  /** t: (B, T) to (B, T, width). */
  public NDArray forward(NDArray t) {
    return fc2.forward(Silu.apply(fc1.forward(sinusoids(t))));
  }

  /** (B, T) to (B, T, 256): cos and sin of 1000 t at geometrically spaced frequencies. */
  static NDArray sinusoids(NDArray t) {
    int half = FREQUENCIES / 2;
    NDArray freqs = t.getManager().arange(0, half, 1, t.getDataType())
        .mul(-Math.log(10_000) / half).exp(); // (half)
    NDArray args = t.mul(1000).expandDims(2).mul(freqs); // (B, T, half)
    return NDArrays.concat(new NDList(args.cos(), args.sin()), 2);
  }
}
