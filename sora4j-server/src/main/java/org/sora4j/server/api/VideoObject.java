package org.sora4j.server.api;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import org.sora4j.server.store.VideoRow;

/**
 * A video as the Videos API shows it. Fields that do not apply are null, as OpenAI sends them.
 * {@code expires_at} is null: this server keeps files until they are deleted.
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record VideoObject(
    String id,
    String object,
    long createdAt,
    Long completedAt,
    Long expiresAt,
    String status,
    int progress,
    String model,
    String prompt,
    String seconds,
    String size,
    String remixedFromVideoId,
    VideoError error) {

  /** Why a video failed. */
  public record VideoError(String code, String message) {}

  public static VideoObject of(VideoRow row) {
    VideoError error = row.errorCode() == null ? null : new VideoError(row.errorCode(), row.errorMessage());
    return new VideoObject(row.id(), "video", row.createdAt(), row.completedAt(), null, row.status(), row.progress(),
        row.model(), row.prompt(), row.seconds(), row.size(), row.remixedFrom(), error);
  }
}
