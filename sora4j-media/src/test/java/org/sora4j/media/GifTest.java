package org.sora4j.media;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sora4j.core.video.Video;

/** Animated GIFs written by ImageIO and read back through FFmpeg. */
class GifTest {
  @TempDir Path dir;

  @Test
  void framesRateAndColoursSurvive() throws Exception {
    Video clip = SyntheticClips.movingGradient(64, 64, 12, 20);
    Path file = dir.resolve("clip.gif");

    WriteReport report = VideoFiles.write(clip, file);
    Video back = VideoFiles.read(file);

    // 20 fps is a 5/100 s delay, which GIF stores exactly
    assertThat(report).isEqualTo(new WriteReport(file, 64, 64, 12, 20.0, null));
    assertThat(back.frameCount()).isEqualTo(12);
    assertThat(back.width()).isEqualTo(64);
    assertThat(back.height()).isEqualTo(64);
    assertThat(back.fps()).isCloseTo(20, within(1e-6));
    // a 256-colour palette per frame; measured about 2.5 on this clip
    assertThat(SyntheticClips.meanAbsError(clip, back)).isLessThan(5);
  }

  @Test
  void rateGifCannotHoldIsRoundedAndReported() throws Exception {
    Path file = dir.resolve("film.gif");

    WriteReport report = VideoFiles.write(SyntheticClips.movingGradient(32, 32, 6, 24), file);
    Video back = VideoFiles.read(file);

    // 1/24 s rounds to a 4/100 s delay, i.e. 25 fps
    assertThat(report.fps()).isCloseTo(25, within(1e-9));
    assertThat(report.adjustment()).contains("1/100 s").contains("24.0").contains("25.0");
    assertThat(back.fps()).isCloseTo(report.fps(), within(1e-6));
  }

  @Test
  void loopsForever() throws Exception {
    Path file = dir.resolve("loop.gif");
    VideoFiles.write(SyntheticClips.movingGradient(16, 16, 3, 10), file);

    String bytes = new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1);

    // NETSCAPE2.0 block: sub-block 1, loop count 0 (little-endian) = forever
    assertThat(bytes).contains("NETSCAPE2.0\u0003\u0001\u0000\u0000");
  }

  @Test
  void oneFrameGifReadsAsOneFrame() throws Exception {
    Video still = SyntheticClips.movingGradient(40, 30, 1, 10);
    Path file = dir.resolve("still.gif");
    VideoFiles.write(still, file);

    Video back = VideoFiles.read(file);

    assertThat(back.frameCount()).isEqualTo(1);
    assertThat(SyntheticClips.meanAbsError(still, back)).isLessThan(5);
  }
}
