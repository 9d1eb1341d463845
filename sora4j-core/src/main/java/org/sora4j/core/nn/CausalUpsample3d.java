package org.sora4j.core.nn;

import ai.djl.ndarray.NDArray;

/**
 * Nearest-neighbour upsampling by 2 in space and, optionally, in time, then a causal convolution.
 * In time the video's first frame is kept once and every later frame doubled, so 2k+1 frames
 * become 4k+1: the inverse of a causal stride-2 convolution's frame count, and an image stays
 * one frame.
 */
public final class CausalUpsample3d extends Layer {
  private final boolean upTime;
  private final boolean upSpace;
  private final CausalConv3d conv;

  public CausalUpsample3d(int in, int out, boolean upTime, boolean upSpace, int kernelT) {
    this.upTime = upTime;
    this.upSpace = upSpace;
    conv = addChildBlock("conv", new CausalConv3d(in, out, kernelT, 3, 1, 1));
  }

  /** x: (B, C, T, H, W) to (B, C', 2T-1 or T, 2H or H, 2W or W). */
  public NDArray forward(NDArray x, CausalCache cache) {
    NDArray h = x;
    if (upTime) {
      h = h.repeat(2, 2);
      boolean first = cache == null || cache.firstCall(this);
      if (first) {
        h = h.get(":, :, 1:");
      }
    }
    if (upSpace) {
      h = h.repeat(3, 2).repeat(4, 2);
    }
    return conv.forward(h, cache);
  }
}
