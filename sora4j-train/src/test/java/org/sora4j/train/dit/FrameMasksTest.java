package org.sora4j.train.dit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class FrameMasksTest {
  /** Share of 4,000 masks of 5 latent frames that hold the first frame alone clean; every mask leaves a frame. */
  private static double firstOnlyShare(FrameMasks masks) {
    SplittableRandom rng = new SplittableRandom(1);
    int firstOnly = 0;
    int n = 4000;
    for (int i = 0; i < n; i++) {
      boolean[] mask = masks.draw(rng, 5);
      int clean = 0;
      for (boolean m : mask) {
        clean += m ? 1 : 0;
      }
      assertThat(clean).isLessThan(5);
      firstOnly += mask[0] && clean == 1 ? 1 : 0;
    }
    return (double) firstOnly / n;
  }

  @Test
  void masksAlwaysLeaveAFrameToGenerateAndAnImageHasNone() {
    // the base mix's fifth, plus first-k masks with k = 1 and random masks that keep only the first
    assertThat(firstOnlyShare(FrameMasks.MIX)).isBetween(0.2, 0.27);
    assertThat(FrameMasks.MIX.draw(new SplittableRandom(2), 1)).containsExactly(false);
  }

  @Test
  void aLargerFirstFrameShareHoldsTheFirstFrameAloneThatOften() {
    assertThat(firstOnlyShare(new FrameMasks(0.8))).isBetween(0.79, 0.85);
    assertThat(firstOnlyShare(new FrameMasks(1))).isEqualTo(1.0);
  }

  @Test
  void aShareBelowTheBaseMixsIsRefused() {
    assertThatThrownBy(() -> new FrameMasks(0.1)).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("between 0.2 (the base mix's) and 1, got 0.1");
  }
}
