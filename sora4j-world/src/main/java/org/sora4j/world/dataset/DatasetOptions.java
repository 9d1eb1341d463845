package org.sora4j.world.dataset;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import org.sora4j.core.video.FrameSize;
import org.sora4j.world.sim.RenderOptions;

/**
 * What dataset to write.
 *
 * @param count number of clips, at least 1
 * @param out the folder to write; must be missing or empty unless {@code overwrite}
 * @param sizes frame sizes each clip draws from (mixed aspect ratios)
 * @param seconds durations each clip draws from; 0 makes an image
 * @param fps frame rate of every clip
 * @param seed the dataset's seed; each clip gets its own seed from it
 * @param imageFraction share of entries written as single PNG images, 0 to 1
 * @param overwrite allow a non-empty {@code out}, replacing this writer's own files there
 */
public record DatasetOptions(
    int count,
    Path out,
    List<FrameSize> sizes,
    List<Double> seconds,
    double fps,
    long seed,
    double imageFraction,
    boolean overwrite) {

  public DatasetOptions {
    Objects.requireNonNull(out, "out");
    if (count < 1) {
      throw new IllegalArgumentException("count must be at least 1, got " + count);
    }
    if (sizes == null || sizes.isEmpty()) {
      throw new IllegalArgumentException("give at least one frame size, e.g. 64x64");
    }
    sizes = List.copyOf(sizes);
    for (FrameSize s : sizes) {
      if (s.width() > RenderOptions.MAX_SIDE || s.height() > RenderOptions.MAX_SIDE) {
        throw new IllegalArgumentException(
            "frame size " + s + " is larger than " + RenderOptions.MAX_SIDE + " pixels per side");
      }
    }
    if (seconds == null || seconds.isEmpty()) {
      throw new IllegalArgumentException("give at least one duration in seconds, e.g. 2");
    }
    seconds = List.copyOf(seconds);
    for (double s : seconds) {
      if (!(s >= 0) || s > RenderOptions.MAX_SECONDS) {
        throw new IllegalArgumentException(
            "seconds must be 0 (an image) to " + RenderOptions.MAX_SECONDS + ", got " + s);
      }
    }
    if (!(fps > 0) || Double.isInfinite(fps)) {
      throw new IllegalArgumentException("fps must be a positive number, got " + fps);
    }
    if (!(imageFraction >= 0 && imageFraction <= 1)) {
      throw new IllegalArgumentException("the image fraction must be 0 to 1, got " + imageFraction);
    }
  }

  /** {@code count} clips of 2 seconds at 64x64 and 8 fps, seed 0, no images, no overwrite. */
  public static DatasetOptions defaults(int count, Path out) {
    return new DatasetOptions(count, out, List.of(new FrameSize(64, 64)), List.of(2.0), 8, 0, 0, false);
  }
}
