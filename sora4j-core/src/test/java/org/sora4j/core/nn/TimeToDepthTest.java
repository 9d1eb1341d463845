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
      NDArray folded = TimeToDepth.fold(x, 4, true);
      assertThat(folded.getShape()).isEqualTo(new Shape(2, 12, 3, 4, 6));
      // the first group is the first frame four times: frame j of a group is channels j, 4+j, 8+j
      for (int j = 0; j < 4; j++) {
        assertThat(folded.get(":, " + j + ", 0").contentEquals(x.get(":, 0, 0"))).isTrue();
      }
      // the second group holds frames 1..4 in order
      assertThat(folded.get(":, 2, 1").contentEquals(x.get(":, 0, 3"))).isTrue();
      assertThat(folded.get(":, 7, 2").contentEquals(x.get(":, 1, 8"))).isTrue();
      assertThat(TimeToDepth.unfold(folded, 4, true).contentEquals(x)).isTrue();
    }
  }

  @Test
  void aLaterChunkFoldsWithoutPaddingAndUnfoldsWhole() {
    try (NDManager m = NDManager.newBaseManager()) {
      NDArray x = m.randomUniform(-1, 1, new Shape(1, 3, 8, 2, 2));
      NDArray folded = TimeToDepth.fold(x, 4, false);
      assertThat(folded.getShape()).isEqualTo(new Shape(1, 12, 2, 2, 2));
      assertThat(folded.get(":, 0, 0").contentEquals(x.get(":, 0, 0"))).isTrue();
      assertThat(TimeToDepth.unfold(folded, 4, false).contentEquals(x)).isTrue();
    }
  }

  @Test
  void rejectsFrameCountsThatDoNotFold() {
    try (NDManager m = NDManager.newBaseManager()) {
      assertThatThrownBy(() -> TimeToDepth.fold(m.zeros(new Shape(1, 3, 6, 2, 2)), 4, true))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("6 frames do not fold in runs of 4");
      // 5 frames start a video but cannot continue one
      assertThatThrownBy(() -> TimeToDepth.fold(m.zeros(new Shape(1, 3, 5, 2, 2)), 4, false))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("a later chunk k*4");
    }
  }
}
