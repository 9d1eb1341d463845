package org.sora4j.train.run;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.sora4j.core.video.Video;
import org.sora4j.media.VideoFiles;

/** A contact sheet: each video a row of evenly spaced frames, written as one PNG. */
public final class SampleSheet {
  private static final int GAP = 2;

  private SampleSheet() {}

  /** Writes rows of {@code columns} frames each; videos may differ in size (cells fit the largest). */
  public static void write(List<Video> rows, int columns, Path png) throws IOException {
    int cellW = rows.stream().mapToInt(Video::width).max().orElseThrow();
    int cellH = rows.stream().mapToInt(Video::height).max().orElseThrow();
    int width = columns * (cellW + GAP) - GAP;
    int height = rows.size() * (cellH + GAP) - GAP;
    byte[] sheet = new byte[width * height * 3];
    java.util.Arrays.fill(sheet, (byte) 255);
    for (int r = 0; r < rows.size(); r++) {
      Video v = rows.get(r);
      for (int c = 0; c < columns; c++) {
        int f = columns == 1 ? 0 : (int) Math.round(c * (v.frameCount() - 1) / (double) (columns - 1));
        byte[] frame = v.frame(f);
        for (int y = 0; y < v.height(); y++) {
          int dst = ((r * (cellH + GAP) + y) * width + c * (cellW + GAP)) * 3;
          System.arraycopy(frame, y * v.width() * 3, sheet, dst, v.width() * 3);
        }
      }
    }
    VideoFiles.write(Video.image(width, height, sheet), png);
  }
}
