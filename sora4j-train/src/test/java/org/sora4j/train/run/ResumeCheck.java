package org.sora4j.train.run;

import static org.assertj.core.api.Assertions.assertThat;

import ai.djl.ndarray.NDArray;
import java.util.Map;

/**
 * Compares a resumed run's weights with a straight run's. Bitwise equality is not on offer: MKL
 * and oneDNN may sum in another order from one call to the next (alignment, threads), and Adam
 * turns a last-bit difference in a near-zero gradient into a full step. So the check is relative:
 * the two runs must differ by far less than the last steps moved the weights, which a lost
 * optimizer state, a replayed data order or a wrong step count all exceed.
 */
public final class ResumeCheck {
  private ResumeCheck() {}

  /**
   * @param straight the weights of the run trained without a stop
   * @param resumed the weights of the run stopped and resumed
   * @param before the weights a few steps earlier, giving the scale of those steps' motion
   * @return the relative difference |straight - resumed| / |straight - before|
   */
  public static double assertSameRun(Map<String, NDArray> straight, Map<String, NDArray> resumed,
      Map<String, NDArray> before) {
    assertThat(resumed.keySet()).isEqualTo(straight.keySet());
    double apart = 0;
    double moved = 0;
    for (String name : straight.keySet()) {
      NDArray a = straight.get(name);
      apart += a.sub(resumed.get(name)).square().sum().getFloat();
      moved += a.sub(before.get(name)).square().sum().getFloat();
    }
    assertThat(moved).as("the last steps changed the weights").isGreaterThan(0);
    double ratio = Math.sqrt(apart / moved);
    assertThat(ratio).as("resumed run's distance from the straight run, relative to the last steps' motion")
        .isLessThan(0.01);
    return ratio;
  }
}
