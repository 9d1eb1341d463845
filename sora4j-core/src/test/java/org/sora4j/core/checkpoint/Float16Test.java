package org.sora4j.core.checkpoint;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class Float16Test {

  @Test
  void zerosKeepTheirSign() {
    assertThat(Float16.fromFloat(0f)).isEqualTo((short) 0x0000);
    assertThat(Float16.fromFloat(-0f)).isEqualTo((short) 0x8000);
    assertThat(Float.floatToRawIntBits(Float16.toFloat((short) 0x8000)))
        .isEqualTo(Float.floatToRawIntBits(-0f));
  }

  @Test
  void largestFiniteAndOverflow() {
    assertThat(Float16.fromFloat(65504f)).isEqualTo((short) 0x7bff);
    assertThat(Float16.toFloat((short) 0x7bff)).isEqualTo(65504f);
    // below the midpoint to the next (unrepresentable) step stays finite, the midpoint ties to even: inf
    assertThat(Float16.fromFloat(65519.996f)).isEqualTo((short) 0x7bff);
    assertThat(Float16.fromFloat(65520f)).isEqualTo((short) 0x7c00);
    assertThat(Float16.fromFloat(-1e9f)).isEqualTo((short) 0xfc00);
  }

  @Test
  void infinitiesAndNan() {
    assertThat(Float16.fromFloat(Float.POSITIVE_INFINITY)).isEqualTo((short) 0x7c00);
    assertThat(Float16.fromFloat(Float.NEGATIVE_INFINITY)).isEqualTo((short) 0xfc00);
    assertThat(Float16.toFloat((short) 0x7c00)).isEqualTo(Float.POSITIVE_INFINITY);
    assertThat(Float16.toFloat((short) 0xfc00)).isEqualTo(Float.NEGATIVE_INFINITY);
    assertThat(Float.isNaN(Float16.toFloat(Float16.fromFloat(Float.NaN)))).isTrue();
    // a NaN whose payload lies only in the bits half precision drops must not become infinity
    float lowPayloadNan = Float.intBitsToFloat(0x7f80_0001);
    assertThat(Float.isNaN(Float16.toFloat(Float16.fromFloat(lowPayloadNan)))).isTrue();
  }

  @Test
  void subnormals() {
    float smallest = 0x1p-24f;
    assertThat(Float16.fromFloat(smallest)).isEqualTo((short) 0x0001);
    assertThat(Float16.toFloat((short) 0x0001)).isEqualTo(smallest);
    assertThat(Float16.toFloat((short) 0x03ff)).isEqualTo(1023 * 0x1p-24f);
    assertThat(Float16.fromFloat(0x1p-14f)).isEqualTo((short) 0x0400); // smallest normal
    // half of the smallest subnormal ties to even (zero); just above it rounds up
    assertThat(Float16.fromFloat(0x1p-25f)).isEqualTo((short) 0);
    assertThat(Float16.fromFloat(Math.nextUp(0x1p-25f))).isEqualTo((short) 1);
    assertThat(Float16.fromFloat(-0x1p-26f)).isEqualTo((short) 0x8000);
    // 1.5 and 2.5 units tie to the even neighbours 2 and 2
    assertThat(Float16.fromFloat(1.5f * smallest)).isEqualTo((short) 2);
    assertThat(Float16.fromFloat(2.5f * smallest)).isEqualTo((short) 2);
    // the largest subnormal rounds up into the smallest normal
    assertThat(Float16.fromFloat(1023.5f * smallest)).isEqualTo((short) 0x0400);
    // float subnormals are far below half precision's range
    assertThat(Float16.fromFloat(Float.MIN_VALUE)).isEqualTo((short) 0);
  }

  @Test
  void roundsNormalsToNearestEven() {
    float ulp = 0x1p-10f; // spacing of halves in [1, 2)
    assertThat(Float16.toFloat(Float16.fromFloat(1f + ulp / 2))).isEqualTo(1f); // tie -> even
    assertThat(Float16.toFloat(Float16.fromFloat(1f + 3 * ulp / 2))).isEqualTo(1f + 2 * ulp);
    assertThat(Float16.toFloat(Float16.fromFloat(Math.nextUp(1f + ulp / 2)))).isEqualTo(1f + ulp);
    assertThat(Float16.toFloat(Float16.fromFloat(1f + 0.49f * ulp))).isEqualTo(1f);
    // the carry out of the mantissa moves to the next binade
    assertThat(Float16.toFloat(Float16.fromFloat(2f - ulp / 4))).isEqualTo(2f);
  }

  @Test
  void everyHalfSurvivesARoundTrip() {
    for (int bits = 0; bits <= 0xffff; bits++) {
      short half = (short) bits;
      float value = Float16.toFloat(half);
      if (Float.isNaN(value)) {
        assertThat((bits & 0x7c00) == 0x7c00 && (bits & 0x3ff) != 0).isTrue();
      } else {
        assertThat(Float16.fromFloat(value)).as("half 0x%04x", bits).isEqualTo(half);
      }
    }
  }

  @Test
  void randomFloatsGoToTheNearestHalf() {
    SplittableRandom random = new SplittableRandom(3);
    for (int i = 0; i < 200_000; i++) {
      // uniform over bit patterns in and around the half range, both signs
      float value = Float.intBitsToFloat(random.nextInt(0x3000_0000, 0x4780_0000)) * (random.nextBoolean() ? 1 : -1);
      short half = Float16.fromFloat(value);
      if (Math.abs(value) >= 65520f) {
        assertThat(half & 0x7fff).as("%s overflows", value).isEqualTo(0x7c00);
        continue;
      }
      double error = Math.abs(Float16.toFloat(half) - (double) value);
      for (int step : new int[] {-1, 1}) {
        int neighbour = (half & 0x7fff) + step;
        if (neighbour < 0 || neighbour > 0x7bff) {
          continue;
        }
        double other = Math.abs(Float16.toFloat((short) ((half & 0x8000) | neighbour)) - (double) value);
        assertThat(error).as("%s -> 0x%04x", value, half).isLessThanOrEqualTo(other);
        if (error == other) {
          assertThat(half & 1).as("tie of %s goes to even", value).isZero();
        }
      }
    }
  }
}
