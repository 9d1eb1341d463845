package org.sora4j.server.api;

/** The answer to a delete. */
public record VideoDeleted(String id, String object, boolean deleted) {
  public static VideoDeleted of(String id) {
    return new VideoDeleted(id, "video.deleted", true);
  }
}
