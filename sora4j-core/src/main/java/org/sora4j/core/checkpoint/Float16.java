package org.sora4j.core.checkpoint;

/**
 * IEEE 754 binary16 conversion. Hand-written because {@code Float.floatToFloat16} and
 * {@code Float.float16ToFloat} exist only from Java 20 and sora4j targets Java 17.
 */
public final class Float16 {
  private Float16() {}

  /**
   * The half-precision bits nearest to {@code value}, ties to even; values beyond the half range
   * become infinity, values below half the smallest subnormal become zero (keeping the sign), and
   * NaN stays a quiet NaN.
   */
  public static short fromFloat(float value) {
    int bits = Float.floatToRawIntBits(value);
    int sign = (bits >>> 16) & 0x8000;
    int exponent = (bits >>> 23) & 0xff;
    int mantissa = bits & 0x7f_ffff;
    if (exponent == 0xff) {
      // keep NaN quiet and non-zero even when its payload sits only in the dropped low bits
      return (short) (sign | 0x7c00 | (mantissa == 0 ? 0 : 0x200 | (mantissa >>> 13)));
    }
    int halfExponent = exponent - 127 + 15;
    if (halfExponent >= 0x1f) {
      return (short) (sign | 0x7c00);
    }
    if (halfExponent <= 0) {
      // subnormal result: count in units of 2^-24 from the full 24-bit significand
      int shift = 14 - halfExponent;
      if (shift > 24) {
        return (short) sign;
      }
      return (short) (sign | roundShift(mantissa | 0x80_0000, shift));
    }
    // a carry out of the mantissa correctly bumps the exponent, up to infinity (0x7c00)
    return (short) (sign | roundShift((halfExponent << 23) | mantissa, 13));
  }

  /** The float value of half-precision bits (exact: every half is a float). */
  public static float toFloat(short half) {
    int sign = (half & 0x8000) << 16;
    int exponent = (half >>> 10) & 0x1f;
    int mantissa = half & 0x3ff;
    if (exponent == 0x1f) {
      return Float.intBitsToFloat(sign | 0x7f80_0000 | (mantissa << 13));
    }
    if (exponent == 0) {
      float magnitude = mantissa * 0x1p-24f;
      return sign == 0 ? magnitude : -magnitude;
    }
    return Float.intBitsToFloat(sign | ((exponent - 15 + 127) << 23) | (mantissa << 13));
  }

  /** {@code value >> shift} rounded to nearest, ties to even. */
  private static int roundShift(int value, int shift) {
    int kept = value >>> shift;
    int dropped = value & ((1 << shift) - 1);
    int half = 1 << (shift - 1);
    if (dropped > half || (dropped == half && (kept & 1) == 1)) {
      kept++;
    }
    return kept;
  }
}
