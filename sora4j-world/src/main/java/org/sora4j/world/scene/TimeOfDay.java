package org.sora4j.world.scene;

import java.util.List;

/**
 * The time of day: a tint on the background and a milder one on objects, which stay lit so their
 * colors can be told apart at night.
 */
public enum TimeOfDay implements Word {
  DAY(new double[] {1, 1, 1}, new double[] {1, 1, 1}, "day", "daytime", "daylight", "noon", "morning", "afternoon"),
  SUNSET(new double[] {1.05, 0.72, 0.55}, new double[] {1.0, 0.9, 0.8}, "sunset", "dusk", "evening", "sundown", "golden hour", "twilight"),
  NIGHT(new double[] {0.30, 0.33, 0.55}, new double[] {0.8, 0.8, 0.9}, "night", "nighttime", "night time", "midnight", "dark");

  private final double[] backgroundTint;
  private final double[] objectTint;
  private final List<String> synonyms;

  TimeOfDay(double[] backgroundTint, double[] objectTint, String... synonyms) {
    this.backgroundTint = backgroundTint;
    this.objectTint = objectTint;
    this.synonyms = List.of(synonyms);
  }

  /** The daylight background color as it looks at this time of day. */
  public Rgb tintBackground(Rgb c) {
    return c.times(backgroundTint[0], backgroundTint[1], backgroundTint[2]);
  }

  /** The daylight object color as it looks at this time of day. */
  public Rgb tintObject(Rgb c) {
    return c.times(objectTint[0], objectTint[1], objectTint[2]);
  }

  @Override
  public String word() {
    return synonyms.get(0);
  }

  @Override
  public List<String> synonyms() {
    return synonyms;
  }
}
