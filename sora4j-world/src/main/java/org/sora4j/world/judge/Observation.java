package org.sora4j.world.judge;

import java.util.List;

/**
 * Everything the judge measured in a video, for the dimension scorers to read.
 *
 * @param scans per frame, the objects found
 * @param camera the camera path, from the background
 * @param objects the tracks seen long enough to be objects, most seen first
 * @param fit how well each environment / time of day / lighting explains the background
 * @param noise per-pixel noise, standard deviation per channel (8-bit levels)
 */
record Observation(int width, int height, double fps, int frameCount, List<FrameScan> scans, CameraPath camera,
    List<Track> objects, LookFit fit, double noise) {
  double aspect() {
    return (double) width / height;
  }

  /** Video duration, seconds. */
  double seconds() {
    return frameCount / fps;
  }

  /** Where the wall stands, world x: centred in the unpanned view. */
  double wallX() {
    return aspect() / 2;
  }

  boolean isImage() {
    return frameCount == 1;
  }
}
