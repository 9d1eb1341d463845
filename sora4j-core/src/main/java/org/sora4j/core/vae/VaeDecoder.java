package org.sora4j.core.vae;

import ai.djl.ndarray.NDArray;
import java.util.ArrayList;
import java.util.List;
import org.sora4j.core.nn.CausalCache;
import org.sora4j.core.nn.CausalConv3d;
import org.sora4j.core.nn.CausalUpsample3d;
import org.sora4j.core.nn.FrameGroupNorm;
import org.sora4j.core.nn.Layer;
import org.sora4j.core.nn.ResBlock3d;
import org.sora4j.core.nn.Silu;
import org.sora4j.core.nn.SpaceToDepth;
import org.sora4j.core.nn.TimeToDepth;

/**
 * Latent to video: the encoder's levels in reverse, upsampling where it downsampled.
 *
 * <p>Blocks past the first {@link #baseBlocks} of a level are registered after all the others:
 * parameter names carry the registration order, so a decoder deepened from a trained one keeps
 * every name of the trained one and loads its weights as they are.
 */
public final class VaeDecoder extends Layer {
  private final CausalConv3d convIn;
  private final List<List<ResBlock3d>> blocks = new ArrayList<>();
  private final List<CausalUpsample3d> ups = new ArrayList<>();
  private final FrameGroupNorm normOut;
  private final CausalConv3d convOut;
  private final List<ResBlock3d> added = new ArrayList<>();
  private final int timePatch;
  private final boolean keyframeInput;

  public VaeDecoder(VaeConfig config) {
    timePatch = config.timePatch();
    keyframeInput = config.keyframeInput();
    List<Integer> ch = config.channels();
    int kt = config.temporalKernel();
    int levels = ch.size();
    int base = Math.min(config.decoderBlocksPerLevel(), baseBlocks(config));
    int inputs = config.latentChannels() * (keyframeInput ? 2 : 1);
    convIn = addChildBlock("conv_in", new CausalConv3d(inputs, ch.get(levels - 1), kt, 3, 1, 1));
    // level index i runs from the coarsest (levels-1) to the finest (0)
    for (int i = levels - 1; i >= 0; i--) {
      List<ResBlock3d> level = new ArrayList<>();
      for (int j = 0; j < base; j++) {
        level.add(addChildBlock("res" + i + "_" + j, new ResBlock3d(ch.get(i), ch.get(i), kt, config.groups())));
      }
      for (int j = base; j < config.decoderBlocksPerLevel(); j++) {
        ResBlock3d block = new ResBlock3d(ch.get(i), ch.get(i), kt, config.groups());
        level.add(block); // registered below, after conv_out
        added.add(block);
      }
      blocks.add(level);
      if (i > 0) {
        ups.add(addChildBlock("up" + (i - 1), new CausalUpsample3d(ch.get(i), ch.get(i - 1),
            config.downsamplesTime(i - 1), config.downsamplesSpace(i - 1), kt,
            config.timeUpsampling() == VaeConfig.TimeUpsampling.DEPTH_TO_TIME)));
      }
    }
    normOut = addChildBlock("norm_out", new FrameGroupNorm(ch.get(0), config.groups()));
    convOut = addChildBlock("conv_out", new CausalConv3d(ch.get(0), 12 * timePatch, kt, 3, 1, 1));
    for (int k = 0; k < added.size(); k++) {
      addChildBlock("deep" + k, added.get(k));
    }
  }

  /**
   * The latent with the video's first latent frame beside every frame, (B, 2Z, T', h, w): the first
   * frame is encoded alone and so carries the sharpest picture of what stays still. Causal, since
   * the first frame comes before every other; a chunked decode keeps it from the first chunk.
   */
  private NDArray withKeyframe(NDArray z, CausalCache cache) {
    NDArray key = cache == null ? z.get(":, :, 0:1") : cache.keepFirst(this, () -> z.get(":, :, 0:1"));
    return z.concat(key.broadcast(z.getShape()), 1);
  }

  /** Blocks per level registered in order: as many as every decoder before deepening had. */
  static int baseBlocks(VaeConfig config) {
    return config.blocksPerLevel() + 1;
  }

  /** The blocks beyond {@link #baseBlocks} at each level, coarsest level first. */
  List<ResBlock3d> addedBlocks() {
    return List.copyOf(added);
  }

  /** The first convolution: one input channel per latent channel, then one per keyframe channel. */
  CausalConv3d convIn() {
    return convIn;
  }

  /**
   * @param z latent (B, Z, T', h, w), unscaled
   * @param cache chunk state, or null for a whole latent
   * @return video in roughly [-1, 1], (B, 3, T, h*f, w*f)
   */
  public NDArray forward(NDArray z, CausalCache cache) {
    NDArray h = convIn.forward(keyframeInput ? withKeyframe(z, cache) : z, cache); // (B, C_last, T', h, w)
    for (int i = 0; i < blocks.size(); i++) {
      for (ResBlock3d block : blocks.get(i)) {
        h = block.forward(h, cache);
      }
      if (i < ups.size()) {
        h = ups.get(i).forward(h, cache); // doubles space and/or time
      }
    }
    NDArray out = convOut.forward(Silu.apply(normOut.forward(h)), cache); // (B, 12p, T/p, H/2, W/2)
    // the video's first latent frame carries its first frame alone, folded p times: keep one
    boolean start = cache == null || cache.firstCall(this);
    return TimeToDepth.unfold(SpaceToDepth.unfold(out, 2), timePatch, start);
  }
}
