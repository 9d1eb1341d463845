package org.sora4j.core.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.sora4j.core.video.Video;

class VideoMetricsTest {
  private static final int SIZE = 32;

  @Test
  void psnrFollowsTheMeanSquaredError() {
    Video clip = square(new int[] {4, 8, 12}, 100);
    assertThat(VideoMetrics.psnr(clip, clip)).isEqualTo(100);
    // every value off by 10 levels: 10 log10(255^2 / 100)
    assertThat(VideoMetrics.psnr(clip, shifted(clip, 10))).isCloseTo(28.13, within(0.01));
  }

  @Test
  void flickerIgnoresAnErrorThatStaysPutAndCountsOneThatComesAndGoes() {
    Video clip = square(new int[] {4, 8, 12}, 100);
    assertThat(VideoMetrics.flicker(clip, shifted(clip, 10))).isZero();
    List<byte[]> frames = new ArrayList<>();
    for (int f = 0; f < clip.frameCount(); f++) {
      frames.add(f == 1 ? shifted(clip, 10).frame(f) : clip.frame(f));
    }
    assertThat(VideoMetrics.flicker(clip, Video.of(SIZE, SIZE, 8, frames))).isCloseTo(10.0, within(1e-9));
  }

  @Test
  void movingPsnrSeesASmearedObjectThatTheWholeClipsPsnrHardlyNotices() {
    Video clip = square(new int[] {2, 10, 18}, 200);
    // the square drawn at the mean of its positions in every frame: a streak in place of motion
    Video smeared = square(new int[] {10, 10, 10}, 200);
    double whole = VideoMetrics.psnr(clip, smeared);
    double moving = VideoMetrics.movingPsnr(clip, smeared);
    assertThat(moving).isLessThan(whole - 5);
    assertThat(VideoMetrics.movingPsnr(clip, clip)).isEqualTo(100);
    assertThat(VideoMetrics.movingPsnr(clip, shifted(clip, 10))).isCloseTo(28.13, within(0.01));
  }

  @Test
  void stillPsnrLeavesOutWhatMoves() {
    Video clip = square(new int[] {2, 10, 18}, 200);
    // after the first frame the smear errs only where the square moves, so the rest is exact
    Video smeared = square(new int[] {10, 10, 10}, 200);
    assertThat(VideoMetrics.psnr(clip, smeared)).isLessThan(40);
    assertThat(VideoMetrics.stillPsnr(clip, smeared)).isEqualTo(100);
    assertThat(VideoMetrics.stillPsnr(clip, shifted(clip, 10))).isCloseTo(28.13, within(0.01));
    assertThat(VideoMetrics.stillPsnr(clip.slice(0, 1), clip.slice(0, 1))).isNaN();
  }

  @Test
  void movingPsnrIsUndefinedWhereNothingMoves() {
    Video still = square(new int[] {8, 8, 8}, 200);
    assertThat(VideoMetrics.movingPsnr(still, shifted(still, 10))).isNaN();
    assertThat(VideoMetrics.movingPsnr(still.slice(0, 1), still.slice(0, 1))).isNaN();
  }

  @Test
  void refusesVideosOfDifferentLengths() {
    Video clip = square(new int[] {4, 8, 12}, 100);
    assertThatThrownBy(() -> VideoMetrics.movingPsnr(clip, clip.slice(0, 2)))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("frame count");
  }

  /** A gray clip with an 8-pixel square of the given brightness at x = positions[f]. */
  private static Video square(int[] positions, int brightness) {
    List<byte[]> frames = new ArrayList<>();
    for (int x0 : positions) {
      byte[] rgb = new byte[SIZE * SIZE * 3];
      Arrays.fill(rgb, (byte) 60);
      for (int y = 12; y < 20; y++) {
        for (int x = x0; x < x0 + 8; x++) {
          Arrays.fill(rgb, (y * SIZE + x) * 3, (y * SIZE + x) * 3 + 3, (byte) brightness);
        }
      }
      frames.add(rgb);
    }
    return Video.of(SIZE, SIZE, 8, frames);
  }

  private static Video shifted(Video clip, int levels) {
    List<byte[]> frames = new ArrayList<>();
    for (int f = 0; f < clip.frameCount(); f++) {
      byte[] rgb = clip.frame(f).clone();
      for (int i = 0; i < rgb.length; i++) {
        rgb[i] = (byte) ((rgb[i] & 0xff) + levels);
      }
      frames.add(rgb);
    }
    return Video.of(SIZE, SIZE, 8, frames);
  }
}
