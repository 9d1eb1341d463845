package org.sora4j.core.video;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * A video: RGB frames of one size at one frame rate. An image is a 1-frame video.
 *
 * <p>Each frame is packed 8-bit RGB, row-major, {@code width * height * 3} bytes. Frames are
 * copied in and never handed out for writing, so a {@code Video} is effectively immutable.
 */
public final class Video {
  private final int width;
  private final int height;
  private final double fps;
  private final List<byte[]> frames;

  private Video(int width, int height, double fps, List<byte[]> frames) {
    this.width = width;
    this.height = height;
    this.fps = fps;
    this.frames = frames;
  }

  /**
   * Makes a video from packed RGB frames.
   *
   * @throws IllegalArgumentException if there is no frame, a size is not positive, the fps is not
   *     positive or a frame has the wrong length
   */
  public static Video of(int width, int height, double fps, List<byte[]> frames) {
    if (width <= 0 || height <= 0) {
      throw new IllegalArgumentException("video size must be positive, got " + width + "x" + height);
    }
    if (!(fps > 0) || Double.isInfinite(fps)) {
      throw new IllegalArgumentException("fps must be positive, got " + fps);
    }
    if (frames.isEmpty()) {
      throw new IllegalArgumentException("a video needs at least one frame");
    }
    int expected = width * height * 3;
    List<byte[]> copy = new ArrayList<>(frames.size());
    for (int i = 0; i < frames.size(); i++) {
      byte[] frame = frames.get(i);
      if (frame.length != expected) {
        throw new IllegalArgumentException(
            "frame " + i + " has " + frame.length + " bytes, a " + width + "x" + height
                + " RGB frame has " + expected);
      }
      copy.add(frame.clone());
    }
    return new Video(width, height, fps, Collections.unmodifiableList(copy));
  }

  /** A 1-frame video holding one image. */
  public static Video image(int width, int height, byte[] rgb) {
    return of(width, height, 1, List.of(rgb));
  }

  public int width() {
    return width;
  }

  public int height() {
    return height;
  }

  public double fps() {
    return fps;
  }

  public int frameCount() {
    return frames.size();
  }

  public boolean isImage() {
    return frames.size() == 1;
  }

  /** Duration in seconds: frames over fps. */
  public double seconds() {
    return frames.size() / fps;
  }

  /** A copy of frame {@code index}, packed RGB. */
  public byte[] frame(int index) {
    return frames.get(index).clone();
  }

  /** One channel (0 red, 1 green, 2 blue) of one pixel, 0 to 255. */
  public int sample(int frame, int x, int y, int channel) {
    return frames.get(frame)[(y * width + x) * 3 + channel] & 0xff;
  }

  /** Frames {@code from} (inclusive) to {@code to} (exclusive) as a new video. */
  public Video slice(int from, int to) {
    if (from < 0 || to > frames.size() || from >= to) {
      throw new IllegalArgumentException(
          "slice [" + from + ", " + to + ") is outside 0.." + frames.size());
    }
    return new Video(width, height, fps, frames.subList(from, to));
  }

  /** The window of {@code w x h} pixels at ({@code x}, {@code y}) of every frame, as a new video. */
  public Video crop(int x, int y, int w, int h) {
    if (x < 0 || y < 0 || w < 1 || h < 1 || x + w > width || y + h > height) {
      throw new IllegalArgumentException("crop " + w + "x" + h + " at (" + x + ", " + y + ") is outside the "
          + width + "x" + height + " frame");
    }
    List<byte[]> cropped = new ArrayList<>(frames.size());
    for (byte[] frame : frames) {
      byte[] out = new byte[w * h * 3];
      for (int row = 0; row < h; row++) {
        System.arraycopy(frame, ((y + row) * width + x) * 3, out, row * w * 3, w * 3);
      }
      cropped.add(out);
    }
    return new Video(w, h, fps, Collections.unmodifiableList(cropped));
  }

  /** This video's frames followed by {@code other}'s; sizes must match. */
  public Video concat(Video other) {
    if (other.width != width || other.height != height) {
      throw new IllegalArgumentException(
          "cannot join " + width + "x" + height + " and " + other.width + "x" + other.height);
    }
    List<byte[]> all = new ArrayList<>(frames);
    all.addAll(other.frames);
    return new Video(width, height, fps, Collections.unmodifiableList(all));
  }

  /** The same frames at another frame rate. */
  public Video withFps(double newFps) {
    return of(width, height, newFps, frames);
  }

  @Override
  public String toString() {
    return "Video[" + width + "x" + height + ", " + frames.size() + " frames @ " + fps + " fps]";
  }
}
