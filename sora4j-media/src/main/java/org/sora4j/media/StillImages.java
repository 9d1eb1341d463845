package org.sora4j.media;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javax.imageio.ImageIO;
import org.sora4j.core.video.Video;

/**
 * PNG and JPEG through javax.imageio: well-kept, lossless for PNG, and simpler than FFmpeg for one
 * picture.
 */
final class StillImages {
  private StillImages() {}

  /** Reads a PNG or JPEG as a packed RGB image; alpha is dropped. */
  static byte[] readRgb(Path path, int[] sizeOut) throws IOException {
    FileProblems.requireReadableFile(path);
    BufferedImage image;
    try {
      image = ImageIO.read(path.toFile());
    } catch (IOException | RuntimeException e) {
      throw new IOException(path + ": not a readable image (" + e.getMessage() + ")", e);
    }
    if (image == null) {
      throw new IOException(path + ": not a PNG or JPEG image ImageIO can read");
    }
    sizeOut[0] = image.getWidth();
    sizeOut[1] = image.getHeight();
    return toRgb(image);
  }

  /** Reads one image file as a 1-frame video at {@code fps}. */
  static Video read(Path path, double fps) throws IOException {
    int[] size = new int[2];
    byte[] rgb = readRgb(path, size);
    return Video.of(size[0], size[1], fps, List.of(rgb));
  }

  /** Writes one packed RGB frame as a PNG. */
  static void writePng(byte[] rgb, int width, int height, Path path) throws IOException {
    BufferedImage image = toImage(rgb, width, height);
    boolean written;
    try (var out = Files.newOutputStream(path)) {
      written = ImageIO.write(image, "png", out);
    } catch (IOException e) {
      throw FileProblems.wrap(path, "write PNG", e);
    }
    if (!written) {
      throw new IOException(path + ": this Java runtime has no PNG writer");
    }
  }

  /** Packed RGB as a TYPE_INT_RGB image. */
  static BufferedImage toImage(byte[] rgb, int width, int height) {
    BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
    int[] pixels = new int[width * height];
    for (int i = 0; i < pixels.length; i++) {
      pixels[i] = (rgb[3 * i] & 0xff) << 16 | (rgb[3 * i + 1] & 0xff) << 8 | (rgb[3 * i + 2] & 0xff);
    }
    image.setRGB(0, 0, width, height, pixels, 0, width);
    return image;
  }

  /** Any image as packed RGB. */
  static byte[] toRgb(BufferedImage image) {
    int width = image.getWidth();
    int height = image.getHeight();
    int[] pixels = image.getRGB(0, 0, width, height, null, 0, width);
    byte[] rgb = new byte[width * height * 3];
    for (int i = 0; i < pixels.length; i++) {
      rgb[3 * i] = (byte) (pixels[i] >> 16);
      rgb[3 * i + 1] = (byte) (pixels[i] >> 8);
      rgb[3 * i + 2] = (byte) pixels[i];
    }
    return rgb;
  }
}
