package org.sora4j.core.nn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import org.junit.jupiter.api.Test;

class TimeToDepthTest {

  @Test
  void aVideoFoldsWithItsFirstFrameAloneAndUnfoldsBack() {
    try (NDManager m = NDManager.newBaseManager()) {
      NDArray x = m.randomUniform(-1, 1, new Shape(2, 3, 9, 4, 6));
      NDArray folded = TimeToDepth.fold(x, 4);
      assertThat(folded.getShape()).isEqualTo(new Shape(2, 12, 3, 4, 6));
      // the first group is the first frame four times: all in the mean component (channel 4c), scaled by 2
      assertThat(maxDiff(folded.get(":, 4, 0"), x.get(":, 1, 0").mul(2))).isLessThan(1e-5f);
      for (int k = 1; k < 4; k++) {
        assertThat(folded.get(":, " + (4 + k) + ", 0").abs().max().getFloat()).isLessThan(1e-5f);
      }
      // the second group holds frames 1..4: component 1 alternates signs (f1 - f2 + f3 - f4) / 2
      NDArray expected = x.get(":, 2, 1").sub(x.get(":, 2, 2")).add(x.get(":, 2, 3")).sub(x.get(":, 2, 4")).div(2);
      assertThat(maxDiff(folded.get(":, 9, 1"), expected)).isLessThan(1e-5f);
      assertThat(maxDiff(TimeToDepth.unfold(folded, 4, true), x)).isLessThan(1e-5f);
    }
  }

  @Test
  void aLaterChunkFoldsWithoutPaddingAndUnfoldsWhole() {
    try (NDManager m = NDManager.newBaseManager()) {
      NDArray x = m.randomUniform(-1, 1, new Shape(1, 3, 8, 2, 2));
      NDArray folded = TimeToDepth.fold(x, 4);
      assertThat(folded.getShape()).isEqualTo(new Shape(1, 12, 2, 2, 2));
      NDArray mean = x.get(":, 0, 0:4").sum(new int[] {1}).div(2);
      assertThat(maxDiff(folded.get(":, 0, 0"), mean)).isLessThan(1e-5f);
      assertThat(maxDiff(TimeToDepth.unfold(folded, 4, false), x)).isLessThan(1e-5f);
    }
  }

  @Test
  void theTransformIsOrthonormal() {
    float[] h = TimeToDepth.hadamard(4);
    for (int i = 0; i < 4; i++) {
      for (int j = 0; j < 4; j++) {
        float dot = 0;
        for (int k = 0; k < 4; k++) {
          dot += h[i * 4 + k] * h[j * 4 + k];
        }
        assertThat(dot).isCloseTo(i == j ? 1f : 0f, org.assertj.core.data.Offset.offset(1e-6f));
      }
    }
  }

  @Test
  void rejectsFrameCountsThatDoNotFold() {
    try (NDManager m = NDManager.newBaseManager()) {
      assertThatThrownBy(() -> TimeToDepth.fold(m.zeros(new Shape(1, 3, 6, 2, 2)), 4))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("6 frames do not fold in runs of 4");
    }
  }

  private static float maxDiff(NDArray a, NDArray b) {
    return a.sub(b).abs().max().getFloat();
  }
}
