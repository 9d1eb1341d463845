package org.sora4j.world.scene;

import java.util.List;

/**
 * Where the scene takes place. Each has a backdrop (upper part of the frame), a floor (lower part)
 * and a texture color for the details (tufts, dunes, clouds, stars, tiles) that make camera motion
 * visible. Colors are for daylight; {@link TimeOfDay} tints them.
 */
public enum Environment implements Word {
  GRASS(new Rgb(150, 200, 235), new Rgb(85, 120, 50), new Rgb(60, 95, 35), "grass", "grassy", "lawn", "meadow", "field", "park"),
  SAND(new Rgb(160, 205, 240), new Rgb(220, 195, 140), new Rgb(195, 165, 110), "sand", "sandy", "beach", "desert", "dunes"),
  SNOW(new Rgb(170, 175, 185), new Rgb(190, 205, 230), new Rgb(160, 175, 205), "snow", "snowy", "snowfield", "ice", "winter"),
  SKY(new Rgb(110, 165, 230), new Rgb(200, 212, 232), new Rgb(205, 215, 230), "sky", "clouds", "cloudy", "air", "heaven"),
  SPACE(new Rgb(10, 10, 25), new Rgb(110, 110, 120), new Rgb(200, 200, 210), "space", "outer space", "moon", "cosmos", "stars", "starry"),
  ROOM(new Rgb(200, 180, 150), new Rgb(150, 130, 110), new Rgb(120, 100, 85), "room", "indoors", "indoor", "inside", "kitchen", "living room", "house");

  private final Rgb backdrop;
  private final Rgb floor;
  private final Rgb texture;
  private final List<String> synonyms;

  Environment(Rgb backdrop, Rgb floor, Rgb texture, String... synonyms) {
    this.backdrop = backdrop;
    this.floor = floor;
    this.texture = texture;
    this.synonyms = List.of(synonyms);
  }

  /** The color above the floor line (sky, wall, space) in daylight. */
  public Rgb backdrop() {
    return backdrop;
  }

  /** The floor's base color in daylight. */
  public Rgb floor() {
    return floor;
  }

  /** The color of the texture details in daylight. */
  public Rgb texture() {
    return texture;
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
