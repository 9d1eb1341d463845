package org.sora4j.server.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.InputStream;
import org.junit.jupiter.api.Test;

class InputReferenceTest {
  @Test
  void readsAWebpReferenceAsTheApiAcceptsOne() throws IOException {
    byte[] webp;
    try (InputStream in = InputReferenceTest.class.getResourceAsStream("half-red-half-blue.webp")) {
      webp = in.readAllBytes();
    }
    BufferedImage image = InputReference.image(webp);
    assertThat(image.getWidth()).isEqualTo(24);
    assertThat(image.getHeight()).isEqualTo(16);
    assertThat(image.getRGB(2, 8) & 0xffffff).isEqualTo(0xff0000);
    assertThat(image.getRGB(20, 8) & 0xffffff).isEqualTo(0x0000ff);
  }

  @Test
  void refusesBytesThatAreNoImageWithA400NamingTheFormats() {
    assertThatThrownBy(() -> InputReference.image(new byte[] {'R', 'I', 'F', 'F', 0, 0, 0, 0, 'W', 'E', 'B', 'P'}))
        .isInstanceOf(ApiError.class)
        .satisfies(e -> assertThat(((ApiError) e).status()).isEqualTo(400));
    assertThatThrownBy(() -> InputReference.image(new byte[100]))
        .isInstanceOf(ApiError.class).hasMessageContaining("WebP");
  }
}
