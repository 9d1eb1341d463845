package org.sora4j.core.optim;

import static org.assertj.core.api.Assertions.assertThat;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.GradientCollector;
import org.junit.jupiter.api.Test;
import org.sora4j.core.nn.Linear;

class AdamWTest {

  @Test
  void stepsDownhillClearsGradientsAndSkipsNonFiniteOnes() {
    try (NDManager manager = NDManager.newBaseManager()) {
      Linear layer = new Linear(3, 1);
      layer.initialize(manager);
      // Start from zero so one step of size 0.1 (output moves by 0.7) cannot overshoot the target 5,
      // as it could from a random start within 0.35 of it.
      layer.getParameters().forEach(p -> p.getValue().getArray().muli(0));
      AdamW optimizer = new AdamW(manager, 0.9, 0.99, 1e-8, 0.0);
      NDArray x = manager.create(new float[] {1, 2, 3}, new Shape(1, 3));
      float before = loss(layer, x, optimizer, 1f);
      assertThat(optimizer.step()).isEqualTo(1);
      for (var p : layer.getParameters()) {
        assertThat(p.getValue().getArray().getGradient().abs().sum().getFloat()).isZero();
      }
      float after = loss(layer, x, optimizer, 1f);
      assertThat(after).isLessThan(before);

      NDArray weights = layer.getParameters().get(0).getValue().getArray().duplicate();
      double norm = lossNorm(layer, x, optimizer, Float.NaN);
      assertThat(norm).isNaN();
      assertThat(optimizer.step()).isEqualTo(2);
      assertThat(layer.getParameters().get(0).getValue().getArray().contentEquals(weights)).isTrue();
      assertThat(loss(layer, x, optimizer, 1f)).isFinite();
    }
  }

  private static float loss(Linear layer, NDArray x, AdamW optimizer, float scale) {
    float[] value = new float[1];
    lossNorm(layer, x, optimizer, scale, value);
    return value[0];
  }

  private static double lossNorm(Linear layer, NDArray x, AdamW optimizer, float scale) {
    return lossNorm(layer, x, optimizer, scale, new float[1]);
  }

  private static double lossNorm(Linear layer, NDArray x, AdamW optimizer, float scale, float[] value) {
    NDArray loss;
    try (GradientCollector gc = Engine.getInstance().newGradientCollector()) {
      loss = layer.forward(x).sub(5).square().sum().mul(scale);
      gc.backward(loss);
    }
    value[0] = loss.getFloat();
    return optimizer.update(layer.getParameters(), 0.1, 1.0);
  }
}
