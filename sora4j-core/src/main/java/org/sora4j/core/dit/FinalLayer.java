package org.sora4j.core.dit;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import org.sora4j.core.nn.Layer;
import org.sora4j.core.nn.Linear;
import org.sora4j.core.nn.Norms;
import org.sora4j.core.nn.Silu;

/** Modulated norm and a zero-initialised projection from tokens to patch values. */
public final class FinalLayer extends Layer {
  private final Linear modulation;
  private final Linear project;

  public FinalLayer(DitConfig config) {
    modulation = addChildBlock("ada", new Linear(config.width(), 2 * config.width()).zeroInit());
    project = addChildBlock("proj", new Linear(config.width(), config.patchValues()).zeroInit());
  }

  /** x (B, N, D), c (B, T', D) to (B, N, patch values). */
  public NDArray forward(NDArray x, NDArray c, TokenGrid grid) {
    NDList mod = modulation.forward(Silu.apply(c)).split(2, 2);
    return project.forward(DitBlock.modulate(Norms.layerNorm(x), mod.get(0), mod.get(1), grid));
  }
}
