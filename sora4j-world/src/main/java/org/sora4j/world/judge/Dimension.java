package org.sora4j.world.judge;

/** What the judge scores, in the order reports list it. */
public enum Dimension {
  COUNT("count"),
  COLOR("color"),
  SHAPE("shape"),
  SIZE("size"),
  MOTION("motion"),
  PHYSICS("physics"),
  PERMANENCE("permanence"),
  ENVIRONMENT("environment"),
  TIME("time"),
  LIGHTING("lighting"),
  CAMERA("camera"),
  SPEED("speed"),
  CONSISTENCY("consistency");

  private final String key;

  Dimension(String key) {
    this.key = key;
  }

  /** The name used in reports and JSON. */
  public String key() {
    return key;
  }
}
