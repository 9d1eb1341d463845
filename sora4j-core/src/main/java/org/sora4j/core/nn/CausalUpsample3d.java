package org.sora4j.core.nn;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.Shape;

/**
 * Doubles space and, optionally, time, with a causal convolution. Space is upsampled by nearest
 * neighbour. Time is doubled either by copying each frame before the convolution or, with
 * {@code depthToTime}, by a convolution to twice the channels whose halves become the two frames
 * (so each output frame has its own features). Either way the video's first frame comes out once
 * and every later frame twice, so 2k+1 frames become 4k+1: the inverse of a causal stride-2
 * convolution's frame count, and an image stays one frame.
 */
public final class CausalUpsample3d extends Layer {
  private final boolean upTime;
  private final boolean upSpace;
  private final boolean depthToTime;
  private final CausalConv3d conv;

  public CausalUpsample3d(int in, int out, boolean upTime, boolean upSpace, int kernelT, boolean depthToTime) {
    this.upTime = upTime;
    this.upSpace = upSpace;
    this.depthToTime = upTime && depthToTime;
    conv = addChildBlock("conv", new CausalConv3d(in, this.depthToTime ? 2 * out : out, kernelT, 3, 1, 1));
  }

  /** x: (B, C, T, H, W) to (B, C', 2T-1 or T, 2H or H, 2W or W). */
  public NDArray forward(NDArray x, CausalCache cache) {
    boolean first = upTime && (cache == null || cache.firstCall(this));
    NDArray h = x;
    if (upSpace) {
      h = h.repeat(3, 2).repeat(4, 2);
    }
    if (!upTime) {
      return conv.forward(h, cache);
    }
    // the first frame of the video stands for itself alone: one frame out, not two
    if (depthToTime) {
      h = unfoldTime(conv.forward(h, cache));
      return first ? h.get(":, :, 1:") : h;
    }
    h = h.repeat(2, 2);
    return conv.forward(first ? h.get(":, :, 1:") : h, cache);
  }

  /** (B, 2C, T, H, W) to (B, C, 2T, H, W): channel half j becomes frame 2t+j. */
  private static NDArray unfoldTime(NDArray x) {
    Shape s = x.getShape();
    long b = s.get(0), c = s.get(1) / 2, t = s.get(2), hh = s.get(3), w = s.get(4);
    return x.reshape(b, c, 2, t, hh, w).transpose(0, 1, 3, 2, 4, 5).reshape(b, c, 2 * t, hh, w);
  }
}
