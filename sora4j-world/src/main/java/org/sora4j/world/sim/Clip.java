package org.sora4j.world.sim;

import java.util.Objects;
import org.sora4j.core.video.Video;
import org.sora4j.world.scene.Scene;

/** A rendered scene: the scene, its video and the ground truth of every frame. */
public record Clip(Scene scene, Video video, GroundTruth truth) {
  public Clip {
    Objects.requireNonNull(scene, "scene");
    Objects.requireNonNull(video, "video");
    Objects.requireNonNull(truth, "truth");
  }
}
