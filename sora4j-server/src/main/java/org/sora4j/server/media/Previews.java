package org.sora4j.server.media;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import javax.imageio.ImageIO;
import org.sora4j.core.video.FrameSize;
import org.sora4j.core.video.Video;

/**
 * The still images the API serves next to a video: a thumbnail (the middle frame, PNG) and a
 * spritesheet (a grid of evenly spaced frames, JPEG).
 */
public final class Previews {
  /** Frames across and down a spritesheet. */
  static final int SHEET_COLUMNS = 4;
  static final int SHEET_ROWS = 4;
  /** Width of one spritesheet cell: sheets stay small whatever the video size. */
  static final int CELL_WIDTH = 160;

  private Previews() {}

  /** Writes the middle frame as a PNG. */
  public static void writeThumbnail(Video video, Path png) throws IOException {
    ImageIO.write(image(video, video.frameCount() / 2), "png", png.toFile());
  }

  /** Writes up to 16 evenly spaced frames, left to right and top to bottom, as a JPEG. */
  public static void writeSpritesheet(Video video, Path jpeg) throws IOException {
    int cells = Math.min(SHEET_COLUMNS * SHEET_ROWS, video.frameCount());
    int columns = Math.min(SHEET_COLUMNS, cells);
    int rows = (cells + columns - 1) / columns;
    int cellW = Math.min(CELL_WIDTH, video.width());
    int cellH = Math.max(1, (int) Math.round(cellW * video.height() / (double) video.width()));
    Video small = FrameScaler.cover(video, new FrameSize(cellW, cellH));
    BufferedImage sheet = new BufferedImage(columns * cellW, rows * cellH, BufferedImage.TYPE_INT_RGB);
    java.awt.Graphics2D g = sheet.createGraphics();
    for (int i = 0; i < cells; i++) {
      int frame = (int) ((long) i * video.frameCount() / cells);
      BufferedImage cell = image(small, frame);
      g.drawImage(cell, (i % columns) * cellW, (i / columns) * cellH, null);
    }
    g.dispose();
    ImageIO.write(sheet, "jpg", jpeg.toFile());
  }

  /** One frame as an image. */
  public static BufferedImage image(Video video, int index) {
    byte[] rgb = video.frame(index);
    BufferedImage image = new BufferedImage(video.width(), video.height(), BufferedImage.TYPE_INT_RGB);
    int[] pixels = new int[video.width() * video.height()];
    for (int p = 0; p < pixels.length; p++) {
      pixels[p] = (rgb[p * 3] & 0xff) << 16 | (rgb[p * 3 + 1] & 0xff) << 8 | (rgb[p * 3 + 2] & 0xff);
    }
    image.setRGB(0, 0, video.width(), video.height(), pixels, 0, video.width());
    return image;
  }

  /** An image as a 1-frame video. */
  public static Video video(BufferedImage image, double fps) {
    int w = image.getWidth();
    int h = image.getHeight();
    int[] pixels = image.getRGB(0, 0, w, h, null, 0, w);
    byte[] rgb = new byte[w * h * 3];
    for (int p = 0; p < pixels.length; p++) {
      rgb[p * 3] = (byte) (pixels[p] >> 16);
      rgb[p * 3 + 1] = (byte) (pixels[p] >> 8);
      rgb[p * 3 + 2] = (byte) pixels[p];
    }
    return Video.of(w, h, fps, java.util.List.of(rgb));
  }
}
