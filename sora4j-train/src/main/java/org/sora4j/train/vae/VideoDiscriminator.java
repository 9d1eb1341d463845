package org.sora4j.train.vae;

import ai.djl.ndarray.NDArray;
import ai.djl.nn.Activation;
import org.sora4j.core.nn.CausalConv3d;
import org.sora4j.core.nn.Layer;

/**
 * A spacetime patch discriminator: a few strided 3D convolutions that score every patch of a
 * clip (about 30 pixels and 8 frames of it) as real or decoded. It sees several frames at once,
 * so a ball smeared over a latent step's four frames, or one that stands still and then jumps,
 * looks fake to it where a per-pixel L1 loss settles for the blur.
 */
public final class VideoDiscriminator extends Layer {
  private static final float SLOPE = 0.2f;

  private final CausalConv3d in;
  private final CausalConv3d down1;
  private final CausalConv3d down2;
  private final CausalConv3d out;

  /** @param width channels of the first layer; each later layer doubles them */
  public VideoDiscriminator(int width) {
    in = addChildBlock("in", new CausalConv3d(3, width, 3, 3, 1, 2));
    down1 = addChildBlock("down1", new CausalConv3d(width, 2 * width, 3, 3, 2, 2));
    down2 = addChildBlock("down2", new CausalConv3d(2 * width, 4 * width, 3, 3, 2, 2));
    out = addChildBlock("out", CausalConv3d.of(4 * width, 1, 3));
  }

  /**
   * @param x clips (B, 3, T, H, W) in [-1, 1], H and W multiples of 8
   * @return one logit per patch, (B, 1, T', H / 8, W / 8): positive means real
   */
  public NDArray forward(NDArray x) {
    NDArray h = Activation.leakyRelu(in.forward(x, null), SLOPE);
    h = Activation.leakyRelu(down1.forward(h, null), SLOPE);
    h = Activation.leakyRelu(down2.forward(h, null), SLOPE);
    return out.forward(h, null);
  }
}
