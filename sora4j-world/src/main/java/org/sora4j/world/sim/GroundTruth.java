package org.sora4j.world.sim;

import java.util.List;

/** The ground truth of a clip: one {@link FrameTruth} per frame. */
public record GroundTruth(List<FrameTruth> frames) {
  public GroundTruth {
    frames = List.copyOf(frames);
  }
}
