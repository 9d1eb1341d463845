package org.sora4j.world.scene;

import java.util.List;

/** The size of an object: its radius as a fraction of the frame height (before zoom). */
public enum Size implements Word {
  SMALL(0.08, "small", "little", "tiny", "mini"),
  LARGE(0.14, "large", "big", "huge", "giant");

  private final double radius;
  private final List<String> synonyms;

  Size(double radius, String... synonyms) {
    this.radius = radius;
    this.synonyms = List.of(synonyms);
  }

  /** Radius (half the width of a box or ball) as a fraction of the frame height. */
  public double radius() {
    return radius;
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
