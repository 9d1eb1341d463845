package org.sora4j.world.judge;

import java.util.ArrayList;
import java.util.List;
import org.sora4j.world.scene.WorldLayout;

/**
 * Finds the objects of one frame: connected patches of one object color (8-neighbours), large
 * and solid enough to be an object rather than noise, an edge sliver or a star.
 *
 * @param blobs the objects found
 * @param objectMask pixels that belong to an object or its soft edge, kept out of background measures
 * @param wallPixels how many pixels look like the wall
 */
record FrameScan(List<Blob> blobs, boolean[] objectMask, int wallPixels) {
  /** A patch needs this share of pixels whose 4 neighbours share its color: edge slivers have none. */
  private static final double MIN_CORE_SHARE = 0.15;

  /**
   * Smallest patch kept, as a fraction of the frame height squared: a quarter of the smallest
   * object (a small triangle, 2 r^2 with r = 0.08).
   */
  static final double MIN_AREA = 0.0032;

  static FrameScan scan(int frame, float[] rgb, PixelClassifier classifier, int width, int height) {
    PixelClassifier.Labels labels = classifier.classify(rgb);
    byte[] label = labels.label();
    float[] alpha = labels.alpha();
    int n = width * height;
    int[] comp = new int[n];
    java.util.Arrays.fill(comp, -1);
    int[] queue = new int[n];
    List<int[]> kept = new ArrayList<>();
    double minArea = Math.max(4, MIN_AREA * height * height);
    int id = 0;
    for (int start = 0; start < n; start++) {
      if (label[start] < 0 || label[start] >= PixelClassifier.EDGE || comp[start] != -1) {
        continue;
      }
      byte c = label[start];
      int head = 0;
      int tail = 0;
      queue[tail++] = start;
      comp[start] = id;
      int core = 0;
      while (head < tail) {
        int i = queue[head++];
        int x = i % width;
        int y = i / width;
        if (x > 0 && x < width - 1 && y > 0 && y < height - 1 && label[i - 1] == c && label[i + 1] == c
            && label[i - width] == c && label[i + width] == c) {
          core++;
        }
        for (int dy = -1; dy <= 1; dy++) {
          for (int dx = -1; dx <= 1; dx++) {
            int xx = x + dx;
            int yy = y + dy;
            if (xx < 0 || yy < 0 || xx >= width || yy >= height) {
              continue;
            }
            int j = yy * width + xx;
            if (comp[j] == -1 && label[j] == c) {
              comp[j] = id;
              queue[tail++] = j;
            }
          }
        }
      }
      if (tail >= minArea && core >= MIN_CORE_SHARE * tail) {
        kept.add(java.util.Arrays.copyOf(queue, tail));
      } else {
        for (int k = 0; k < tail; k++) {
          comp[queue[k]] = -2; // visited, dropped
        }
      }
      id++;
    }
    boolean[] mask = new boolean[n];
    List<Blob> blobs = new ArrayList<>();
    for (int[] pixels : kept) {
      blobs.add(measure(frame, pixels, rgb, label, alpha, comp, mask, classifier, width, height));
    }
    blobs = joinAcrossWall(blobs, height);
    int wall = 0;
    for (byte b : label) {
      if (b == PixelClassifier.WALL) {
        wall++;
      }
    }
    return new FrameScan(blobs, mask, wall);
  }

  /**
   * An object wider than the wall shows on both sides of it: two patches of one color, both against
   * the wall, at one height. They are one object, seen in part.
   */
  private static List<Blob> joinAcrossWall(List<Blob> blobs, int height) {
    List<Blob> out = new ArrayList<>(blobs);
    double wall = 2 * WorldLayout.WALL_HALF_WIDTH * WorldLayout.ZOOM_FACTOR * height + 2;
    for (int i = 0; i < out.size(); i++) {
      for (int j = i + 1; j < out.size(); j++) {
        Blob a = out.get(i);
        Blob b = out.get(j);
        double r = Math.max(a.radius(), b.radius());
        if (a.clean() || b.clean() || a.color() != b.color() || Math.abs(a.cy() - b.cy()) > 0.5 * r
            || Math.abs(a.cx() - b.cx()) > 2 * r + wall) {
          continue;
        }
        double area = a.area() + b.area();
        Blob big = a.area() >= b.area() ? a : b;
        double left = Math.min(a.left(), b.left());
        double right = Math.max(a.right(), b.right());
        // both outer edges show, so the centre is known though the shape is not
        out.set(i, new Blob(a.frame(), a.color(), area, (left + right) / 2, (a.cy() * a.area() + b.cy() * b.area()) / area,
            r, big.fill(), big.skew(), left, right, Math.max(a.bottom(), b.bottom()), Blob.HIDDEN_MIDDLE));
        out.remove(j);
        j = i;
      }
    }
    return out;
  }

  /** Adds the soft edge ring to a patch and measures area, centroid, chords and shape. */
  private static Blob measure(int frame, int[] pixels, float[] rgb, byte[] label, float[] alpha, int[] comp,
      boolean[] mask, PixelClassifier classifier, int width, int height) {
    int own = comp[pixels[0]];
    int color = label[pixels[0]];
    java.util.Map<Integer, Float> weight = new java.util.HashMap<>();
    boolean hiddenLeft = false;
    boolean hiddenRight = false;
    boolean hiddenOther = false;
    double wallX = 0;
    int wallCount = 0;
    java.util.Set<Integer> unknown = new java.util.HashSet<>();
    float[] p = new float[3];
    float[] share = new float[1];
    for (int i : pixels) {
      weight.put(i, Math.min(1f, alpha[i]));
      int x = i % width;
      int y = i / width;
      hiddenLeft |= x == 0;
      hiddenRight |= x == width - 1;
      hiddenOther |= y == 0 || y == height - 1;
      for (int dy = -1; dy <= 1; dy++) {
        for (int dx = -1; dx <= 1; dx++) {
          int xx = x + dx;
          int yy = y + dy;
          if (xx < 0 || yy < 0 || xx >= width || yy >= height) {
            continue;
          }
          int j = yy * width + xx;
          if (comp[j] == own || weight.containsKey(j)) {
            continue;
          }
          byte l = label[j];
          if (l == PixelClassifier.WALL) {
            wallX += xx;
            wallCount++;
          } else if (l == PixelClassifier.UNKNOWN) {
            unknown.add(j);
          } else if (comp[j] >= 0) {
            // another object's pixel: it is measured there, not here
            continue;
          }
          p[0] = rgb[3 * j];
          p[1] = rgb[3 * j + 1];
          p[2] = rgb[3 * j + 2];
          int region = classifier.region(yy);
          float d = classifier.blendDistance(p, classifier.vignette()[j], region, color, share);
          if (d <= PixelClassifier.BLEND_DISTANCE && share[0] > 0.02f) {
            weight.put(j, Math.min(1f, share[0]));
          }
        }
      }
    }
    // the wall may touch only the soft edge, not the solid part
    for (int i : weight.keySet()) {
      int x = i % width;
      int y = i / width;
      for (int dy = -1; dy <= 1; dy++) {
        for (int dx = -1; dx <= 1; dx++) {
          int xx = x + dx;
          int yy = y + dy;
          if (xx >= 0 && yy >= 0 && xx < width && yy < height && label[yy * width + xx] == PixelClassifier.WALL) {
            wallX += xx;
            wallCount++;
          }
        }
      }
    }
    // a lone unexplained pixel is a star or texture under the edge; many are something in front
    hiddenOther |= unknown.size() >= Math.max(3, 0.15 * (weight.size() - pixels.length));
    int x0 = width;
    int x1 = -1;
    int y0 = height;
    int y1 = -1;
    for (int i : weight.keySet()) {
      x0 = Math.min(x0, i % width);
      x1 = Math.max(x1, i % width);
      y0 = Math.min(y0, i / width);
      y1 = Math.max(y1, i / width);
    }
    double[] cols = new double[x1 - x0 + 1];
    double[] rows = new double[y1 - y0 + 1];
    double area = 0;
    double sx = 0;
    double sy = 0;
    for (var e : weight.entrySet()) {
      int i = e.getKey();
      double a = e.getValue();
      int x = i % width;
      int y = i / width;
      mask[i] = true;
      cols[x - x0] += a;
      rows[y - y0] += a;
      area += a;
      sx += a * (x + 0.5);
      sy += a * (y + 0.5);
    }
    double cx = sx / area;
    double cy = sy / area;
    double m2 = 0;
    double m3 = 0;
    for (int r = 0; r < rows.length; r++) {
      double d = y0 + r + 0.5 - cy;
      m2 += rows[r] * d * d;
      m3 += rows[r] * d * d * d;
    }
    m2 /= area;
    m3 /= area;
    double skew = m2 > 0 ? m3 / Math.pow(m2, 1.5) : 0;
    double chord = 0;
    for (double c : cols) {
      chord = Math.max(chord, c);
    }
    for (double r : rows) {
      chord = Math.max(chord, r);
    }
    double radius = chord / 2;
    double fill = radius > 0 ? area / (4 * radius * radius) : 0;
    // a triangle's centroid sits a third of its radius below the centre of its bounding square
    double triangleness = Math.max(0, Math.min(1, -skew / 0.57));
    double centreY = cy - triangleness * radius / 3;
    if (wallCount > 0) {
      if (wallX / wallCount < cx) {
        hiddenLeft = true;
      } else {
        hiddenRight = true;
      }
    }
    double colMax = 0;
    for (double c : cols) {
      colMax = Math.max(colMax, c);
    }
    // a partly covered edge column moves the extent in by the uncovered share
    double left = x0 + 1 - Math.min(1, cols[0] / colMax);
    double right = x1 + Math.min(1, cols[cols.length - 1] / colMax);
    double rowMax = 0;
    for (double r : rows) {
      rowMax = Math.max(rowMax, r);
    }
    double bottom = y1 + Math.min(1, rows[rows.length - 1] / rowMax);
    int hidden = hiddenOther || (hiddenLeft && hiddenRight) ? Blob.HIDDEN_UNKNOWN
        : hiddenLeft ? Blob.HIDDEN_LEFT : hiddenRight ? Blob.HIDDEN_RIGHT : Blob.HIDDEN_NONE;
    return new Blob(frame, color, area, cx, centreY, radius, fill, skew, left, right, bottom, hidden);
  }
}
