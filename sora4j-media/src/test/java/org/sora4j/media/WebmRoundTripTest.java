package org.sora4j.media;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Path;
import org.bytedeco.ffmpeg.avcodec.AVCodec;
import org.bytedeco.ffmpeg.global.avcodec;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sora4j.core.video.Video;

/** WebM (VP8 through libvpx) written and read back, when this FFmpeg build has libvpx. */
class WebmRoundTripTest {
  @TempDir Path dir;

  @BeforeEach
  void needsLibvpx() {
    FfmpegCalls.init();
    AVCodec vpx = avcodec.avcodec_find_encoder_by_name("libvpx");
    Assumptions.assumeTrue(vpx != null && !vpx.isNull(),
        "this FFmpeg build has no libvpx encoder, so WebM writing cannot be tested");
  }

  @Test
  void pixelsFramesAndRateSurvive() throws Exception {
    Video clip = SyntheticClips.movingGradient(64, 64, 12, 30);
    Path file = dir.resolve("clip.webm");

    WriteReport report = VideoFiles.write(clip, file);
    Video back = VideoFiles.read(file);

    assertThat(report).isEqualTo(new WriteReport(file, 64, 64, 12, 30.0, null));
    assertThat(back.frameCount()).isEqualTo(12);
    assertThat(back.fps()).isCloseTo(30, within(1e-9));
    // measured about 1.6 on this clip
    assertThat(SyntheticClips.meanAbsError(clip, back)).isLessThan(4);
  }

  @Test
  void fractionalRateSurvives() throws Exception {
    Path file = dir.resolve("ntsc.webm");
    VideoFiles.write(SyntheticClips.movingGradient(64, 64, 12, 29.97), file);

    assertThat(VideoFiles.read(file).fps()).isCloseTo(29.97, within(1e-3));
  }

  @Test
  void oddSizeNeedsNoPadding() throws Exception {
    Video clip = SyntheticClips.movingGradient(63, 45, 4, 24);
    Path file = dir.resolve("odd.webm");

    WriteReport report = VideoFiles.write(clip, file);
    Video back = VideoFiles.read(file);

    assertThat(report.adjustment()).isNull();
    assertThat(back.width()).isEqualTo(63);
    assertThat(back.height()).isEqualTo(45);
    assertThat(SyntheticClips.meanAbsError(clip, back)).isLessThan(4);
  }

  @Test
  void oneFrameWebmIsNotMistakenForATruncatedOne() throws Exception {
    Video still = SyntheticClips.movingGradient(32, 32, 1, 5);
    Path file = dir.resolve("still.webm");
    VideoFiles.write(still, file);

    Video back = VideoFiles.read(file);

    assertThat(back.frameCount()).isEqualTo(1);
    assertThat(SyntheticClips.meanAbsError(still, back)).isLessThan(4);
  }
}
