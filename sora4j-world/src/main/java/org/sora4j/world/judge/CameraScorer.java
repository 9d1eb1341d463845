package org.sora4j.world.judge;

import static org.sora4j.world.judge.Fits.decay;
import static org.sora4j.world.judge.Fits.rise;

import java.util.Locale;
import org.sora4j.world.scene.CameraMove;

/**
 * Camera motion from the background's estimated pan and zoom: a pan must slide the view the
 * asked way without zooming, a zoom must scale it without sliding, a static camera must do
 * neither; all of it only counts when the background matches from frame to frame at all.
 */
final class CameraScorer {
  private CameraScorer() {}

  static Verdict score(CameraMove asked, Observation o) {
    if (o.isImage()) {
      return null;
    }
    CameraPath c = o.camera();
    double quality = quality(c);
    double s = quality * fit(asked, c);
    CameraMove seen = classify(c);
    String note = String.format(Locale.ROOT, "camera: pan %+.2f frame heights, zoom x%.2f -> %s", c.pan(), Math.exp(c.logZoom()),
        seen.word()) + (quality < 0.5 ? " (background does not match between frames)" : "");
    return Verdict.of(s, note);
  }

  /** How far to trust the estimate: the aligned backgrounds must agree. */
  static double quality(CameraPath c) {
    double[] changes = c.changes();
    if (changes.length == 0) {
      return 0;
    }
    double[] sorted = changes.clone();
    double med = Fits.median(sorted, sorted.length);
    int matched = 0;
    for (boolean m : c.matched()) {
      matched += m ? 1 : 0;
    }
    return decay(med, 4, 6) * ((double) matched / changes.length);
  }

  static double fit(CameraMove m, CameraPath c) {
    double pan = c.pan();
    double zoom = c.logZoom();
    return switch (m) {
      case STATIC -> decay(Math.abs(pan), 0.02, 0.05) * decay(Math.abs(zoom), 0.02, 0.05);
      case PAN_LEFT -> rise(-pan, 0.02, 0.08) * decay(Math.abs(zoom), 0.04, 0.08);
      case PAN_RIGHT -> rise(pan, 0.02, 0.08) * decay(Math.abs(zoom), 0.04, 0.08);
      case ZOOM_IN -> rise(zoom, 0.02, 0.07) * decay(Math.abs(pan), 0.04, 0.08);
      case ZOOM_OUT -> rise(-zoom, 0.02, 0.07) * decay(Math.abs(pan), 0.04, 0.08);
    };
  }

  static CameraMove classify(CameraPath c) {
    CameraMove best = CameraMove.STATIC;
    for (CameraMove m : CameraMove.values()) {
      if (fit(m, c) > fit(best, c)) {
        best = m;
      }
    }
    return best;
  }
}
