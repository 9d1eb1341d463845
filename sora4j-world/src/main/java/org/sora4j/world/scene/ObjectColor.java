package org.sora4j.world.scene;

import java.util.List;

/** The color of an object, with the RGB the renderer paints in daylight. */
public enum ObjectColor implements Word {
  RED(new Rgb(220, 40, 40), "red", "crimson", "scarlet"),
  ORANGE(new Rgb(245, 140, 30), "orange", "amber"),
  YELLOW(new Rgb(240, 220, 40), "yellow", "golden", "gold"),
  GREEN(new Rgb(30, 210, 80), "green", "lime", "emerald"),
  BLUE(new Rgb(40, 90, 230), "blue", "azure", "navy"),
  PURPLE(new Rgb(150, 60, 200), "purple", "violet", "magenta"),
  WHITE(new Rgb(250, 250, 250), "white", "ivory");

  private final Rgb rgb;
  private final List<String> synonyms;

  ObjectColor(Rgb rgb, String... synonyms) {
    this.rgb = rgb;
    this.synonyms = List.of(synonyms);
  }

  /** The color in daylight with normal lighting. */
  public Rgb rgb() {
    return rgb;
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
