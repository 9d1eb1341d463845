package org.sora4j.train.dit;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.sora4j.core.video.FrameSize;

/**
 * One shape of training clip: clips of a bucket batch together, so a batch never mixes sizes or
 * durations, while the model still sees every size, aspect ratio and duration of the mix.
 *
 * @param size frame size in pixels
 * @param frames frames per clip, k*temporalFactor+1 (1 is an image)
 * @param weight relative share of the cache and of the training steps
 */
public record Bucket(FrameSize size, int frames, double weight) {
  public Bucket {
    if (frames < 1 || !(weight > 0 && weight < Double.POSITIVE_INFINITY)) {
      throw new IllegalArgumentException("bucket " + size + "x" + frames + ":" + weight
          + " needs at least one frame and a positive weight");
    }
  }

  /** For file names and logs: {@code 64x64x17}. */
  public String label() {
    return String.format(Locale.ROOT, "%dx%dx%d", size.width(), size.height(), frames);
  }

  /**
   * Parses a mix written as {@code WxHxFRAMES:WEIGHT,...}, e.g. {@code 64x64x17:0.9,64x64x1:0.1}.
   *
   * @throws IllegalArgumentException naming the part that is not a bucket, or a bucket given twice
   */
  public static List<Bucket> parseList(String text) {
    List<Bucket> buckets = new ArrayList<>();
    for (String part : text.split(",", -1)) {
      String[] sizeAndWeight = part.trim().split(":", -1);
      int cut = sizeAndWeight[0].lastIndexOf('x');
      if (sizeAndWeight.length != 2 || cut < 0) {
        throw notABucket(part, "");
      }
      Bucket bucket;
      try {
        bucket = new Bucket(FrameSize.parse(sizeAndWeight[0].substring(0, cut)),
            Integer.parseInt(sizeAndWeight[0].substring(cut + 1).trim()), Double.parseDouble(sizeAndWeight[1].trim()));
      } catch (NumberFormatException e) {
        throw notABucket(part, "");
      } catch (IllegalArgumentException e) {
        throw notABucket(part, " (" + e.getMessage() + ")");
      }
      if (buckets.stream().anyMatch(b -> b.label().equals(bucket.label()))) {
        throw new IllegalArgumentException("bucket " + bucket.label() + " is given twice");
      }
      buckets.add(bucket);
    }
    return List.copyOf(buckets);
  }

  private static IllegalArgumentException notABucket(String part, String why) {
    return new IllegalArgumentException("bucket '" + part.trim() + "' is not WIDTHxHEIGHTxFRAMES:WEIGHT, e.g."
        + " 64x64x17:0.9" + why);
  }

  /**
   * The world mix at 8 fps: mostly 2-second 64x64 clips (the default generation), 1-second clips,
   * single images, and landscape and portrait frames.
   */
  public static List<Bucket> worldMix() {
    List<Bucket> buckets = new ArrayList<>();
    buckets.add(new Bucket(new FrameSize(64, 64), 17, 0.45));
    buckets.add(new Bucket(new FrameSize(64, 64), 9, 0.15));
    buckets.add(new Bucket(new FrameSize(64, 64), 1, 0.1));
    buckets.add(new Bucket(new FrameSize(96, 64), 17, 0.15));
    buckets.add(new Bucket(new FrameSize(64, 96), 17, 0.15));
    return buckets;
  }
}
