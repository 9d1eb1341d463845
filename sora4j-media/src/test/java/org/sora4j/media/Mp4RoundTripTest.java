package org.sora4j.media;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.sora4j.core.video.Video;

/** MP4 (H.264) written and read back: pixels, frame count and frame rate survive. */
class Mp4RoundTripTest {
  /** Mean abs error per channel; measured about 1.9 on this clip, so 4 leaves room for builds. */
  private static final double TOLERANCE = 4;

  @TempDir Path dir;

  @Test
  void pixelsSurviveWithinCodecTolerance() throws Exception {
    Video clip = SyntheticClips.movingGradient(64, 64, 12, 24);
    Path file = dir.resolve("clip.mp4");

    WriteReport report = VideoFiles.write(clip, file);
    Video back = VideoFiles.read(file);

    assertThat(report).isEqualTo(new WriteReport(file, 64, 64, 12, 24.0, null));
    assertThat(back.width()).isEqualTo(64);
    assertThat(back.height()).isEqualTo(64);
    assertThat(back.frameCount()).isEqualTo(12);
    assertThat(SyntheticClips.meanAbsError(clip, back)).isLessThan(TOLERANCE);
    assertThat(SyntheticClips.worstFrameError(clip, back)).isLessThan(2 * TOLERANCE);
  }

  @Test
  void framesComeBackInOrder() throws Exception {
    Video clip = SyntheticClips.movingGradient(64, 64, 12, 24);
    Path file = dir.resolve("order.mp4");
    VideoFiles.write(clip, file);
    Video back = VideoFiles.read(file);

    // each decoded frame is nearer its own source frame than the source frames either side
    for (int f = 1; f < 11; f++) {
      double own = SyntheticClips.meanAbsError(clip.slice(f, f + 1), back.slice(f, f + 1));
      assertThat(own)
          .isLessThan(SyntheticClips.meanAbsError(clip.slice(f - 1, f), back.slice(f, f + 1)))
          .isLessThan(SyntheticClips.meanAbsError(clip.slice(f + 1, f + 2), back.slice(f, f + 1)));
    }
  }

  @ParameterizedTest
  @ValueSource(doubles = {8, 12, 24, 30, 29.97, 23.976, 12.5})
  void frameRateRoundTrips(double fps) throws Exception {
    Video clip = SyntheticClips.movingGradient(64, 64, 12, fps);
    Path file = dir.resolve("rate.mp4");

    WriteReport report = VideoFiles.write(clip, file);
    Video back = VideoFiles.read(file);

    // 29.97 is stored as 30000/1001, so allow what that rational differs by
    assertThat(report.fps()).isCloseTo(fps, within(1e-3));
    assertThat(back.fps()).isCloseTo(fps, within(1e-3));
    assertThat(back.fps()).isCloseTo(report.fps(), within(1e-9));
    assertThat(back.frameCount()).isEqualTo(12);
    assertThat(back.seconds()).isCloseTo(12 / fps, within(1e-3));
  }

  @Test
  void oneFrameVideoWritesAndReadsBack() throws Exception {
    Video still = SyntheticClips.movingGradient(64, 64, 1, 24);
    Path file = dir.resolve("still.mp4");

    WriteReport report = VideoFiles.write(still, file);
    Video back = VideoFiles.read(file);

    assertThat(report.frames()).isEqualTo(1);
    assertThat(back.frameCount()).isEqualTo(1);
    assertThat(back.fps()).isCloseTo(24, within(1e-9));
    assertThat(SyntheticClips.meanAbsError(still, back)).isLessThan(TOLERANCE);
  }

  @Test
  void namesFfmpegCouldTakeForProtocolsOrOptionsStillWork() throws Exception {
    Video clip = SyntheticClips.movingGradient(32, 32, 3, 24);
    Path file = dir.resolve("pipe:1 with space, ünïcode.mp4");

    VideoFiles.write(clip, file);

    assertThat(file).isRegularFile();
    assertThat(VideoFiles.read(file).frameCount()).isEqualTo(3);
  }

  @Test
  void contentDecidesTheReaderNotTheExtension() throws Exception {
    Video clip = SyntheticClips.movingGradient(32, 32, 4, 12);
    Path mp4 = dir.resolve("clip.mp4");
    VideoFiles.write(clip, mp4);
    Path mov = java.nio.file.Files.copy(mp4, dir.resolve("clip.mov"));

    Video back = VideoFiles.read(mov);

    assertThat(back.frameCount()).isEqualTo(4);
    assertThat(back.fps()).isCloseTo(12, within(1e-9));
  }
}
