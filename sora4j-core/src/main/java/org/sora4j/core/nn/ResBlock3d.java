package org.sora4j.core.nn;

import ai.djl.ndarray.NDArray;

/**
 * A residual block of two causal 3D convolutions: norm, SiLU, conv, norm, SiLU, conv, plus the
 * input (through a 1x1x1 convolution when the channel count changes).
 */
public final class ResBlock3d extends Layer {
  private final FrameGroupNorm norm1;
  private final CausalConv3d conv1;
  private final FrameGroupNorm norm2;
  private final CausalConv3d conv2;
  private final CausalConv3d skip;

  public ResBlock3d(int in, int out, int kernelT, int groups) {
    norm1 = addChildBlock("norm1", new FrameGroupNorm(in, groups));
    conv1 = addChildBlock("conv1", new CausalConv3d(in, out, kernelT, 3, 1, 1));
    norm2 = addChildBlock("norm2", new FrameGroupNorm(out, groups));
    conv2 = addChildBlock("conv2", new CausalConv3d(out, out, kernelT, 3, 1, 1));
    skip = in == out ? null : addChildBlock("skip", new CausalConv3d(in, out, 1, 1, 1, 1));
  }

  /**
   * Zeroes the last convolution, so the block returns its input as it is: a block added to a
   * trained network then starts as the identity and changes nothing until training moves it.
   * Needs initialized parameters and equal input and output channels.
   */
  public void zeroResidual() {
    if (skip != null) {
      throw new IllegalStateException("a block that changes the channel count cannot be the identity");
    }
    conv2.weight().getArray().muli(0);
    conv2.bias().getArray().muli(0);
  }

  /** x: (B, C, T, H, W) to (B, C', T, H, W). */
  public NDArray forward(NDArray x, CausalCache cache) {
    NDArray h = conv1.forward(Silu.apply(norm1.forward(x)), cache);
    h = conv2.forward(Silu.apply(norm2.forward(h)), cache);
    NDArray residual = skip == null ? x : skip.forward(x, cache);
    return residual.add(h);
  }
}
