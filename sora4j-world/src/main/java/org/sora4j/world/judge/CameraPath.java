package org.sora4j.world.judge;

/**
 * Where the camera looked in each frame, estimated from the background, and how well consecutive
 * backgrounds agree once the camera motion is undone.
 *
 * @param offsets per frame, how far the view has panned since the first frame, in frame heights
 *     (positive = right)
 * @param zooms per frame, the magnification (1 = the unzoomed world view)
 * @param changes per pair of consecutive frames, the mean absolute background difference after
 *     alignment (8-bit levels); empty for a single image
 * @param matched per pair, whether enough background was seen in both frames to compare them
 */
record CameraPath(double[] offsets, double[] zooms, double[] changes, boolean[] matched) {
  int frames() {
    return offsets.length;
  }

  /** Total pan over the clip, frame heights. */
  double pan() {
    return offsets[offsets.length - 1] - offsets[0];
  }

  /** Natural log of the last frame's zoom over the first's: positive for a zoom in. */
  double logZoom() {
    return Math.log(zooms[zooms.length - 1] / zooms[0]);
  }

  /** World x (frame heights) of a pixel x in a frame, undoing pan and zoom. */
  double worldX(int frame, double px, int width, int height) {
    return (double) width / height / 2 + offsets[frame] + (px - width / 2.0) / (height * zooms[frame]);
  }

  /** World y (frame heights, down) of a pixel y in a frame, undoing zoom. */
  double worldY(int frame, double py, int height) {
    return 0.5 + (py - height / 2.0) / (height * zooms[frame]);
  }
}
