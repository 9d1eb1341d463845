package org.sora4j.world.sim;

import java.util.List;

/**
 * What is in one frame.
 *
 * @param objects every object of the scene, in scene order, visible or not
 * @param cameraOffsetX how far the view has panned so far, in frame heights (positive = right)
 * @param zoom the camera's magnification, 1 for the unzoomed view
 */
public record FrameTruth(List<ObjectState> objects, double cameraOffsetX, double zoom) {
  public FrameTruth {
    objects = List.copyOf(objects);
  }
}
