package org.sora4j.world.scene;

import java.util.List;

/** Lighting style: normal, or cinematic (vignette and stronger contrast). */
public enum Lighting implements Word {
  NORMAL("normal lighting", "normal light", "normal", "natural lighting", "natural light", "flat lighting", "plain"),
  CINEMATIC("cinematic lighting", "cinematic", "dramatic lighting", "dramatic", "film look", "moody", "vignette");

  private final List<String> synonyms;

  Lighting(String... synonyms) {
    this.synonyms = List.of(synonyms);
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
