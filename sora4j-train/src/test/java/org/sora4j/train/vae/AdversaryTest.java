package org.sora4j.train.vae;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.offset;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.GradientCollector;
import org.junit.jupiter.api.Test;

class AdversaryTest {
  @Test
  void theAdversarialPullIsScaledToItsWeightTimesTheReconstructionPull() {
    try (NDManager m = NDManager.newBaseManager()) {
      NDArray reconstruction = m.randomNormal(new Shape(2, 3, 5, 8, 8));
      NDArray adversarial = m.randomNormal(new Shape(2, 3, 5, 8, 8)).mul(40f);
      NDArray sum = Adversary.balance(reconstruction, adversarial, 0.25);
      NDArray added = sum.sub(reconstruction);
      assertThat(added.norm().getFloat() / reconstruction.norm().getFloat()).isCloseTo(0.25f, offset(1e-4f));
      // and in the adversarial pull's direction
      float cosine = added.mul(adversarial).sum().getFloat() / (added.norm().getFloat() * adversarial.norm().getFloat());
      assertThat(cosine).isCloseTo(1f, offset(1e-4f));
      assertThat(Adversary.balance(reconstruction, adversarial, 0).sub(reconstruction).abs().max().getFloat()).isZero();
    }
  }

  @Test
  void theWeightRampsInOverTheFirstSteps() {
    try (NDManager m = NDManager.newBaseManager()) {
      Adversary adversary = new Adversary(m, 0.5);
      assertThat(adversary.weightAt(0)).isZero();
      assertThat(adversary.weightAt(Adversary.RAMP_STEPS / 2)).isCloseTo(0.25, offset(1e-9));
      assertThat(adversary.weightAt(10L * Adversary.RAMP_STEPS)).isEqualTo(0.5);
    }
  }

  @Test
  void theDiscriminatorLearnsToTellRealFromBlurred() {
    // real: a sharp moving square; fake: the same square smeared over its whole path, as the VAE draws it
    try (NDManager m = NDManager.newBaseManager()) {
      Engine.getInstance().setRandomSeed(3);
      NDArray real = m.full(new Shape(2, 3, 9, 16, 16), -1f);
      for (int t = 0; t < 9; t++) {
        real.set(new ai.djl.ndarray.index.NDIndex(":, :, " + t + ", 4:8, " + t + ":" + (t + 4)), 1f);
      }
      NDArray smeared = real.mean(new int[] {2}, true).repeat(2, 9);
      Adversary adversary = new Adversary(m, 1.0);
      double first = adversary.train(real, smeared, 1e-3);
      double last = first;
      for (int i = 0; i < 60; i++) {
        last = adversary.train(real, smeared, 1e-3);
      }
      assertThat(first).isGreaterThan(1.5);
      assertThat(last).isLessThan(0.5);

      // its pull on the smeared clip points towards the real one
      NDArray pixels = smeared.duplicate();
      pixels.setRequiresGradient(true);
      NDArray pull;
      try (GradientCollector gc = Engine.getInstance().newGradientCollector()) {
        gc.backward(pixels.sum().mul(0f));
        pull = adversary.pull(gc, pixels, pixels.zerosLike());
      }
      // a gradient to descend: moving against it goes towards the real clip
      float towardsReal = pull.neg().mul(real.sub(smeared)).sum().getFloat();
      assertThat(towardsReal).isPositive();
    }
  }
}
