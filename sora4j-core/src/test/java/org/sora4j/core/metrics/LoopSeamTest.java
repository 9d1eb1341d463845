package org.sora4j.core.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.sora4j.core.video.Video;

class LoopSeamTest {
  /** A 4x4 grey video whose frames take the given brightness values. */
  private static Video grey(int... levels) {
    List<byte[]> frames = new ArrayList<>();
    for (int level : levels) {
      byte[] frame = new byte[4 * 4 * 3];
      Arrays.fill(frame, (byte) level);
      frames.add(frame);
    }
    return Video.of(4, 4, 8, frames);
  }

  @Test
  void aCycleClosesAndARampJumps() {
    LoopSeam cycle = LoopSeam.of(grey(0, 10, 20, 30, 20, 10));
    assertThat(cycle.seam()).isCloseTo(10, within(1e-9));
    assertThat(cycle.medianStep()).isCloseTo(10, within(1e-9));
    assertThat(cycle.ratio()).isCloseTo(1, within(1e-9));
    assertThat(cycle.closes()).isTrue();

    LoopSeam ramp = LoopSeam.of(grey(0, 10, 20, 30, 40, 200));
    assertThat(ramp.seam()).isCloseTo(200, within(1e-9));
    assertThat(ramp.medianStep()).isCloseTo(10, within(1e-9));
    assertThat(ramp.largestStep()).isCloseTo(160, within(1e-9));
    assertThat(ramp.ratio()).isCloseTo(20, within(1e-9));
    assertThat(ramp.closes()).isFalse();
  }

  @Test
  void aStillVideoLoopsAndOneFrameIsRefused() {
    assertThat(LoopSeam.of(grey(7, 7, 7)).ratio()).isEqualTo(1);
    assertThat(LoopSeam.of(grey(7, 7, 7, 9)).ratio()).isInfinite();
    assertThatThrownBy(() -> LoopSeam.of(grey(7))).hasMessageContaining("at least 2 frames");
  }
}
