package org.sora4j.core.vae;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.sora4j.core.video.Video;

class LatentStatsTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static NDManager manager;
  private static VideoVae vae;

  @BeforeAll
  static void setUp() {
    manager = NDManager.newBaseManager();
    Engine.getInstance().setRandomSeed(11);
    vae = new VideoVae(VaeConfig.tiny());
    vae.initialize(manager);
  }

  @AfterAll
  static void tearDown() {
    manager.close();
  }

  /** Clips of random pixels: enough to give each channel of an untrained encoder its own spread. */
  private static List<Video> clips(int count) {
    SplittableRandom rng = new java.util.SplittableRandom(5);
    List<Video> clips = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      List<byte[]> frames = new ArrayList<>();
      for (int f = 0; f < 5; f++) {
        byte[] frame = new byte[16 * 16 * 3];
        for (int p = 0; p < frame.length; p++) {
          frame[p] = (byte) rng.nextInt(256);
        }
        frames.add(frame);
      }
      clips.add(Video.of(16, 16, 8, frames));
    }
    return clips;
  }

  @Test
  void configsWithOneScaleStillLoadAndPerChannelOnesRoundTrip() throws Exception {
    String old = JSON.writeValueAsString(VaeConfig.tiny()).replace("[1.0]", "0.25").replace("[0.0]", "-0.5");
    assertThat(old).contains("\"latentScale\":0.25");
    VaeConfig read = JSON.readValue(old, VaeConfig.class);
    assertThat(read.latentScale()).containsExactly(0.25);
    assertThat(read.latentShift()).containsExactly(-0.5);
    assertThat(read.perChannelStats()).isFalse();

    List<Double> scales = List.of(1.0, 2.0, 3.0, 4.0, 5.0, 6.0, 7.0, 8.0);
    VaeConfig perChannel = read.withLatentStats(scales, List.of(0.0));
    assertThat(JSON.readValue(JSON.writeValueAsString(perChannel), VaeConfig.class)).isEqualTo(perChannel);
    assertThat(perChannel.perChannelStats()).isTrue();
  }

  @Test
  void aScaleForEachChannelMustMatchTheChannels() {
    String three = "\"latentScale\":[1.0,2.0,3.0]";
    assertThatThrownBy(() -> JSON.readValue(
        JSON.writeValueAsString(VaeConfig.tiny()).replace("\"latentScale\":[1.0]", three), VaeConfig.class))
        .isInstanceOf(ValueInstantiationException.class)
        .hasMessageContaining("need 1 or 8 values");
    assertThatThrownBy(() -> VaeConfig.tiny().withLatentStats(List.of(0.0), List.of(0.0)))
        .hasMessageContaining("positive");
  }

  @Test
  void perChannelStatisticsGiveEachChannelZeroMeanAndUnitSpread() {
    List<Video> clips = clips(6);
    LatentStats stats = LatentStats.measure(vae, clips, manager);
    assertThat(stats.stds()).hasSize(8);
    // the raw channels differ, or there would be nothing to correct
    double spread = stats.stds().stream().mapToDouble(Double::doubleValue).max().orElseThrow()
        / stats.stds().stream().mapToDouble(Double::doubleValue).min().orElseThrow();
    assertThat(spread).isGreaterThan(1.2);

    // the statistics live in the config alone: a model of it needs no weights to rescale latents
    VideoVae normalised = new VideoVae(stats.applyTo(vae.config(), true));
    try (NDManager m = manager.newSubManager()) {
      NDArray z = normalised.toDiffusion(latents(m, clips));
      NDArray byChannel = z.transpose(1, 0, 2, 3, 4).reshape(8, -1);
      float[] means = byChannel.mean(new int[] {1}).toFloatArray();
      NDArray centred = byChannel.sub(byChannel.mean(new int[] {1}, true));
      float[] stds = centred.square().mean(new int[] {1}).sqrt().toFloatArray();
      for (int c = 0; c < 8; c++) {
        assertThat(means[c]).isCloseTo(0f, within(1e-3f));
        assertThat(stds[c]).isCloseTo(1f, within(1e-3f));
      }
      assertThat(normalised.fromDiffusion(z).sub(latents(m, clips)).abs().max().getFloat()).isLessThan(1e-4f);
    }
  }

  @Test
  void pooledStatisticsAreThoseOfAllValues() {
    List<Video> clips = clips(4);
    LatentStats stats = LatentStats.measure(vae, clips, manager);
    try (NDManager m = manager.newSubManager()) {
      NDArray z = latents(m, clips);
      double mean = z.mean().getFloat();
      double std = Math.sqrt(z.sub(mean).square().mean().getFloat());
      assertThat(stats.pooledMean()).isCloseTo(mean, within(1e-4));
      assertThat(stats.pooledStd()).isCloseTo(std, within(1e-4 * std));
      VaeConfig pooled = stats.applyTo(vae.config(), false);
      assertThat(pooled.perChannelStats()).isFalse();
      assertThat(pooled.latentScale().get(0)).isCloseTo(1 / std, within(1e-4 / std));
    }
  }

  private static NDArray latents(NDManager m, List<Video> clips) {
    List<NDArray> zs = new ArrayList<>();
    for (Video clip : clips) {
      zs.add(vae.encodeChunked(VideoTensors.toTensor(m, clip), VideoVae.DEFAULT_CHUNK_LATENT_FRAMES));
    }
    return NDArrays.concat(new NDList(zs), 0);
  }
}
