package org.sora4j.server.api;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import java.util.List;

/** A model as {@code /v1/models} lists it. */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record ModelObject(String id, String object, long created, String ownedBy) {
  /** The models list: {@code object "list"} and data. */
  public record ModelList(String object, List<ModelObject> data) {}
}
