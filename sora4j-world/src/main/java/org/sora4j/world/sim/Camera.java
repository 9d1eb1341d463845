package org.sora4j.world.sim;

import org.sora4j.world.scene.CameraMove;
import org.sora4j.world.scene.WorldLayout;

/** Where the camera looks as a clip progresses: pans slide the view, zooms scale it about its centre. */
final class Camera {
  private Camera() {}

  /** World units panned at {@code progress} (0 at the first frame, 1 at the last); positive = right. */
  static double offset(CameraMove move, double progress) {
    return switch (move) {
      case PAN_RIGHT -> WorldLayout.PAN_DISTANCE * progress;
      case PAN_LEFT -> -WorldLayout.PAN_DISTANCE * progress;
      default -> 0;
    };
  }

  /** Magnification at {@code progress}; geometric so the zoom looks steady. */
  static double zoom(CameraMove move, double progress) {
    return switch (move) {
      case ZOOM_IN -> Math.pow(WorldLayout.ZOOM_FACTOR, progress);
      case ZOOM_OUT -> Math.pow(WorldLayout.ZOOM_FACTOR, 1 - progress);
      default -> 1;
    };
  }

  static View view(CameraMove move, double progress, int width, int height) {
    double aspect = (double) width / height;
    return new View(aspect / 2 + offset(move, progress), 0.5, zoom(move, progress), width, height);
  }

  /** The world rectangle seen in both the first and the last frame, hence in every frame. */
  static Stage stage(CameraMove move, double aspect) {
    double left = Double.NEGATIVE_INFINITY;
    double right = Double.POSITIVE_INFINITY;
    double top = Double.NEGATIVE_INFINITY;
    double bottom = Double.POSITIVE_INFINITY;
    for (double p : new double[] {0, 1}) {
      double z = zoom(move, p);
      double cx = aspect / 2 + offset(move, p);
      left = Math.max(left, cx - aspect / (2 * z));
      right = Math.min(right, cx + aspect / (2 * z));
      top = Math.max(top, 0.5 - 1 / (2 * z));
      bottom = Math.min(bottom, 0.5 + 1 / (2 * z));
    }
    return new Stage(left, right, top, bottom);
  }
}
