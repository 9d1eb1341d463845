package org.sora4j.core.video;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class VideoTest {
  /** Each pixel's red is its x, green its y, blue its frame. */
  private static Video gradient(int width, int height, int frames) {
    List<byte[]> all = new ArrayList<>();
    for (int f = 0; f < frames; f++) {
      byte[] rgb = new byte[width * height * 3];
      for (int y = 0; y < height; y++) {
        for (int x = 0; x < width; x++) {
          rgb[(y * width + x) * 3] = (byte) x;
          rgb[(y * width + x) * 3 + 1] = (byte) y;
          rgb[(y * width + x) * 3 + 2] = (byte) f;
        }
      }
      all.add(rgb);
    }
    return Video.of(width, height, 8, all);
  }

  @Test
  void cropKeepsTheWindowOfEveryFrame() {
    Video crop = gradient(12, 10, 3).crop(4, 2, 5, 6);
    assertThat(crop.width()).isEqualTo(5);
    assertThat(crop.height()).isEqualTo(6);
    assertThat(crop.frameCount()).isEqualTo(3);
    assertThat(crop.fps()).isEqualTo(8);
    for (int f = 0; f < 3; f++) {
      for (int y = 0; y < 6; y++) {
        for (int x = 0; x < 5; x++) {
          assertThat(crop.sample(f, x, y, 0)).isEqualTo(x + 4);
          assertThat(crop.sample(f, x, y, 1)).isEqualTo(y + 2);
          assertThat(crop.sample(f, x, y, 2)).isEqualTo(f);
        }
      }
    }
  }

  @Test
  void cropOutsideTheFrameIsRefused() {
    Video video = gradient(12, 10, 1);
    assertThatThrownBy(() -> video.crop(8, 0, 5, 4)).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("outside the 12x10 frame");
    assertThatThrownBy(() -> video.crop(-1, 0, 2, 2)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> video.crop(0, 0, 0, 2)).isInstanceOf(IllegalArgumentException.class);
  }
}
