package org.sora4j.train.vae;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.offset;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.Shape;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.sora4j.core.vae.VaeConfig;

class ReconstructionLossTest {
  /** A (1, 3, 3, 8, 8) clip: a white 2x2 square moving right by 2 pixels a frame over black. */
  private static NDArray movingSquare(NDManager m) {
    float[] data = new float[3 * 3 * 8 * 8];
    Arrays.fill(data, -1f);
    for (int c = 0; c < 3; c++) {
      for (int f = 0; f < 3; f++) {
        for (int y = 3; y < 5; y++) {
          for (int x = 2 * f; x < 2 * f + 2; x++) {
            data[((c * 3 + f) * 8 + y) * 8 + x] = 1f;
          }
        }
      }
    }
    return m.create(data, new Shape(1, 3, 3, 8, 8));
  }

  @Test
  void withoutMotionWeightItIsThePlainL1() {
    try (NDManager m = NDManager.newBaseManager()) {
      NDArray x = movingSquare(m);
      NDArray y = x.add(0.5f);
      assertThat(VaeTrainer.reconstructionLoss(x, y, 0).getFloat()).isCloseTo(0.5f, offset(1e-6f));
    }
  }

  @Test
  void aUniformErrorKeepsItsScaleAndAnErrorOnTheMovingObjectWeighsMore() {
    try (NDManager m = NDManager.newBaseManager()) {
      NDArray x = movingSquare(m);
      // the weighting is normalised: an error spread evenly costs the same with or without it
      assertThat(VaeTrainer.reconstructionLoss(x, x.add(0.5f), 10).getFloat())
          .isCloseTo(0.5f, offset(1e-5f));
      // the moving square left out of the reconstruction: a small error in plain L1, a large one weighted
      NDArray background = x.zerosLike().sub(1f);
      float plain = VaeTrainer.reconstructionLoss(x, background, 0).getFloat();
      float weighted = VaeTrainer.reconstructionLoss(x, background, 10).getFloat();
      assertThat(weighted).isGreaterThan(3 * plain);
      // an error on the static background is worth less than in plain L1
      NDArray corner = x.duplicate();
      corner.set(new NDIndex(":, :, :, 7, 7"), 1f);
      assertThat(VaeTrainer.reconstructionLoss(x, corner, 10).getFloat())
          .isLessThan(VaeTrainer.reconstructionLoss(x, corner, 0).getFloat());
    }
  }

  @Test
  void theFlickerLossChargesErrorsThatChangeFromFrameToFrameOnly() {
    try (NDManager m = NDManager.newBaseManager()) {
      NDArray x = movingSquare(m);
      assertThat(VaeTrainer.flickerLoss(x, x.add(0.5f)).getFloat()).isCloseTo(0f, offset(1e-6f));
      // the same error, but in every other frame: each of the two differences is off by 0.5
      NDArray alternating = x.duplicate();
      alternating.set(new NDIndex(":, :, 1"), x.get(":, :, 1").add(0.5f));
      assertThat(VaeTrainer.flickerLoss(x, alternating).getFloat()).isCloseTo(0.5f, offset(1e-6f));
    }
  }

  @Test
  void aNegativeTemporalWeightIsRefused() {
    assertThatThrownBy(() -> new VaeTrainOptions(Path.of("out"), null, 10, 2, false, 0, 1e-3, 1, 16, 5, 0.1, 1e-6,
        -0.5, 0, 5, 0, VaeConfig.tiny(), null, false, 0, 1, 0))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("--temporal-weight");
  }

  @Test
  void aNegativeMotionWeightIsRefused() {
    assertThatThrownBy(() -> new VaeTrainOptions(Path.of("out"), null, 10, 2, false, 0, 1e-3, 1, 16, 5, 0.1, 1e-6,
        0.5, -1, 5, 0, VaeConfig.tiny(), null, false, 0, 1, 0))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("--motion-weight");
  }

  @Test
  void aNegativeAdversarialWeightIsRefused() {
    assertThatThrownBy(() -> new VaeTrainOptions(Path.of("out"), null, 10, 2, false, 0, 1e-3, 1, 16, 5, 0.1, 1e-6,
        0.5, 0, 5, 0, VaeConfig.tiny(), null, false, -0.1, 1, 0))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("--adversarial-weight");
  }

  @Test
  void noMotionWindowIsRefused() {
    assertThatThrownBy(() -> new VaeTrainOptions(Path.of("out"), null, 10, 2, false, 0, 1e-3, 1, 16, 5, 0.1, 1e-6,
        0.5, 0, 5, 0, VaeConfig.tiny(), null, false, 0, 0, 0))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("--motion-windows");
  }

  @Test
  void aNegativeLatentNoiseIsRefused() {
    assertThatThrownBy(() -> new VaeTrainOptions(Path.of("out"), null, 10, 2, false, 0, 1e-3, 1, 16, 5, 0.1, 1e-6,
        0.5, 0, 5, 0, VaeConfig.tiny(), null, false, 0, 1, -0.1))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("--latent-noise");
  }

  @Test
  void decoderOnlyNeedsATrainedEncoder() {
    assertThatThrownBy(() -> new VaeTrainOptions(Path.of("out"), null, 10, 2, false, 0, 1e-3, 1, 16, 5, 0.1, 1e-6,
        0.5, 0, 5, 0, VaeConfig.tiny(), null, true, 0, 1, 0))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("--decoder-only").hasMessageContaining("--init");
  }
}
