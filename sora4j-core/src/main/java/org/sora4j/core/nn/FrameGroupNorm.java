package org.sora4j.core.nn;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Parameter;
import ai.djl.training.initializer.ConstantInitializer;

/**
 * Group normalisation computed separately for every frame. Statistics over the whole clip would
 * let later frames change earlier ones and break causality; per frame they cannot.
 */
public final class FrameGroupNorm extends Layer {
  private static final float EPS = 1e-6f;
  private final int groups;
  private final Parameter gamma;
  private final Parameter beta;

  public FrameGroupNorm(int channels, int groups) {
    if (channels % groups != 0) {
      throw new IllegalArgumentException(channels + " channels do not split into " + groups + " groups");
    }
    this.groups = groups;
    gamma = param("gamma", new Shape(channels), new ConstantInitializer(1f));
    beta = param("beta", new Shape(channels), new ConstantInitializer(0f));
  }

  /** x: (B, C, T, H, W) to the same shape. */
  public NDArray forward(NDArray x) {
    Shape s = x.getShape();
    long b = s.get(0), c = s.get(1), t = s.get(2), h = s.get(3), w = s.get(4);
    NDArray g = x.reshape(b, groups, c / groups, t, h, w);
    NDArray mean = meanOverGroupAndSpace(g);
    NDArray centred = g.sub(mean);
    NDArray var = meanOverGroupAndSpace(centred.square());
    NDArray normed = centred.div(var.add(EPS).sqrt()).reshape(b, c, t, h, w);
    return normed.mul(gamma.getArray().reshape(1, c, 1, 1, 1))
        .add(beta.getArray().reshape(1, c, 1, 1, 1));
  }

  /** Mean over axes 5, 4 and 2 of (B, G, C/G, T, H, W); DJL's PyTorch mean takes one axis at a time. */
  private static NDArray meanOverGroupAndSpace(NDArray g) {
    return g.mean(new int[] {5}, true).mean(new int[] {4}, true).mean(new int[] {2}, true);
  }
}
