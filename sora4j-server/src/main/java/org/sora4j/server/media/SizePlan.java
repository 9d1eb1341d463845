package org.sora4j.server.media;

import org.sora4j.core.video.FrameSize;

/**
 * The size a video is delivered at and the size the model generates it at. The model was trained
 * at 64x64, so frames are generated within that pixel budget at the asked aspect ratio (a multiple
 * of the model's size step on each side) and scaled up for delivery: 720x1280 is made at 48x80.
 *
 * @param delivered the size asked for, which the file has
 * @param generated the size the model samples at
 */
public record SizePlan(FrameSize delivered, FrameSize generated) {
  /** Largest side a client may ask for: a 4K frame is already far past what upscaling can honestly give. */
  public static final int MAX_SIDE = 4096;

  /**
   * Plans a size: as asked if it is within {@code budgetPixels} and a multiple of {@code multiple},
   * else the same aspect ratio at about {@code budgetPixels} pixels.
   *
   * @throws IllegalArgumentException if a side is below {@code multiple} or above {@link #MAX_SIDE}
   */
  public static SizePlan of(FrameSize asked, int multiple, int budgetPixels) {
    if (asked.width() < multiple || asked.height() < multiple || asked.width() > MAX_SIDE || asked.height() > MAX_SIDE) {
      throw new IllegalArgumentException("size " + asked + " must be between " + multiple + " and " + MAX_SIDE
          + " pixels on each side");
    }
    long area = (long) asked.width() * asked.height();
    if (area <= budgetPixels && asked.width() % multiple == 0 && asked.height() % multiple == 0) {
      return new SizePlan(asked, asked);
    }
    double scale = Math.sqrt(budgetPixels / (double) area);
    return new SizePlan(asked, new FrameSize(snap(asked.width() * scale, multiple), snap(asked.height() * scale, multiple)));
  }

  private static int snap(double side, int multiple) {
    return Math.max(multiple, (int) Math.round(side / multiple) * multiple);
  }

  /**
   * How the delivered frames relate to the model's, for the file's metadata, e.g. "generated at
   * 48x80 and upscaled (bilinear, centre crop) to 720x1280".
   */
  public String describe() {
    return upscaled()
        ? "generated at " + generated + " and upscaled (bilinear, centre crop) to " + delivered
        : "generated at " + generated + ", not rescaled";
  }

  /** True if frames are scaled after generation. */
  public boolean upscaled() {
    return !delivered.equals(generated);
  }
}
