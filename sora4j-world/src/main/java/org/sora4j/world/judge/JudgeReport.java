package org.sora4j.world.judge;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * How well a video matches a prompt.
 *
 * @param dimensions the score in [0, 1] of each dimension judged, in a fixed order: count, color,
 *     shape, size, motion, physics, permanence, environment, time, lighting, camera, speed,
 *     consistency; only the dimensions the prompt asks about (and consistency, always) appear
 * @param overall the mean of the dimensions
 * @param notes what the judge saw and why a score is low, for people
 */
public record JudgeReport(Map<String, Double> dimensions, double overall, List<String> notes) {
  public JudgeReport {
    dimensions = Collections.unmodifiableMap(new LinkedHashMap<>(dimensions));
    notes = List.copyOf(notes);
  }
}
