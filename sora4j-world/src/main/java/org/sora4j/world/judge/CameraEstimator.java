package org.sora4j.world.judge;

import java.util.Arrays;
import java.util.List;
import org.sora4j.world.scene.WorldLayout;

/**
 * Estimates pan and zoom from the background: each frame is aligned to the first by the shift and
 * scale about the frame centre that best match background pixels with texture (object pixels left
 * out), searched near the previous frame's answer. The absolute zoom comes from where the floor
 * line sits. Alignment to the first frame, not to the previous one, keeps errors from adding up.
 */
final class CameraEstimator {
  /** A pixel needs this much local contrast (8-bit levels) to say anything about alignment. */
  private static final float MIN_GRADIENT = 3;
  /** A pair of frames needs this many comparable pixels to be compared at all. */
  private static final int MIN_PIXELS = 12;
  private static final int MAX_SAMPLE = 250;
  /** Below this share of textured pixels landing inside the first frame, a match costs extra. */
  private static final double MIN_OVERLAP = 0.35;

  private final Pixels px;
  private final List<boolean[]> objects;
  private final Look look;
  private final int width;
  private final int height;
  private final float[][] gray;
  private final float[] vignette;
  private final double noise;
  private final float minGradient;

  /**
   * @param noise per-pixel noise (standard deviation per channel), so grain is neither texture nor
   *     background change
   */
  CameraEstimator(Pixels px, List<boolean[]> objects, Look look, double noise) {
    this.px = px;
    this.objects = objects;
    this.look = look;
    this.width = px.width();
    this.height = px.height();
    vignette = look.vignetteMap(width, height);
    this.noise = Math.min(noise, Judge.MAX_GRAIN);
    gray = new float[px.count()][];
    for (int f = 0; f < px.count(); f++) {
      float[] rgb = px.frames().get(f);
      float[] g = new float[width * height];
      for (int i = 0; i < g.length; i++) {
        // the vignette stays put while the scene slides under it: undo it before comparing
        g[i] = (rgb[3 * i] + rgb[3 * i + 1] + rgb[3 * i + 2]) / (3 * vignette[i]);
      }
      gray[f] = noise > 1 ? smooth(g) : g;
    }
    // gray averages three channels and smoothing nine pixels: grain left is about noise / 5
    minGradient = (float) Math.max(MIN_GRADIENT, 3 * noise / 5);
  }

  CameraPath estimate() {
    int n = px.count();
    double[] d = new double[n];
    double[] k = new double[n];
    k[0] = 1;
    boolean[] matched = new boolean[Math.max(0, n - 1)];
    double maxStep = WorldLayout.PAN_DISTANCE * WorldLayout.ZOOM_FACTOR * height / Math.max(1, n - 1);
    int reach = (int) Math.ceil(1.5 * maxStep) + 2;
    for (int f = 1; f < n; f++) {
      double pd = f >= 2 ? 2 * d[f - 1] - d[f - 2] : 0;
      double pk = f >= 2 ? k[f - 1] * k[f - 1] / k[f - 2] : 1;
      // after two frames the camera's own motion predicts the next shift well
      double[] best = f >= 2 ? align(f, pd, pd, pk, 2) : align(f, d[f - 1], pd, pk, reach);
      d[f] = best[0];
      k[f] = best[1];
    }
    double z0 = firstZoom(k);
    double[] offsets = new double[n];
    double[] zooms = new double[n];
    double[] changes = new double[Math.max(0, n - 1)];
    for (int f = 0; f < n; f++) {
      offsets[f] = d[f] / (height * z0);
      zooms[f] = z0 / k[f];
    }
    for (int f = 1; f < n; f++) {
      double c = change(f, d, k);
      matched[f - 1] = !Double.isNaN(c);
      // two independent noisy samples differ by about 1.1 sigma on average: that is no change
      changes[f - 1] = Double.isNaN(c) ? 0 : Math.max(0, c - 1.1 * noise);
    }
    return new CameraPath(offsets, zooms, changes, matched);
  }

  /**
   * The (shift, scale) mapping frame f onto frame 0: a scan of whole-pixel shifts within a camera
   * step of the previous frame's, then a pattern search from the best, starting from the predicted
   * answer when that is as good.
   */
  private double[] align(int f, double previous, double pd, double pk, int reach) {
    int[] sample = texturedPixels(f);
    List<double[]> tried = new java.util.ArrayList<>();
    tried.add(new double[] {cost(f, sample, pd, pk), pd, pk});
    for (int dd = -reach; dd <= reach; dd++) {
      for (double kk : new double[] {pk / 1.03, pk, pk * 1.03}) {
        double dx = Math.round(previous) + dd;
        tried.add(new double[] {cost(f, sample, dx, kk), dx, kk});
      }
    }
    double min = tried.stream().mapToDouble(t -> t[0]).min().orElseThrow();
    // where little texture is seen several shifts match about as well: keep the camera moving smoothly
    double slack = Math.max(0.25, 0.1 * min);
    double bestD = pd;
    double bestK = pk;
    double bestCost = Double.MAX_VALUE;
    double nearest = Double.MAX_VALUE;
    for (double[] t : tried) {
      double away = Math.abs(t[1] - pd) + height * Math.abs(Math.log(t[2] / pk));
      if (t[0] <= min + slack && away < nearest) {
        nearest = away;
        bestCost = t[0];
        bestD = t[1];
        bestK = t[2];
      }
    }
    double stepD = 0.5;
    double stepK = 0.012;
    for (int round = 0; round < 4; round++) {
      boolean moved = true;
      for (int guard = 0; moved && guard < 4; guard++) {
        moved = false;
        double[][] tries = {{bestD + stepD, bestK}, {bestD - stepD, bestK},
            {bestD, bestK * (1 + stepK)}, {bestD, bestK / (1 + stepK)}};
        for (double[] t : tries) {
          double c = cost(f, sample, t[0], t[1]);
          if (c < bestCost) {
            bestCost = c;
            bestD = t[0];
            bestK = t[1];
            moved = true;
          }
        }
      }
      stepD /= 2;
      stepK /= 2;
    }
    return new double[] {bestD, bestK};
  }

  /** Background pixels of frame f with enough local contrast, away from objects. */
  private int[] texturedPixels(int f) {
    float[] g = gray[f];
    boolean[] mask = objects.get(f);
    int[] out = new int[width * height];
    int n = 0;
    for (int y = 1; y < height - 1; y++) {
      for (int x = 1; x < width - 1; x++) {
        int i = y * width + x;
        if (mask[i] || mask[i - 1] || mask[i + 1] || mask[i - width] || mask[i + width]) {
          continue;
        }
        float gx = Math.abs(g[i + 1] - g[i - 1]);
        float gy = Math.abs(g[i + width] - g[i - width]);
        if (gx + gy >= minGradient) {
          out[n++] = i;
        }
      }
    }
    // a few hundred textured pixels pin the alignment down; keep every k-th of more
    int keep = Math.max(1, n / MAX_SAMPLE);
    int m = 0;
    for (int i = 0; i < n; i += keep) {
      out[m++] = out[i];
    }
    return Arrays.copyOf(out, m);
  }

  /** Mean absolute difference between frame f's sampled pixels and frame 0 at the mapped points. */
  private double cost(int f, int[] sample, double d, double k) {
    float[] g0 = gray[0];
    boolean[] mask0 = objects.get(0);
    float[] g = gray[f];
    double sum = 0;
    int n = 0;
    for (int i : sample) {
      double x = (i % width) + 0.5;
      double y = (i / width) + 0.5;
      double qx = (x - width / 2.0) * k + width / 2.0 + d - 0.5;
      double qy = (y - height / 2.0) * k + height / 2.0 - 0.5;
      if (qx < 0 || qy < 0 || qx > width - 1 || qy > height - 1) {
        continue;
      }
      int nx = (int) Math.round(qx);
      int ny = (int) Math.round(qy);
      if (mask0[ny * width + nx]) {
        continue;
      }
      sum += Math.abs(g[i] - bilinear(g0, qx, qy));
      n++;
    }
    // too little overlap cannot be trusted: cost it like a poor match
    if (n < MIN_PIXELS) {
      return 1e6 - n;
    }
    double overlap = (double) n / sample.length;
    return sum / n + Math.max(0, MIN_OVERLAP - overlap) * 100;
  }

  /** Mean absolute RGB difference of all shared background between frame f and frame f - 1, aligned. */
  private double change(int f, double[] d, double[] k) {
    float[] a = px.frames().get(f);
    float[] b = px.frames().get(f - 1);
    boolean[] ma = objects.get(f);
    boolean[] mb = objects.get(f - 1);
    double sum = 0;
    int n = 0;
    for (int y = 0; y < height; y++) {
      for (int x = 0; x < width; x++) {
        int i = y * width + x;
        if (ma[i]) {
          continue;
        }
        // pixel of frame f -> frame 0 -> frame f - 1
        double x0 = (x + 0.5 - width / 2.0) * k[f] + d[f];
        double qx = (x0 - d[f - 1]) / k[f - 1] + width / 2.0 - 0.5;
        double qy = (y + 0.5 - height / 2.0) * k[f] / k[f - 1] + height / 2.0 - 0.5;
        if (qx < 0 || qy < 0 || qx > width - 1 || qy > height - 1) {
          continue;
        }
        int j = (int) Math.round(qy) * width + (int) Math.round(qx);
        if (mb[j]) {
          continue;
        }
        double vb = vignette[j];
        double va = vignette[i];
        double diff = 0;
        for (int c = 0; c < 3; c++) {
          diff += Math.abs(a[3 * i + c] / va - bilinearChannel(b, qx, qy, c) / vb);
        }
        sum += diff / 3;
        n++;
      }
    }
    return n < MIN_PIXELS ? Double.NaN : sum / n;
  }

  /**
   * The first frame's zoom from the floor line's height in every frame (it sits at {@link
   * WorldLayout#FLOOR_Y} in the world), mapped back through the relative zooms; 1 when unclear.
   */
  private double firstZoom(double[] k) {
    float[] back = look.background()[Look.BACKDROP];
    float[] floor = look.background()[Look.FLOOR];
    double dr = floor[0] - back[0];
    double dg = floor[1] - back[1];
    double db = floor[2] - back[2];
    double len2 = dr * dr + dg * dg + db * db;
    if (len2 < 25 * 25) {
      return 1;
    }
    double[] estimates = new double[px.count()];
    int m = 0;
    double[] rowT = new double[height];
    double[] values = new double[width];
    // the median over a few frames is as good as over all of them
    int stride = Math.max(1, px.count() / 5);
    for (int f = 0; f < px.count(); f += stride) {
      float[] rgb = px.frames().get(f);
      boolean[] mask = objects.get(f);
      for (int y = 0; y < height; y++) {
        int n = 0;
        for (int x = 0; x < width; x++) {
          int i = y * width + x;
          if (mask[i]) {
            continue;
          }
          double v = vignette[i];
          if (nearTexture(rgb, i, v)) {
            continue;
          }
          double pr = rgb[3 * i] / v - back[0];
          double pg = rgb[3 * i + 1] / v - back[1];
          double pb = rgb[3 * i + 2] / v - back[2];
          double t = (pr * dr + pg * dg + pb * db) / len2;
          double er = pr - t * dr;
          double eg = pg - t * dg;
          double eb = pb - t * db;
          if (er * er + eg * eg + eb * eb < 20 * 20 && t > -0.3 && t < 1.3) {
            values[n++] = Math.max(0, Math.min(1, t));
          }
        }
        rowT[y] = n < Math.max(3, width / 8) ? Double.NaN : Fits.median(values, n);
      }
      double line = floorLine(rowT);
      if (!Double.isNaN(line)) {
        double z = (line - height / 2.0) / ((WorldLayout.FLOOR_Y - 0.5) * height);
        estimates[m++] = z * k[f];
      }
    }
    if (m == 0) {
      return 1;
    }
    double z0 = Fits.median(estimates, m);
    // snap to the unzoomed view when it is within the measurement's reach of a pixel
    return Math.abs(Math.log(z0)) < 0.04 || z0 <= 0 ? 1 : z0;
  }

  /** Whether a pixel is nearer the texture color than the backdrop and floor: a detail, not the ground. */
  private boolean nearTexture(float[] rgb, int i, double v) {
    double texture = squaredDistance(rgb, i, v, Look.TEXTURE);
    return texture < squaredDistance(rgb, i, v, Look.BACKDROP) && texture < squaredDistance(rgb, i, v, Look.FLOOR);
  }

  private double squaredDistance(float[] rgb, int i, double v, int color) {
    float[] c = look.background()[color];
    double dr = rgb[3 * i] / v - c[0];
    double dg = rgb[3 * i + 1] / v - c[1];
    double db = rgb[3 * i + 2] / v - c[2];
    return dr * dr + dg * dg + db * db;
  }

  /**
   * The floor line in pixels from the top, or NaN if not seen: the top of the run of floor rows
   * (or rows matching neither color, like tile lines) that reaches the bottom, less the floor share
   * of the blended row just above it.
   */
  private static double floorLine(double[] rowT) {
    int h = rowT.length;
    int top = -1;
    for (int y = h - 1; y >= 0; y--) {
      if (Double.isNaN(rowT[y])) {
        continue;
      }
      if (rowT[y] < 0.9) {
        break;
      }
      top = y;
    }
    if (top <= 0) {
      return Double.NaN;
    }
    double above = rowT[top - 1];
    return Double.isNaN(above) ? top : top - above;
  }

  /** A 3x3 box blur, edges clamped. */
  private float[] smooth(float[] g) {
    float[] out = new float[g.length];
    for (int y = 0; y < height; y++) {
      for (int x = 0; x < width; x++) {
        float s = 0;
        for (int dy = -1; dy <= 1; dy++) {
          int yy = Math.min(height - 1, Math.max(0, y + dy));
          for (int dx = -1; dx <= 1; dx++) {
            s += g[yy * width + Math.min(width - 1, Math.max(0, x + dx))];
          }
        }
        out[y * width + x] = s / 9;
      }
    }
    return out;
  }

  private float bilinear(float[] g, double x, double y) {
    int x0 = (int) x;
    int y0 = (int) y;
    int x1 = Math.min(x0 + 1, width - 1);
    int y1 = Math.min(y0 + 1, height - 1);
    double fx = x - x0;
    double fy = y - y0;
    double top = g[y0 * width + x0] * (1 - fx) + g[y0 * width + x1] * fx;
    double bottom = g[y1 * width + x0] * (1 - fx) + g[y1 * width + x1] * fx;
    return (float) (top * (1 - fy) + bottom * fy);
  }

  private double bilinearChannel(float[] rgb, double x, double y, int c) {
    int x0 = (int) x;
    int y0 = (int) y;
    int x1 = Math.min(x0 + 1, width - 1);
    int y1 = Math.min(y0 + 1, height - 1);
    double fx = x - x0;
    double fy = y - y0;
    double top = rgb[3 * (y0 * width + x0) + c] * (1 - fx) + rgb[3 * (y0 * width + x1) + c] * fx;
    double bottom = rgb[3 * (y1 * width + x0) + c] * (1 - fx) + rgb[3 * (y1 * width + x1) + c] * fx;
    return top * (1 - fy) + bottom * fy;
  }
}
