package org.sora4j.core.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
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
    // the first frame as an image, then the clip around it: two passes of three steps
    assertThat(steps).containsExactly(1, 2, 3, 1, 2, 3);
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
  void aClipDrawnImageFirstOpensWithTheImageOfItsSeedAndOnePassDoesNot() {
    VideoPipeline jittered = new VideoPipeline(jittered(new Denoiser(DenoiserConfig.tiny(
        pipeline.denoiser().tokenizer().vocabulary(), 8))), pipeline.vae());
    GenerateOptions imageFirst = options(7, 1);
    GenerateOptions onePass = imageFirst.withFirstFrame(GenerateOptions.FirstFrame.WITH_CLIP);
    try (NDManager m = manager.newSubManager()) {
      List<Integer> steps = new ArrayList<>();
      NDArray image = jittered.sampleLatent(imageFirst.withFrames(1), m, steps::add);
      assertThat(steps).containsExactly(1, 2, 3);
      NDArray clip = jittered.sampleLatent(imageFirst, m, s -> {});
      NDArray single = jittered.sampleLatent(onePass, m, s -> {});
      assertThat(clip.getShape()).isEqualTo(single.getShape());
      assertThat(clip.getShape().get(2)).isGreaterThan(1);
      assertThat(clip.get(":, :, 0:1").sub(image).abs().max().getFloat()).isZero();
      assertThat(single.get(":, :, 0:1").sub(image).abs().max().getFloat()).isGreaterThan(1e-3f);
      // the frames after the first are sampled, not left at the zeros that hold their place
      assertThat(clip.get(":, :, 1:").abs().mean().getFloat()).isGreaterThan(0.1f);
    }
  }

  @Test
  void zeroSecondsMakesAnImageAndBadSizesAreRefused() {
    assertThat(pipeline.generate(options(3, 0), manager, s -> {}).frameCount()).isEqualTo(1);
    assertThatThrownBy(() -> pipeline.checkSize(new FrameSize(24, 16)))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("multiple of 16");
    assertThatThrownBy(() -> pipeline.checkSize(new FrameSize(16, 100_000)))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("larger than 4096 pixels a side");
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

  @Test
  void autoguidanceAddsTheGapToTheWeakModelOnTopOfClassifierFreeGuidance() {
    List<String> vocabulary = pipeline.denoiser().tokenizer().vocabulary();
    Denoiser strongModel = jittered(new Denoiser(DenoiserConfig.tiny(vocabulary, 8)));
    Denoiser weak = jittered(new Denoiser(DenoiserConfig.tiny(vocabulary, 8)));
    VideoPipeline strong = new VideoPipeline(strongModel, pipeline.vae());
    try (NDManager m = manager.newSubManager()) {
      NDArray x = m.randomNormal(new Shape(1, 8, 2, 4, 8));
      NDArray time = m.create(new float[] {0.7f, 0.7f}, new Shape(1, 2));
      String prompt = "a red ball bounces";
      NDArray classifierFree = strong.guided(m, prompt, 4.0).velocity(x, time);
      NDArray guided = strong.withAutoGuidance(new VideoPipeline.AutoGuidance(weak, 2.0))
          .guided(m, prompt, 4.0).velocity(x, time);
      NDArray prompted = strongModel.velocity(x, time, strongModel.encodeText(m, List.of(prompt)));
      NDArray bad = weak.velocity(x, time, weak.encodeText(m, List.of(prompt)));
      NDArray expected = classifierFree.add(prompted.sub(bad).mul(2f));
      assertThat(guided.sub(expected).abs().max().getFloat()).isLessThan(1e-4f);
      assertThat(guided.sub(classifierFree).abs().max().getFloat()).isGreaterThan(1e-3f);
      // steered away from itself, or with weight 0, the model is guided as without autoguidance
      NDArray self = strong.withAutoGuidance(new VideoPipeline.AutoGuidance(strongModel, 3.0))
          .guided(m, prompt, 4.0).velocity(x, time);
      NDArray none = strong.withAutoGuidance(new VideoPipeline.AutoGuidance(weak, 0))
          .guided(m, prompt, 4.0).velocity(x, time);
      assertThat(self.sub(classifierFree).abs().max().getFloat()).isLessThan(1e-4f);
      assertThat(none.sub(classifierFree).abs().max().getFloat()).isEqualTo(0f);
    }
  }

  @Test
  void aSelfConditionedModelIsFedItsOwnLastEstimateOfTheCleanLatent() {
    List<String> vocabulary = pipeline.denoiser().tokenizer().vocabulary();
    Denoiser model = jittered(new Denoiser(DenoiserConfig.tiny(vocabulary, 8).withSelfCondition(true)));
    try (NDManager m = manager.newSubManager()) {
      NDArray x = m.randomNormal(new Shape(1, 8, 2, 4, 4));
      NDArray time = m.create(new float[] {0.6f, 0.6f}, new Shape(1, 2));
      var text = model.encodeText(m, List.of("a red ball"));
      try (SelfConditioning memory = new SelfConditioning(model)) {
        NDArray first = memory.velocity(x, time, text);
        // the first call has no estimate yet: zeros, as in training's other half
        assertThat(first.sub(model.velocity(x, null, time, text)).abs().max().getFloat()).isZero();
        NDArray estimate = x.sub(first.mul(0.6f));
        NDArray second = memory.velocity(x, time, text);
        assertThat(second.sub(model.velocity(x, estimate, time, text)).abs().max().getFloat()).isLessThan(1e-5f);
        assertThat(second.sub(first).abs().max().getFloat()).isGreaterThan(1e-4f);
      }
      // a model without the input is called as it is, every time
      try (SelfConditioning plain = new SelfConditioning(pipeline.denoiser())) {
        NDArray a = plain.velocity(x, time, text);
        assertThat(plain.velocity(x, time, text).sub(a).abs().max().getFloat()).isZero();
      }
    }
  }

  @Test
  void aSelfConditionedPipelineIsSeededAndReproducible() {
    List<String> vocabulary = pipeline.denoiser().tokenizer().vocabulary();
    Denoiser model = jittered(new Denoiser(DenoiserConfig.tiny(vocabulary, 8).withSelfCondition(true)));
    VideoPipeline selfConditioned = new VideoPipeline(model, pipeline.vae());
    GenerateOptions options = new GenerateOptions("a red ball", new FrameSize(16, 16), 0.5, 8, 4, 3.0,
        FlowSampler.named("euler"), 5);
    Video a = selfConditioned.generate(options, manager, i -> {});
    Video b = selfConditioned.generate(options, manager, i -> {});
    Video other = selfConditioned.generate(options.withSeed(6), manager, i -> {});
    assertThat(a.frame(2)).isEqualTo(b.frame(2));
    assertThat(a.frame(2)).isNotEqualTo(other.frame(2));
  }

  /** Initialised, then every weight moved a little, so that the zero-initialised output layers say something. */
  private static Denoiser jittered(Denoiser denoiser) {
    denoiser.initialize(manager);
    for (var p : denoiser.getParameters()) {
      NDArray w = p.getValue().getArray();
      w.addi(manager.randomNormal(w.getShape()).mul(0.05f));
    }
    return denoiser;
  }

  @Test
  void autoguidanceRefusesANegativeWeightAndAModelOfAnotherLatent() {
    assertThatThrownBy(() -> new VideoPipeline.AutoGuidance(pipeline.denoiser(), -1))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("0 or more");
    Denoiser other = new Denoiser(DenoiserConfig.tiny(pipeline.denoiser().tokenizer().vocabulary(), 4));
    assertThatThrownBy(() -> pipeline.withAutoGuidance(new VideoPipeline.AutoGuidance(other, 1)))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("4 latent channels");
  }
}
