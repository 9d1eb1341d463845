package org.sora4j.core.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.djl.ndarray.NDManager;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sora4j.core.checkpoint.ModelFolder;
import org.sora4j.core.checkpoint.StorageType;
import org.sora4j.core.diffusion.FlowSampler;
import org.sora4j.core.text.WordTokenizer;
import org.sora4j.core.vae.VaeConfig;
import org.sora4j.core.vae.VideoVae;
import org.sora4j.core.video.FrameSize;
import org.sora4j.core.video.Video;

class VideoPipelineTest {
  private static NDManager manager;
  private static VideoPipeline pipeline;

  @BeforeAll
  static void start() {
    manager = NDManager.newBaseManager();
    List<String> vocabulary = WordTokenizer.fit(List.of("a red ball bounces on the grass")).vocabulary();
    Denoiser denoiser = new Denoiser(DenoiserConfig.tiny(vocabulary, 8));
    denoiser.initialize(manager);
    VideoVae vae = new VideoVae(VaeConfig.tiny());
    vae.initialize(manager);
    pipeline = new VideoPipeline(denoiser, vae);
  }

  @AfterAll
  static void stop() {
    manager.close();
  }

  private static GenerateOptions options(long seed, double seconds) {
    return new GenerateOptions("a red ball bounces", new FrameSize(32, 16), seconds, 8, 3, 4.0,
        FlowSampler.named("euler"), seed);
  }

  @Test
  void sameSeedSameVideoAndDifferentSeedDifferentVideo() {
    List<Integer> steps = new ArrayList<>();
    Video a = pipeline.generate(options(1, 1), manager, steps::add);
    Video b = pipeline.generate(options(1, 1), manager, s -> {});
    Video c = pipeline.generate(options(2, 1), manager, s -> {});
    assertThat(steps).containsExactly(1, 2, 3);
    assertThat(a.frameCount()).isEqualTo(8);
    assertThat(a.width()).isEqualTo(32);
    assertThat(a.height()).isEqualTo(16);
    for (int f = 0; f < a.frameCount(); f++) {
      assertThat(a.frame(f)).isEqualTo(b.frame(f));
    }
    boolean differs = false;
    for (int f = 0; f < a.frameCount(); f++) {
      differs |= !java.util.Arrays.equals(a.frame(f), c.frame(f));
    }
    assertThat(differs).isTrue();
  }

  @Test
  void zeroSecondsMakesAnImageAndBadSizesAreRefused() {
    assertThat(pipeline.generate(options(3, 0), manager, s -> {}).frameCount()).isEqualTo(1);
    assertThatThrownBy(() -> pipeline.checkSize(new FrameSize(24, 16)))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("multiple of 16");
  }

  @Test
  void savedDenoiserLoadsBackToTheSameVideo(@TempDir Path dir) throws IOException {
    ModelFolder.save(dir, pipeline.denoiser().config(), pipeline.denoiser(), StorageType.F32);
    Denoiser loaded = Denoiser.load(dir, manager);
    assertThat(loaded.tokenizer().vocabulary()).isEqualTo(pipeline.denoiser().tokenizer().vocabulary());
    Video a = pipeline.generate(options(5, 0.5), manager, s -> {});
    Video b = new VideoPipeline(loaded, pipeline.vae()).generate(options(5, 0.5), manager, s -> {});
    for (int f = 0; f < a.frameCount(); f++) {
      assertThat(a.frame(f)).isEqualTo(b.frame(f));
    }
  }
}
