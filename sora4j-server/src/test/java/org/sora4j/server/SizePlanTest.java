package org.sora4j.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.sora4j.core.video.FrameSize;
import org.sora4j.core.video.Video;
import org.sora4j.server.media.FrameScaler;
import org.sora4j.server.media.SizePlan;

/** Sora's sizes are generated at the model's scale and the frames scaled up to them. */
class SizePlanTest {
  @Test
  void soraSizesAreGeneratedWithinTheTrainingPixelBudget() {
    assertThat(SizePlan.of(FrameSize.parse("720x1280"), 16, 64 * 64).generated()).isEqualTo(new FrameSize(48, 80));
    assertThat(SizePlan.of(FrameSize.parse("1280x720"), 16, 64 * 64).generated()).isEqualTo(new FrameSize(80, 48));
    assertThat(SizePlan.of(FrameSize.parse("1024x1792"), 16, 64 * 64).generated()).isEqualTo(new FrameSize(48, 80));
    assertThat(SizePlan.of(FrameSize.parse("64x64"), 16, 64 * 64).upscaled()).isFalse();
    assertThat(SizePlan.of(FrameSize.parse("64x64"), 16, 64 * 64).describe()).isEqualTo("generated at 64x64, not rescaled");
    assertThat(SizePlan.of(FrameSize.parse("100x100"), 16, 64 * 64).generated()).isEqualTo(new FrameSize(64, 64));
    assertThatThrownBy(() -> SizePlan.of(FrameSize.parse("8x8"), 16, 64 * 64)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> SizePlan.of(FrameSize.parse("9000x16"), 16, 64 * 64)).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void coverScalingKeepsFlatColourAndFillsTheTarget() {
    List<byte[]> frames = new ArrayList<>();
    byte[] rgb = new byte[4 * 2 * 3];
    for (int i = 0; i < rgb.length; i += 3) {
      rgb[i] = (byte) 200;
      rgb[i + 1] = 10;
      rgb[i + 2] = 90;
    }
    frames.add(rgb);
    Video scaled = FrameScaler.cover(Video.of(4, 2, 8, frames), new FrameSize(9, 16));
    assertThat(scaled.width()).isEqualTo(9);
    assertThat(scaled.height()).isEqualTo(16);
    assertThat(scaled.sample(0, 8, 15, 0)).isEqualTo(200);
    assertThat(scaled.sample(0, 0, 0, 2)).isEqualTo(90);
  }
}
