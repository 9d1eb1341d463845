package org.sora4j.core.nn;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Parameter;
import ai.djl.nn.convolutional.Conv3d;
import ai.djl.training.initializer.ConstantInitializer;
import ai.djl.training.initializer.NormalInitializer;

/**
 * A 3D convolution that is causal in time: output frame t sees input frames up to t only. The
 * video's first frame is repeated to the left as padding, so the first frame is processed as if
 * it were a still image; space is zero-padded to keep its size (before striding).
 *
 * <p>With a {@link CausalCache}, the left padding of every chunk after the first comes from the
 * previous chunk's last {@code kernelT - strideT} frames, which makes chunked and whole processing
 * agree when each later chunk's length is a multiple of {@code strideT}.
 */
public final class CausalConv3d extends Layer {
  /**
   * PyTorch 2.7.1's CPU convolution (oneDNN) computes wrong, run-to-run varying input gradients
   * with more than one thread when the output channels are not a multiple of 16 (3, 8, 12 and 24
   * all fail; 16 and 32 are right), so such a convolution runs with zero filters added and their
   * outputs dropped. CausalConv3dTest checks the gradient against the forward pass.
   */
  private static final int FILTER_MULTIPLE = 16;

  private final int kernelT;
  private final int kernelS;
  private final int strideT;
  private final int strideS;
  private final Parameter weight;
  private final Parameter bias;

  /**
   * @param in input channels
   * @param out output channels
   * @param kernelT temporal kernel size (1 = per frame)
   * @param kernelS spatial kernel size (odd)
   * @param strideT temporal stride
   * @param strideS spatial stride
   */
  public CausalConv3d(int in, int out, int kernelT, int kernelS, int strideT, int strideS) {
    this.kernelT = kernelT;
    this.kernelS = kernelS;
    this.strideT = strideT;
    this.strideS = strideS;
    double fanIn = (double) in * kernelT * kernelS * kernelS;
    weight = param("weight", new Shape(out, in, kernelT, kernelS, kernelS),
        new NormalInitializer((float) Math.sqrt(1.0 / fanIn)));
    bias = param("bias", new Shape(out), new ConstantInitializer(0f));
  }

  /** A same-size causal convolution with a cubic kernel. */
  public static CausalConv3d of(int in, int out, int kernel) {
    return new CausalConv3d(in, out, kernel, kernel, 1, 1);
  }

  /** The filters, (out, in, kernelT, kernelS, kernelS). */
  public Parameter weight() {
    return weight;
  }

  /** The biases, (out). */
  public Parameter bias() {
    return bias;
  }

  /** Sets every weight and bias to zero, so a residual branch ending here starts as identity. */
  public void zeroInit() {
    weight.setInitializer(new ConstantInitializer(0f));
  }

  /**
   * @param x input (B, C, T, H, W)
   * @param cache chunk state, or null to treat {@code x} as a whole video
   * @return (B, C', T', H', W') with T' = (T - 1) / strideT + 1 for a first chunk
   */
  public NDArray forward(NDArray x, CausalCache cache) {
    NDArray padded = x;
    int pad = kernelT - 1;
    if (pad > 0) {
      NDArray left = cache == null ? null : cache.get(this);
      if (left == null) {
        left = x.get(":, :, 0:1").repeat(2, pad);
      }
      padded = NDArrays.concat(new NDList(left, x), 2);
    }
    if (cache != null && kernelT > strideT) {
      long t = padded.getShape().get(2);
      cache.put(this, padded.get(":, :, " + (t - (kernelT - strideT)) + ":").duplicate());
    }
    int ps = kernelS / 2;
    NDArray w = weight.getArray();
    NDArray b = bias.getArray();
    long out = w.getShape().get(0);
    long extra = (FILTER_MULTIPLE - out % FILTER_MULTIPLE) % FILTER_MULTIPLE;
    if (extra > 0) {
      Shape filter = w.getShape().slice(1);
      w = NDArrays.concat(new NDList(w, x.getManager().zeros(new Shape(extra).addAll(filter))), 0);
      b = NDArrays.concat(new NDList(b, x.getManager().zeros(new Shape(extra))), 0);
    }
    NDArray y = Conv3d.conv3d(padded, w, b, new Shape(strideT, strideS, strideS), new Shape(0, ps, ps))
        .singletonOrThrow();
    return extra > 0 ? y.get(":, 0:" + out) : y;
  }
}
