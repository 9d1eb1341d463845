package org.sora4j.media;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sora4j.core.video.Video;

/** What an MP4 looks like on disk: padded sizes H.264 needs, and the index before the data. */
class Mp4LayoutTest {
  @TempDir Path dir;

  @Test
  void oddSizeIsPaddedToEvenAndReported() throws Exception {
    Video clip = SyntheticClips.movingGradient(63, 45, 6, 24);
    Path file = dir.resolve("odd.mp4");

    WriteReport report = VideoFiles.write(clip, file);
    Video back = VideoFiles.read(file);

    assertThat(report.width()).isEqualTo(64);
    assertThat(report.height()).isEqualTo(46);
    assertThat(report.adjustment()).contains("padded 63x45 to 64x46").contains("even");
    // reading returns the stored size; the original picture sits in its top-left corner
    assertThat(back.width()).isEqualTo(64);
    assertThat(back.height()).isEqualTo(46);
    assertThat(SyntheticClips.meanAbsError(clip, SyntheticClips.cropped(back, 63, 45)))
        .isLessThan(4);
  }

  @Test
  void paddingRepeatsTheEdgeRatherThanAddingABorder() throws Exception {
    Video clip = SyntheticClips.movingGradient(63, 45, 2, 24);
    Path file = dir.resolve("edge.mp4");
    VideoFiles.write(clip, file);
    Video back = VideoFiles.read(file);

    // the added last column and row look like the original edge, not black
    double column = 0;
    double row = 0;
    for (int c = 0; c < 3; c++) {
      for (int y = 0; y < 45; y++) {
        column += Math.abs(back.sample(0, 63, y, c) - clip.sample(0, 62, y, c));
      }
      for (int x = 0; x < 63; x++) {
        row += Math.abs(back.sample(0, x, 45, c) - clip.sample(0, x, 44, c));
      }
    }
    assertThat(column / (3 * 45)).isLessThan(8);
    assertThat(row / (3 * 63)).isLessThan(8);
  }

  @Test
  void edgePaddingCopiesLastColumnAndRowExactly() {
    byte[] rgb = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12}; // 2x2
    byte[] padded = EdgePadding.pad(rgb, 2, 2, 3, 3);
    assertThat(padded).containsExactly(
        1, 2, 3, 4, 5, 6, 4, 5, 6,
        7, 8, 9, 10, 11, 12, 10, 11, 12,
        7, 8, 9, 10, 11, 12, 10, 11, 12);
  }

  @Test
  void tinyVideoIsPaddedToTheEncodersSmallestSize() throws Exception {
    Video clip = SyntheticClips.movingGradient(5, 7, 3, 24);
    Path file = dir.resolve("tiny.mp4");

    WriteReport report = VideoFiles.write(clip, file);

    assertThat(report.width()).isEqualTo(16);
    assertThat(report.height()).isEqualTo(16);
    assertThat(report.adjustment()).contains("padded 5x7 to 16x16");
    Video back = VideoFiles.read(file);
    assertThat(back.frameCount()).isEqualTo(3);
    assertThat(back.width()).isEqualTo(16);
  }

  @Test
  void indexPrecedesDataForStreaming() throws Exception {
    Path file = dir.resolve("fast.mp4");
    VideoFiles.write(SyntheticClips.movingGradient(64, 64, 12, 24), file);

    List<String> atoms = topLevelAtoms(file);

    assertThat(atoms).contains("ftyp", "moov", "mdat");
    assertThat(atoms.get(0)).isEqualTo("ftyp");
    assertThat(atoms.indexOf("moov")).isLessThan(atoms.indexOf("mdat"));
  }

  /** The types of the top-level boxes of an ISO media file, in file order. */
  private static List<String> topLevelAtoms(Path file) throws IOException {
    ByteBuffer bytes = ByteBuffer.wrap(Files.readAllBytes(file));
    List<String> types = new ArrayList<>();
    long offset = 0;
    while (offset + 8 <= bytes.limit()) {
      long size = Integer.toUnsignedLong(bytes.getInt((int) offset));
      byte[] type = new byte[4];
      bytes.get((int) offset + 4, type);
      types.add(new String(type, StandardCharsets.ISO_8859_1));
      if (size == 1) {
        size = bytes.getLong((int) offset + 8); // 64-bit size follows the type
      } else if (size == 0) {
        break; // box runs to the end of the file
      }
      assertThat(size).as("box size at %d", offset).isGreaterThanOrEqualTo(8);
      offset += size;
    }
    assertThat(offset).as("boxes end at the file end").isEqualTo(bytes.limit());
    return types;
  }
}
