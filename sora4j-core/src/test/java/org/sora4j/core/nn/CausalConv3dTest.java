package org.sora4j.core.nn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.GradientCollector;
import ai.djl.training.initializer.NormalInitializer;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class CausalConv3dTest {
  /**
   * The convolution is affine in its input, so for L(x) = sum(conv(x) * y) the gradient satisfies
   * grad(x) . d = L(d) - L(0) for any direction d. The backward pass is checked against the
   * forward pass, for output channel counts where PyTorch's own backward goes wrong on threads.
   */
  @ParameterizedTest
  @ValueSource(ints = {3, 12, 16, 24})
  void inputGradientAgreesWithTheForwardPass(int outChannels) {
    try (NDManager manager = NDManager.newBaseManager()) {
      Engine.getInstance().setRandomSeed(11);
      CausalConv3d conv = new CausalConv3d(8, outChannels, 3, 3, 1, 1);
      conv.setInitializer(new NormalInitializer(0.1f), p -> true);
      conv.initialize(manager);
      NDArray x = manager.randomNormal(new Shape(2, 8, 5, 16, 16));
      NDArray y = manager.randomNormal(new Shape(2, outChannels, 5, 16, 16));
      NDArray d = manager.randomNormal(x.getShape());
      x.setRequiresGradient(true);
      try (GradientCollector gc = Engine.getInstance().newGradientCollector()) {
        gc.backward(conv.forward(x, null).mul(y).sum());
      }
      double viaBackward = x.getGradient().mul(d).sum().getFloat();
      double viaForward = conv.forward(d, null).mul(y).sum().getFloat()
          - conv.forward(manager.zeros(x.getShape()), null).mul(y).sum().getFloat();
      assertThat(viaBackward).isCloseTo(viaForward, within(1e-3 * Math.abs(viaForward) + 1e-2));
    }
  }
}
