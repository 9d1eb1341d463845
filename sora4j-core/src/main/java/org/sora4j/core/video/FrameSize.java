package org.sora4j.core.video;

import java.util.ArrayList;
import java.util.List;

/** A frame's width and height in pixels, as written on command lines: {@code 64x48}. */
public record FrameSize(int width, int height) {

  public FrameSize {
    if (width < 1 || height < 1) {
      throw new IllegalArgumentException("frame size " + width + "x" + height + " must be positive");
    }
  }

  /** Parses {@code WxH}, e.g. {@code 96x64}. */
  public static FrameSize parse(String text) {
    String[] parts = text.trim().toLowerCase(java.util.Locale.ROOT).split("x", -1);
    if (parts.length != 2) {
      throw new IllegalArgumentException("size '" + text + "' is not WIDTHxHEIGHT, e.g. 64x64");
    }
    try {
      return new FrameSize(Integer.parseInt(parts[0].trim()), Integer.parseInt(parts[1].trim()));
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("size '" + text + "' is not WIDTHxHEIGHT, e.g. 64x64");
    }
  }

  /** Parses a comma-separated list such as {@code 64x64,96x64}. */
  public static List<FrameSize> parseList(String text) {
    List<FrameSize> sizes = new ArrayList<>();
    for (String part : text.split(",")) {
      sizes.add(parse(part));
    }
    return List.copyOf(sizes);
  }

  @Override
  public String toString() {
    return width + "x" + height;
  }
}
