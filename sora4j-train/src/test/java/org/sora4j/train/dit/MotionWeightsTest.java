package org.sora4j.train.dit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.Shape;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.sora4j.core.video.FrameSize;

class MotionWeightsTest {
  @Test
  void whatMovesWeighsMoreAndStillPositionsOne() {
    try (NDManager m = NDManager.newBaseManager()) {
      NDArray x0 = m.zeros(new Shape(1, 2, 4, 4, 4));
      x0.set(new NDIndex(":, :, 1, 2, 2"), 1f); // an object shows at one position in latent frame 1 only
      x0.set(new NDIndex(":, :, :, 0, 0"), 0.05f); // a still position with a constant value
      x0.set(new NDIndex(":, :, 3, 1, 1"), 0.05f); // jitter below the threshold
      NDArray w = MotionWeights.of(x0, 4);
      assertThat(w.getShape()).isEqualTo(new Shape(1, 1, 4, 4, 4));
      for (int f = 0; f < 3; f++) {
        assertThat(w.getFloat(0, 0, f, 2, 2)).as("frame %d, beside the change", f).isCloseTo(5f, within(1e-5f));
      }
      assertThat(w.getFloat(0, 0, 3, 2, 2)).as("frame 3, after the object has gone and stayed gone").isEqualTo(1f);
      assertThat(w.getFloat(0, 0, 3, 1, 1)).isEqualTo(1f);
      assertThat(w.getFloat(0, 0, 1, 0, 0)).isEqualTo(1f);
      assertThat(w.sum().getFloat()).as("three positions moving, 61 still").isCloseTo(61 + 3 * 5f, within(1e-3f));
    }
  }

  @Test
  void aModerateChangeRampsBetweenOneAndFull() {
    try (NDManager m = NDManager.newBaseManager()) {
      NDArray x0 = m.zeros(new Shape(1, 1, 2, 1, 1));
      x0.set(new NDIndex(":, :, 1"), (float) (MotionWeights.STILL + MotionWeights.RAMP / 2));
      assertThat(MotionWeights.of(x0, 2).getFloat(0, 0, 0, 0, 0)).isCloseTo(2f, within(1e-5f));
    }
  }

  @Test
  void anImageOrZeroStrengthWeighsAllAlike() {
    try (NDManager m = NDManager.newBaseManager()) {
      NDArray image = m.randomNormal(new Shape(2, 3, 1, 4, 4));
      assertThat(MotionWeights.of(image, 4).getShape()).isEqualTo(new Shape(2, 1, 1, 4, 4));
      assertThat(MotionWeights.of(image, 4).sum().getFloat()).isEqualTo(32f);
      NDArray clip = m.randomNormal(new Shape(1, 3, 3, 4, 4)).mul(3);
      assertThat(MotionWeights.of(clip, 0).sum().getFloat()).isEqualTo(48f);
    }
  }

  @Test
  void aNegativeMotionWeightIsRefused() {
    List<Bucket> buckets = List.of(new Bucket(new FrameSize(64, 64), 5, 1));
    assertThatThrownBy(() -> new DitTrainOptions(Path.of("out"), Path.of("vae"), null, 10, new BatchSize.Clips(2), false,
        0, 1e-3, 1, 4, buckets, 0.1, 0.9, 5, 0, true, null, 0, 0, -1, false, FrameMasks.MIX))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("--motion-weight must be 0 or more");
  }
}
