package org.sora4j.world.judge;

/** Least-squares fits of a value against time, small enough to write out (two or three unknowns). */
final class Fits {
  private Fits() {}

  /** v = a + b t: returns {a, b, rms residual}; needs two distinct times. */
  static double[] line(double[] t, double[] v) {
    int n = t.length;
    double mt = 0;
    double mv = 0;
    for (int i = 0; i < n; i++) {
      mt += t[i];
      mv += v[i];
    }
    mt /= n;
    mv /= n;
    double stt = 0;
    double stv = 0;
    for (int i = 0; i < n; i++) {
      stt += (t[i] - mt) * (t[i] - mt);
      stv += (t[i] - mt) * (v[i] - mv);
    }
    double b = stt > 0 ? stv / stt : 0;
    double a = mv - b * mt;
    return new double[] {a, b, rms(t, v, a, b, 0)};
  }

  /** v = a + b t + c t^2: returns {a, b, c, rms residual}; needs three distinct times. */
  static double[] quadratic(double[] t, double[] v) {
    int n = t.length;
    double t0 = t[0];
    double[][] m = new double[3][4];
    for (int i = 0; i < n; i++) {
      double x = t[i] - t0;
      double[] row = {1, x, x * x};
      for (int r = 0; r < 3; r++) {
        for (int c = 0; c < 3; c++) {
          m[r][c] += row[r] * row[c];
        }
        m[r][3] += row[r] * v[i];
      }
    }
    double[] s = solve3(m);
    // back from t - t0 to t
    double a = s[0] - s[1] * t0 + s[2] * t0 * t0;
    double b = s[1] - 2 * s[2] * t0;
    double c = s[2];
    return new double[] {a, b, c, rms(t, v, a, b, c)};
  }

  private static double rms(double[] t, double[] v, double a, double b, double c) {
    double sum = 0;
    for (int i = 0; i < t.length; i++) {
      double e = v[i] - (a + b * t[i] + c * t[i] * t[i]);
      sum += e * e;
    }
    return Math.sqrt(sum / t.length);
  }

  /** Gaussian elimination with partial pivoting on an augmented 3x4 matrix; zeros if singular. */
  private static double[] solve3(double[][] m) {
    for (int col = 0; col < 3; col++) {
      int pivot = col;
      for (int r = col + 1; r < 3; r++) {
        if (Math.abs(m[r][col]) > Math.abs(m[pivot][col])) {
          pivot = r;
        }
      }
      double[] tmp = m[col];
      m[col] = m[pivot];
      m[pivot] = tmp;
      if (Math.abs(m[col][col]) < 1e-12) {
        return new double[3];
      }
      for (int r = 0; r < 3; r++) {
        if (r != col) {
          double f = m[r][col] / m[col][col];
          for (int c = col; c < 4; c++) {
            m[r][c] -= f * m[col][c];
          }
        }
      }
    }
    return new double[] {m[0][3] / m[0][0], m[1][3] / m[1][1], m[2][3] / m[2][2]};
  }

  /** 0 at or below {@code lo}, rising smoothly towards 1 with scale {@code scale}. */
  static double rise(double value, double lo, double scale) {
    return 1 - Math.exp(-Math.max(0, value - lo) / scale);
  }

  /** 1 at or below {@code tolerance}, decaying with scale {@code scale} beyond. */
  static double decay(double value, double tolerance, double scale) {
    return Math.exp(-Math.max(0, value - tolerance) / scale);
  }

  static double clamp01(double v) {
    return Math.max(0, Math.min(1, v));
  }

  /** The median of the first n values. */
  static double median(double[] values, int n) {
    double[] copy = java.util.Arrays.copyOf(values, n);
    java.util.Arrays.sort(copy);
    return n % 2 == 1 ? copy[n / 2] : (copy[n / 2 - 1] + copy[n / 2]) / 2;
  }
}
