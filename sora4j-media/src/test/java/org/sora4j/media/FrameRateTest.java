package org.sora4j.media;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Frame rates as the rationals containers store. */
class FrameRateTest {
  @ParameterizedTest
  @CsvSource({
    "24, 24, 1",
    "8, 8, 1",
    "29.97, 30000, 1001",
    "23.976, 24000, 1001",
    "59.94, 60000, 1001",
    "12.5, 25, 2",
    "0.5, 1, 2",
    "15.123, 15123, 1000"
  })
  void nearestRational(double fps, int num, int den) {
    assertThat(FrameRate.of(fps)).isEqualTo(new FrameRate(num, den));
  }

  @ParameterizedTest
  @ValueSource(doubles = {0, -1, 1001, Double.NaN, Double.POSITIVE_INFINITY})
  void ratesContainersCannotStoreAreRefused(double fps) {
    assertThatThrownBy(() -> FrameRate.of(fps))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("fps");
  }

  @Test
  void valueIsNumOverDen() {
    assertThat(new FrameRate(30000, 1001).toDouble()).isEqualTo(30000 / 1001.0);
  }
}
