package org.sora4j.server.jobs;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;

/**
 * What a job makes, stored with the job so that a restarted server can run it again. A source is
 * another video of the same owner (by id) or a file uploaded with the request and kept in the
 * job's folder.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "type")
@JsonSubTypes({
  @JsonSubTypes.Type(value = JobSpec.Generate.class, name = "generate"),
  @JsonSubTypes.Type(value = JobSpec.Edit.class, name = "edit"),
  @JsonSubTypes.Type(value = JobSpec.Extend.class, name = "extend"),
})
public sealed interface JobSpec {
  /** Text to video; with a reference image, image to video (the image is the first frame). */
  record Generate(boolean withReference) implements JobSpec {}

  /** SDEdit of a source under the new prompt: remix and edits. */
  record Edit(Source source, double strength) implements JobSpec {}

  /** The source followed by {@code addSeconds} of new video. */
  record Extend(Source source, double addSeconds) implements JobSpec {}

  /** A source video: {@code videoId} of a finished video, or null for the upload in the job's folder. */
  record Source(String videoId) {
    public static Source upload() {
      return new Source(null);
    }

    public boolean uploaded() {
      return videoId == null;
    }
  }
}
