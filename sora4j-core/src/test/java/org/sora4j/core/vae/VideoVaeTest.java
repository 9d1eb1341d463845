package org.sora4j.core.vae;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.GradientCollector;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.sora4j.core.optim.AdamW;
import org.sora4j.core.vae.VaeConfig.TimeUpsampling;

class VideoVaeTest {
  private static NDManager manager;
  /**
   * One tiny model per way of handling time: upsampling by copies, depth to time, frames folded
   * into channels at both ends, and a decoder that also sees the first latent frame. Every
   * property below holds for each.
   */
  private static final Map<String, VaeConfig> CONFIGS = Map.of(
      "repeat", VaeConfig.tiny().withTimeUpsampling(TimeUpsampling.REPEAT),
      "depth", VaeConfig.tiny().withTimeUpsampling(TimeUpsampling.DEPTH_TO_TIME),
      "folded", new VaeConfig(8, List.of(16, 16, 16), 8, 4, 3, 4, 1, null, null, TimeUpsampling.DEPTH_TO_TIME, null, 4, null),
      "keyframe", VaeConfig.tiny().withTimeUpsampling(TimeUpsampling.DEPTH_TO_TIME).withKeyframeInput(true));
  private static final Map<String, VideoVae> VAES = new HashMap<>();

  @BeforeAll
  static void setUp() {
    manager = NDManager.newBaseManager();
    Engine.getInstance().setRandomSeed(7);
    for (var entry : CONFIGS.entrySet()) {
      VideoVae vae = new VideoVae(entry.getValue());
      vae.initialize(manager);
      VAES.put(entry.getKey(), vae);
    }
  }

  static Stream<String> variants() {
    return CONFIGS.keySet().stream().sorted();
  }

  @AfterAll
  static void tearDown() {
    manager.close();
  }

  static Stream<Arguments> framesAndModes() {
    return Stream.of(1, 5, 9, 17).flatMap(f -> variants().map(m -> Arguments.of(f, m)));
  }

  @ParameterizedTest
  @MethodSource("framesAndModes")
  void latentAndReconstructionShapes(int frames, String mode) {
    VideoVae vae = VAES.get(mode);
    try (NDManager m = manager.newSubManager()) {
      NDArray x = m.randomUniform(-1, 1, new Shape(2, 3, frames, 32, 48));
      LatentDistribution latent = vae.encode(x);
      assertThat(latent.mean().getShape()).isEqualTo(new Shape(2, 8, (frames - 1) / 4 + 1, 4, 6));
      assertThat(vae.decode(latent.mean()).getShape()).isEqualTo(x.getShape());
    }
  }

  @ParameterizedTest
  @MethodSource("variants")
  void changingALaterFrameNeverChangesEarlierLatents(String mode) {
    VideoVae vae = VAES.get(mode);
    try (NDManager m = manager.newSubManager()) {
      NDArray x = m.randomUniform(-1, 1, new Shape(1, 3, 13, 16, 16));
      NDArray changed = x.duplicate();
      changed.set(new ai.djl.ndarray.index.NDIndex(":, :, 9"), 0.5f);
      NDArray a = vae.encode(x).mean();
      NDArray b = vae.encode(changed).mean();
      // latent frame j covers frames up to 4j: frames 0..8 make latents 0..2
      assertThat(maxDiff(a.get(":, :, 0:3"), b.get(":, :, 0:3"))).isLessThan(1e-6f);
      assertThat(maxDiff(a.get(":, :, 3"), b.get(":, :, 3"))).isGreaterThan(1e-4f);
      // and the decoder is causal too: changing latent 2 leaves frames 0..4 alone
      NDArray z2 = a.duplicate();
      z2.set(new ai.djl.ndarray.index.NDIndex(":, :, 2"), 1f);
      assertThat(maxDiff(vae.decode(a).get(":, :, 0:5"), vae.decode(z2).get(":, :, 0:5"))).isLessThan(1e-6f);
    }
  }

  @ParameterizedTest
  @MethodSource("variants")
  void anImageEncodesLikeTheFirstFrameOfAVideo(String mode) {
    VideoVae vae = VAES.get(mode);
    try (NDManager m = manager.newSubManager()) {
      NDArray video = m.randomUniform(-1, 1, new Shape(1, 3, 9, 16, 24));
      NDArray image = video.get(":, :, 0:1");
      assertThat(maxDiff(vae.encode(image).mean(), vae.encode(video).mean().get(":, :, 0:1"))).isLessThan(1e-6f);
    }
  }

  @ParameterizedTest
  @MethodSource("variants")
  void chunkedAndWholeProcessingAgree(String mode) {
    VideoVae vae = VAES.get(mode);
    try (NDManager m = manager.newSubManager()) {
      NDArray x = m.randomUniform(-1, 1, new Shape(1, 3, 21, 16, 16));
      NDArray whole = vae.encode(x).mean();
      for (int chunk : new int[] {1, 2, 4}) {
        assertThat(maxDiff(vae.encodeChunked(x, chunk), whole)).as("encode chunk %d", chunk).isLessThan(1e-4f);
        assertThat(maxDiff(vae.decodeChunked(whole, chunk), vae.decode(whole))).as("decode chunk %d", chunk).isLessThan(1e-4f);
      }
    }
  }

  @org.junit.jupiter.api.Test
  void aFoldedEncoderRejectsALaterChunkThatWouldStartAVideo() {
    VideoVae vae = VAES.get("folded");
    try (NDManager m = manager.newSubManager();
        org.sora4j.core.nn.CausalCache cache = new org.sora4j.core.nn.CausalCache()) {
      vae.encoder().forward(m.zeros(new Shape(1, 3, 5, 16, 16)), cache);
      // 5 frames again would fold as a new video's first frame plus a group: wrong mid-video
      assertThatThrownBy(() -> vae.encoder().forward(m.zeros(new Shape(1, 3, 5, 16, 16)), cache))
          .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("a later chunk k*4");
    }
  }

  @ParameterizedTest
  @MethodSource("variants")
  void rejectsInvalidFrameCountsAndSizes(String mode) {
    VideoVae vae = VAES.get(mode);
    try (NDManager m = manager.newSubManager()) {
      assertThatThrownBy(() -> vae.encode(m.zeros(new Shape(1, 3, 6, 16, 16))))
          .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("k*4+1");
      assertThatThrownBy(() -> vae.encode(m.zeros(new Shape(1, 3, 5, 20, 16))))
          .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("multiple of");
    }
  }

  @ParameterizedTest
  @MethodSource("variants")
  void aTinyModelOverfitsOneClip(String mode) {
    try (NDManager m = manager.newSubManager()) {
      Engine.getInstance().setRandomSeed(3);
      VideoVae model = new VideoVae(CONFIGS.get(mode));
      model.initialize(m);
      // a bright square moving right over a dark background, 9 frames of 16x16
      float[] data = new float[3 * 9 * 16 * 16];
      for (int c = 0; c < 3; c++) {
        for (int t = 0; t < 9; t++) {
          for (int y = 0; y < 16; y++) {
            for (int x = 0; x < 16; x++) {
              boolean inside = y >= 5 && y < 11 && x >= t && x < t + 6;
              data[((c * 9 + t) * 16 + y) * 16 + x] = inside ? (c == 0 ? 0.9f : -0.2f) : -0.8f;
            }
          }
        }
      }
      NDArray clip = m.create(data, new Shape(1, 3, 9, 16, 16));
      AdamW optimizer = new AdamW(m, 0.9, 0.99, 1e-8, 0);
      float first = 0, last = 0;
      for (int step = 0; step < 150; step++) {
        try (ai.djl.ndarray.NDScope scope = new ai.djl.ndarray.NDScope()) {
          NDArray loss;
          try (GradientCollector gc = Engine.getInstance().newGradientCollector()) {
            loss = clip.sub(model.decode(model.encode(clip).mean())).abs().mean();
            gc.backward(loss);
          }
          optimizer.update(model.getParameters(), 2e-3, 1.0);
          float l = loss.getFloat();
          if (step == 0) {
            first = l;
          }
          last = l;
        }
      }
      assertThat(last).isLessThan(first / 5);
    }
  }

  private static float maxDiff(NDArray a, NDArray b) {
    return a.sub(b).abs().max().getFloat();
  }
}
