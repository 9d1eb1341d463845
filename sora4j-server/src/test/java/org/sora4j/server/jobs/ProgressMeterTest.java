package org.sora4j.server.jobs;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ProgressMeterTest {
  @Test
  void aClipCountsItsFirstFramePassAndAnImageDoesNot() {
    assertThat(ProgressMeter.passesFor(1)).isEqualTo(1);
    assertThat(ProgressMeter.passesFor(16)).isEqualTo(2);
    assertThat(ProgressMeter.passesFor(25)).isEqualTo(3);
  }

  @Test
  void twoPassesOfStepsReachHalfwayAfterTheFirstAndStopAt99() {
    int steps = 10;
    List<Integer> percents = new ArrayList<>();
    ProgressMeter meter = new ProgressMeter((long) steps * ProgressMeter.passesFor(16), percents::add);
    for (int pass = 0; pass < 2; pass++) {
      for (int step = 1; step <= steps; step++) {
        meter.accept(step);
      }
      if (pass == 0) {
        assertThat(percents.get(percents.size() - 1)).isEqualTo(50);
      }
    }
    assertThat(percents.get(percents.size() - 1)).isEqualTo(99);
    assertThat(percents).isSorted();
  }
}
