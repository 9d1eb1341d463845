package org.sora4j.world.scene;

import java.util.List;

/** The shape of an object. */
public enum Shape implements Word {
  BALL("ball", "balls", "sphere", "spheres", "circle", "circles", "orb", "orbs"),
  BOX("box", "boxes", "cube", "cubes", "square", "squares", "block", "blocks", "crate", "crates"),
  TRIANGLE("triangle", "triangles", "pyramid", "pyramids", "wedge", "wedges");

  private final List<String> synonyms;

  Shape(String... synonyms) {
    this.synonyms = List.of(synonyms);
  }

  @Override
  public String word() {
    return synonyms.get(0);
  }

  /** The plural the captions use. */
  public String plural() {
    return synonyms.get(1);
  }

  @Override
  public List<String> synonyms() {
    return synonyms;
  }
}
