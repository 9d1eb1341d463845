package org.sora4j.server.api;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import org.sora4j.server.store.CharacterRow;

/** A character as the Videos API shows it: {@code {"id", "created_at", "name"}}. */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record CharacterObject(String id, long createdAt, String name) {
  public static CharacterObject of(CharacterRow row) {
    return new CharacterObject(row.id(), row.createdAt(), row.name());
  }
}
