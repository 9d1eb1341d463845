package org.sora4j.train.data;

import java.util.Objects;
import org.sora4j.core.video.Video;

/** A training clip and the caption the model learns it under (empty when a folder has none). */
public record CaptionedClip(Video video, String caption) {
  public CaptionedClip {
    Objects.requireNonNull(video, "video");
    caption = caption == null ? "" : caption;
  }
}
