package org.sora4j.media;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.awt.image.BufferedImage;
import java.nio.file.Path;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sora4j.core.video.Video;

/** Single pictures: PNG written and read losslessly, JPEG read. */
class StillImagesTest {
  @TempDir Path dir;

  @Test
  void pngRoundTripIsExact() throws Exception {
    Video still = SyntheticClips.movingGradient(37, 23, 1, 24);
    Path file = dir.resolve("still.png");

    WriteReport report = VideoFiles.write(still, file);
    Video back = VideoFiles.read(file);

    assertThat(report).isEqualTo(new WriteReport(file, 37, 23, 1, 24.0, null));
    assertThat(back.width()).isEqualTo(37);
    assertThat(back.height()).isEqualTo(23);
    assertThat(back.frameCount()).isEqualTo(1);
    assertThat(back.frame(0)).isEqualTo(still.frame(0));
    assertThat(back.fps()).isEqualTo(VideoFiles.DEFAULT_FPS);
  }

  @Test
  void jpegWrittenByImageIoReadsClose() throws Exception {
    Video still = SyntheticClips.movingGradient(48, 32, 1, 24);
    BufferedImage image = StillImages.toImage(still.frame(0), 48, 32);
    Path file = dir.resolve("photo.JPG");
    assertThat(ImageIO.write(image, "jpeg", file.toFile())).isTrue();

    Video back = VideoFiles.read(file);

    assertThat(back.width()).isEqualTo(48);
    assertThat(back.height()).isEqualTo(32);
    assertThat(back.frameCount()).isEqualTo(1);
    // ImageIO's default JPEG quality; measured about 4.3, a channel mix-up gives tens
    assertThat(SyntheticClips.meanAbsError(still, back)).isLessThan(8);
  }

  @Test
  void pngWithAlphaLosesOnlyTheAlpha() throws Exception {
    BufferedImage image = new BufferedImage(2, 1, BufferedImage.TYPE_INT_ARGB);
    image.setRGB(0, 0, 0x80ff0000);
    image.setRGB(1, 0, 0xff00ff00);
    Path file = dir.resolve("alpha.png");
    ImageIO.write(image, "png", file.toFile());

    Video back = VideoFiles.read(file);

    assertThat(back.frame(0)).containsExactly(0xff, 0, 0, 0, 0xff, 0);
  }

  @Test
  void multiFrameVideoToPngIsRefusedAndNothingIsWritten() {
    Path file = dir.resolve("many.png");

    assertThatThrownBy(() -> VideoFiles.write(SyntheticClips.movingGradient(8, 8, 3, 24), file))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining(file.toString())
        .hasMessageContaining("3");
    assertThat(file).doesNotExist();
  }
}
