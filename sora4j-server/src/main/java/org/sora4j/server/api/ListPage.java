package org.sora4j.server.api;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import java.util.List;

/** A cursor page as OpenAI lists: {@code object "list"}, data, first and last id, has_more. */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record ListPage<T>(String object, List<T> data, String firstId, String lastId, boolean hasMore) {
  /** A page of videos. */
  public static ListPage<VideoObject> videos(List<VideoObject> data, boolean hasMore) {
    return new ListPage<>("list", data, data.isEmpty() ? null : data.get(0).id(),
        data.isEmpty() ? null : data.get(data.size() - 1).id(), hasMore);
  }
}
