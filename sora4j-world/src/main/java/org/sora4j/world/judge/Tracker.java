package org.sora4j.world.judge;

import java.util.ArrayList;
import java.util.List;

/**
 * Links the blobs of consecutive frames into {@link Track}s: greedy assignment by world distance
 * to where each track was (or is heading), plus penalties for a different color or size. Tracks
 * never end, so an object that reappears from behind the wall continues its own track.
 */
final class Tracker {
  /** Cost of linking blobs of different colors, in frame heights of distance. */
  private static final double COLOR_PENALTY = 0.45;
  /** Cost per unit of |log| size ratio. */
  private static final double SIZE_PENALTY = 0.3;
  /** No link costs more than this. */
  private static final double GATE = 0.6;
  /** A sighting this much larger than its track's usual size is two objects merged. */
  private static final double MERGED_AREA = 1.6;

  private Tracker() {}

  static List<Track> track(List<FrameScan> scans, CameraPath camera, int width, int height, double fps) {
    List<List<Sighting>> tracks = new ArrayList<>();
    for (int f = 0; f < scans.size(); f++) {
      List<Sighting> seen = new ArrayList<>();
      for (Blob b : scans.get(f).blobs()) {
        double z = camera.zooms()[f];
        seen.add(new Sighting(f, f / fps, camera.worldX(f, b.cx(), width, height), camera.worldY(f, b.cy(), height),
            b.radius() / (height * z), b.area() / (height * z * height * z), b, b.clean(),
            b.clean() || b.hidden() == Blob.HIDDEN_MIDDLE));
      }
      link(tracks, seen);
    }
    List<Track> out = new ArrayList<>();
    for (List<Sighting> t : tracks) {
      out.add(place(new Track(markMerged(t)), camera, width, height));
    }
    return out;
  }

  /**
   * Places sightings cut on one side by the wall or the frame edge: the far edge shows, and the
   * object's radius is known from its clean sightings.
   */
  private static Track place(Track t, CameraPath camera, int width, int height) {
    if (t.clean().isEmpty()) {
      return t;
    }
    double r = t.radius();
    // a cut ball or box keeps its centroid height; a cut triangle does not, but its base shows
    boolean triangle = ShapeModel.best(t.clean()) == org.sora4j.world.scene.Shape.TRIANGLE;
    List<Sighting> out = new ArrayList<>();
    for (Sighting s : t.sightings()) {
      int f = s.frame();
      double rPx = r * height * camera.zooms()[f];
      Blob b = s.blob();
      double y = triangle ? camera.worldY(f, b.bottom() - rPx, height) : s.y();
      if (b.hidden() == Blob.HIDDEN_LEFT) {
        out.add(s.at(camera.worldX(f, b.right() - rPx, width, height), y));
      } else if (b.hidden() == Blob.HIDDEN_RIGHT) {
        out.add(s.at(camera.worldX(f, b.left() + rPx, width, height), y));
      } else if (b.hidden() == Blob.HIDDEN_MIDDLE) {
        out.add(s.at(s.x(), y));
      } else {
        out.add(s);
      }
    }
    return new Track(out);
  }

  private static void link(List<List<Sighting>> tracks, List<Sighting> seen) {
    List<double[]> pairs = new ArrayList<>();
    for (int t = 0; t < tracks.size(); t++) {
      for (int s = 0; s < seen.size(); s++) {
        double c = cost(tracks.get(t), seen.get(s));
        if (c < GATE) {
          pairs.add(new double[] {c, t, s});
        }
      }
    }
    pairs.sort((a, b) -> Double.compare(a[0], b[0]));
    boolean[] trackUsed = new boolean[tracks.size()];
    boolean[] seenUsed = new boolean[seen.size()];
    for (double[] p : pairs) {
      int t = (int) p[1];
      int s = (int) p[2];
      if (!trackUsed[t] && !seenUsed[s]) {
        trackUsed[t] = true;
        seenUsed[s] = true;
        tracks.get(t).add(seen.get(s));
      }
    }
    for (int s = 0; s < seen.size(); s++) {
      if (!seenUsed[s]) {
        tracks.add(new ArrayList<>(List.of(seen.get(s))));
      }
    }
  }

  private static double cost(List<Sighting> track, Sighting s) {
    Sighting last = track.get(track.size() - 1);
    double dist = Math.hypot(s.x() - last.x(), s.y() - last.y());
    if (track.size() >= 2) {
      Sighting before = track.get(track.size() - 2);
      double gap = (s.time() - last.time()) / Math.max(1e-9, last.time() - before.time());
      double px = last.x() + (last.x() - before.x()) * gap;
      double py = last.y() + (last.y() - before.y()) * gap;
      dist = Math.min(dist, Math.hypot(s.x() - px, s.y() - py));
    }
    double color = s.blob().color() == last.blob().color() ? 0 : COLOR_PENALTY;
    double size = SIZE_PENALTY * Math.abs(Math.log(Math.max(1e-9, s.radius()) / Math.max(1e-9, last.radius())));
    return dist + color + size;
  }

  /** Sightings much larger than the track's median are two objects run together: not clean. */
  private static List<Sighting> markMerged(List<Sighting> track) {
    double[] areas = track.stream().mapToDouble(Sighting::area).toArray();
    double median = Fits.median(areas, areas.length);
    List<Sighting> out = new ArrayList<>(track.size());
    for (Sighting s : track) {
      out.add(s.clean() && s.area() > MERGED_AREA * median ? s.unclean() : s);
    }
    return out;
  }
}
