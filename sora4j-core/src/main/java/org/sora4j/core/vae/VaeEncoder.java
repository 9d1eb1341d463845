package org.sora4j.core.vae;

import ai.djl.ndarray.NDArray;
import java.util.ArrayList;
import java.util.List;
import org.sora4j.core.nn.CausalCache;
import org.sora4j.core.nn.CausalConv3d;
import org.sora4j.core.nn.FrameGroupNorm;
import org.sora4j.core.nn.Layer;
import org.sora4j.core.nn.ResBlock3d;
import org.sora4j.core.nn.Silu;
import org.sora4j.core.nn.SpaceToDepth;
import org.sora4j.core.nn.TimeToDepth;

/**
 * Video to the mean and log-variance of the latent: fold 2x2 pixels (and, with a time patch, runs
 * of frames) into channels, then at each level residual blocks and a causal strided convolution
 * that halves space and/or time.
 */
public final class VaeEncoder extends Layer {
  private final CausalConv3d convIn;
  private final List<List<ResBlock3d>> blocks = new ArrayList<>();
  private final List<CausalConv3d> downs = new ArrayList<>();
  private final FrameGroupNorm normOut;
  private final CausalConv3d convOut;
  private final int timePatch;

  public VaeEncoder(VaeConfig config) {
    timePatch = config.timePatch();
    List<Integer> ch = config.channels();
    int kt = config.temporalKernel();
    convIn = addChildBlock("conv_in", new CausalConv3d(12 * timePatch, ch.get(0), kt, 3, 1, 1));
    for (int i = 0; i < ch.size(); i++) {
      List<ResBlock3d> level = new ArrayList<>();
      for (int j = 0; j < config.blocksPerLevel(); j++) {
        level.add(addChildBlock("res" + i + "_" + j, new ResBlock3d(ch.get(i), ch.get(i), kt, config.groups())));
      }
      blocks.add(level);
      if (i < ch.size() - 1) {
        int st = config.downsamplesTime(i) ? 2 : 1;
        int ss = config.downsamplesSpace(i) ? 2 : 1;
        downs.add(addChildBlock("down" + i, new CausalConv3d(ch.get(i), ch.get(i + 1), Math.max(kt, st), 3, st, ss)));
      }
    }
    int last = ch.get(ch.size() - 1);
    normOut = addChildBlock("norm_out", new FrameGroupNorm(last, config.groups()));
    convOut = addChildBlock("conv_out", new CausalConv3d(last, 2 * config.latentChannels(), kt, 3, 1, 1));
  }

  /** The last convolution: mean then log-variance of each latent channel. */
  CausalConv3d convOut() {
    return convOut;
  }

  /**
   * @param x video in [-1, 1], (B, 3, T, H, W)
   * @param cache chunk state, or null for a whole video
   * @return mean and log-variance stacked on channels, (B, 2Z, T', H/f, W/f)
   */
  public NDArray forward(NDArray x, CausalCache cache) {
    boolean start = cache == null || cache.firstCall(this);
    NDArray folded = SpaceToDepth.fold(TimeToDepth.fold(x, timePatch, start), 2); // (B, 12p, T/p, H/2, W/2)
    NDArray h = convIn.forward(folded, cache); // (B, C0, T/p, H/2, W/2)
    for (int i = 0; i < blocks.size(); i++) {
      for (ResBlock3d block : blocks.get(i)) {
        h = block.forward(h, cache);
      }
      if (i < downs.size()) {
        h = downs.get(i).forward(h, cache); // halves space and/or time
      }
    }
    return convOut.forward(Silu.apply(normOut.forward(h)), cache);
  }
}
