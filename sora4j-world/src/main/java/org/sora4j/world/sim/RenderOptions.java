package org.sora4j.world.sim;

/**
 * How to render a scene: frame size in pixels, frame rate and duration.
 *
 * @param width frame width in pixels, 1 to {@value #MAX_SIDE}
 * @param height frame height in pixels, 1 to {@value #MAX_SIDE}
 * @param fps frames per second, positive
 * @param seconds duration of video time; 0 renders a single image
 */
public record RenderOptions(int width, int height, double fps, double seconds) {
  /** Largest frame side accepted; bigger frames are no use to a model that learns at 64x64. */
  public static final int MAX_SIDE = 4096;

  /** Longest clip accepted, in seconds of video. */
  public static final double MAX_SECONDS = 3600;

  public RenderOptions {
    if (width < 1 || height < 1 || width > MAX_SIDE || height > MAX_SIDE) {
      throw new IllegalArgumentException(
          "frame size must be 1 to " + MAX_SIDE + " pixels per side, got " + width + "x" + height);
    }
    if (!(fps > 0) || Double.isInfinite(fps)) {
      throw new IllegalArgumentException("fps must be a positive number, got " + fps);
    }
    if (!(seconds >= 0) || seconds > MAX_SECONDS) {
      throw new IllegalArgumentException(
          "seconds must be 0 (an image) to " + MAX_SECONDS + ", got " + seconds);
    }
  }

  /** The number of frames: {@code max(1, round(seconds * fps))}; a 0-second clip is one image. */
  public int frameCount() {
    return (int) Math.max(1, Math.round(seconds * fps));
  }

  /** Width over height. */
  public double aspect() {
    return (double) width / height;
  }

  /** Video time of frame {@code index}, in seconds. */
  public double timeOf(int index) {
    return index / fps;
  }
}
