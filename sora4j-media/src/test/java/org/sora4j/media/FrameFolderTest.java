package org.sora4j.media;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sora4j.core.video.Video;

/** Videos kept as folders of numbered PNG (or JPEG) frames. */
class FrameFolderTest {
  @TempDir Path dir;

  @Test
  void pathWithoutExtensionWritesNumberedPngsThatReadBackExactly() throws Exception {
    Video clip = SyntheticClips.movingGradient(20, 12, 4, 8);
    Path folder = dir.resolve("frames");

    WriteReport report = VideoFiles.write(clip, folder);

    assertThat(report).isEqualTo(new WriteReport(folder, 20, 12, 4, 8.0, null));
    assertThat(names(folder)).containsExactly(
        "fps.txt", "frame_00000.png", "frame_00001.png", "frame_00002.png", "frame_00003.png");
    Video back = VideoFiles.readFrames(folder, 8);
    assertThat(back.fps()).isEqualTo(8);
    assertThat(SyntheticClips.meanAbsError(clip, back)).isZero();
  }

  @Test
  void aWrittenFolderReadsBackAtItsOwnRate() throws Exception {
    // a folder read at a guessed rate would make the judge misread speeds (9x the acceleration at 24 for 8)
    Path folder = dir.resolve("frames");
    VideoFiles.write(SyntheticClips.movingGradient(8, 8, 2, 8), folder);

    Video back = VideoFiles.read(folder);

    assertThat(back.frameCount()).isEqualTo(2);
    assertThat(back.fps()).isEqualTo(8);
  }

  @Test
  void aFolderWithoutARateFileUsesTheDefaultRate() throws Exception {
    Path folder = dir.resolve("frames");
    VideoFiles.write(SyntheticClips.movingGradient(8, 8, 2, 8), folder);
    Files.delete(folder.resolve("fps.txt"));

    assertThat(VideoFiles.read(folder).fps()).isEqualTo(VideoFiles.DEFAULT_FPS);
  }

  @Test
  void aRateFileThatIsNotAPositiveNumberIsNamedInTheError() throws Exception {
    Path folder = dir.resolve("frames");
    VideoFiles.write(SyntheticClips.movingGradient(8, 8, 2, 8), folder);
    Files.writeString(folder.resolve("fps.txt"), "fast");

    assertThatThrownBy(() -> VideoFiles.read(folder))
        .isInstanceOf(IOException.class)
        .hasMessageContaining("fps.txt")
        .hasMessageContaining("'fast'");
  }

  @Test
  void rewritingWithFewerFramesLeavesNoStaleFrames() throws Exception {
    Path folder = dir.resolve("frames");
    VideoFiles.write(SyntheticClips.movingGradient(8, 8, 5, 8), folder);
    Files.writeString(folder.resolve("notes.txt"), "kept");

    VideoFiles.write(SyntheticClips.movingGradient(8, 8, 2, 8), folder);

    assertThat(names(folder)).containsExactly("fps.txt", "frame_00000.png", "frame_00001.png", "notes.txt");
    assertThat(VideoFiles.readFrames(folder, 8).frameCount()).isEqualTo(2);
  }

  @Test
  void framesAreOrderedByNumberNotByText() throws Exception {
    Path folder = Files.createDirectory(dir.resolve("loose"));
    // unpadded numbers: text order would put 10 before 2; each frame is one flat grey
    for (int i : new int[] {10, 2, 1}) {
      byte[] rgb = new byte[4 * 4 * 3];
      java.util.Arrays.fill(rgb, (byte) (i * 20));
      ImageIO.write(StillImages.toImage(rgb, 4, 4), "png", folder.resolve("f" + i + ".png").toFile());
    }
    Files.writeString(folder.resolve("readme.md"), "not a frame");

    Video back = VideoFiles.readFrames(folder, 12);

    assertThat(back.frameCount()).isEqualTo(3);
    assertThat(List.of(back.sample(0, 0, 0, 0), back.sample(1, 0, 0, 0), back.sample(2, 0, 0, 0)))
        .containsExactly(20, 40, 200);
  }

  @Test
  void jpegFramesAreReadToo() throws Exception {
    Path folder = Files.createDirectory(dir.resolve("jpegs"));
    Video clip = SyntheticClips.movingGradient(48, 32, 2, 8);
    for (int i = 0; i < 2; i++) {
      ImageIO.write(StillImages.toImage(clip.frame(i), 48, 32), "jpeg",
          folder.resolve("img" + i + ".jpeg").toFile());
    }

    Video back = VideoFiles.readFrames(folder, 8);

    assertThat(back.frameCount()).isEqualTo(2);
    // ImageIO's default JPEG quality; measured about 4.7, a channel mix-up gives tens
    assertThat(SyntheticClips.meanAbsError(clip, back)).isLessThan(8);
  }

  @Test
  void framesOfDifferentSizesAreRefusedNamingTheOddOne() throws Exception {
    Path folder = dir.resolve("mixed");
    VideoFiles.write(SyntheticClips.movingGradient(8, 8, 2, 8), folder);
    Path odd = folder.resolve("frame_00002.png");
    VideoFiles.write(SyntheticClips.movingGradient(9, 8, 1, 8), odd);

    assertThatThrownBy(() -> VideoFiles.readFrames(folder, 8))
        .isInstanceOf(IOException.class)
        .hasMessageContaining(odd.toString())
        .hasMessageContaining("9x8")
        .hasMessageContaining("8x8");
  }

  @Test
  void folderWithoutFramesIsRefused() throws Exception {
    Path folder = Files.createDirectory(dir.resolve("empty"));
    Files.writeString(folder.resolve("readme.txt"), "nothing here");

    assertThatThrownBy(() -> VideoFiles.read(folder))
        .isInstanceOf(IOException.class)
        .hasMessageContaining(folder.toString())
        .hasMessageContaining("no PNG or JPEG frames");
  }

  @Test
  void missingFolderAndBadRateAreRefused() {
    Path missing = dir.resolve("nowhere");

    assertThatThrownBy(() -> VideoFiles.readFrames(missing, 8))
        .isInstanceOf(IOException.class)
        .hasMessageContaining(missing.toString());
    assertThatThrownBy(() -> VideoFiles.readFrames(dir, 0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("fps");
    assertThatThrownBy(() -> VideoFiles.readFrames(dir, Double.NaN))
        .isInstanceOf(IllegalArgumentException.class);
  }

  private static List<String> names(Path folder) throws IOException {
    try (Stream<Path> files = Files.list(folder)) {
      return files.map(p -> p.getFileName().toString()).sorted().toList();
    }
  }
}
