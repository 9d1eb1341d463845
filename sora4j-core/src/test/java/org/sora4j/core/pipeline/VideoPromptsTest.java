package org.sora4j.core.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.djl.ndarray.NDManager;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.sora4j.core.diffusion.FlowSampler;
import org.sora4j.core.text.WordTokenizer;
import org.sora4j.core.vae.VaeConfig;
import org.sora4j.core.vae.VideoVae;
import org.sora4j.core.video.FrameSize;
import org.sora4j.core.video.Video;

/** Mechanics of conditioning on a tiny untrained model: what is kept is kept, lengths add up. */
class VideoPromptsTest {
  private static NDManager manager;
  private static VideoPipeline pipeline;
  private static VideoPrompts prompts;

  @BeforeAll
  static void start() {
    manager = NDManager.newBaseManager();
    List<String> vocabulary = WordTokenizer.fit(List.of("a red ball bounces")).vocabulary();
    Denoiser denoiser = new Denoiser(DenoiserConfig.tiny(vocabulary, 8));
    denoiser.initialize(manager);
    VideoVae vae = new VideoVae(VaeConfig.tiny());
    vae.initialize(manager);
    pipeline = new VideoPipeline(denoiser, vae);
    prompts = new VideoPrompts(pipeline);
  }

  @AfterAll
  static void stop() {
    manager.close();
  }

  private static GenerateOptions options(int frames, long seed) {
    return new GenerateOptions("a red ball bounces", new FrameSize(16, 16), 1, 8, 2, 2.0, FlowSampler.named("euler"), seed)
        .withFrames(frames);
  }

  private static Video clip(int frames, long seed) {
    return pipeline.generate(options(frames, seed), manager, s -> {});
  }

  private static void assertSameFrames(Video actual, int from, Video expected) {
    for (int f = 0; f < expected.frameCount(); f++) {
      assertThat(actual.frame(from + f)).as("frame %d", from + f).isEqualTo(expected.frame(f));
    }
  }

  @Test
  void extendingKeepsTheSourceAndAddsTheFramesAsked() {
    Video source = clip(9, 1);
    Video forward = prompts.extend(source, false, options(30, 2), manager, s -> {});
    assertThat(forward.frameCount()).isEqualTo(39);
    assertSameFrames(forward, 0, source);
    Video backward = prompts.extend(source, true, options(11, 3), manager, s -> {});
    assertThat(backward.frameCount()).isEqualTo(20);
    assertSameFrames(backward, 11, source);
  }

  @Test
  void animatingKeepsTheImageAsFirstOrLastFrame() {
    Video image = clip(1, 4);
    Video start = prompts.animate(image, false, options(16, 5), manager, s -> {});
    Video end = prompts.animate(image, true, options(16, 5), manager, s -> {});
    assertThat(start.frameCount()).isEqualTo(16);
    assertThat(end.frameCount()).isEqualTo(16);
    assertSameFrames(start, 0, image);
    assertSameFrames(end, 15, image);
  }

  @Test
  void connectingKeepsBothVideosAndLoopsComeInWholeLatentSteps() {
    Video a = clip(9, 6);
    Video b = clip(9, 7);
    Video joined = prompts.connect(a, b, options(7, 8), manager, s -> {});
    assertThat(joined.frameCount()).isEqualTo(9 + 7 + 9);
    assertSameFrames(joined, 0, a);
    assertSameFrames(joined, 16, b);
    Video loop = prompts.loop(options(16, 9), manager, s -> {});
    assertThat(loop.frameCount()).isEqualTo(16);
    // (whether the wrap is as smooth as a step inside depends on a trained model: BENCHMARKS.md)
    assertThat(prompts.loop(options(5, 9), manager, s -> {}).frameCount()).as("whole latent steps").isEqualTo(8);
    assertThat(prompts.loop(options(40, 9), manager, s -> {}).frameCount()).as("past one window").isEqualTo(40);
  }

  @Test
  void longVideosGoPastOneWindow() {
    Video longer = prompts.generate(options(40, 10), manager, s -> {});
    assertThat(longer.frameCount()).isEqualTo(40);
    assertSameFrames(longer, 0, clip(17, 10));
  }

  @Test
  void editStrengthZeroGivesTheSourceAndOneIgnoresIt() {
    Video source = clip(9, 11);
    assertThat(prompts.edit(source, 0, options(9, 12), manager, s -> {})).isSameAs(source);
    Video fresh = prompts.edit(source, 1, options(9, 12), manager, s -> {});
    // at strength 1 an edit is one pass from the seed's noise, as one-pass text to video is
    assertSameFrames(fresh, 0, pipeline.generate(options(9, 12).withFirstFrame(GenerateOptions.FirstFrame.WITH_CLIP),
        manager, s -> {}));
    Video half = prompts.edit(source, 0.5, options(9, 12), manager, s -> {});
    assertThat(half.frameCount()).isEqualTo(9);
    assertThatThrownBy(() -> prompts.edit(source, 1.5, options(9, 12), manager, s -> {}))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("between 0 and 1");
    assertThatThrownBy(() -> prompts.edit(clip(1, 1).withFps(8), 0.5, options(9, 12).withSize(new FrameSize(32, 16)), manager, s -> {}))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("must match");
  }

  @Test
  void inpaintingChangesTheBoxAndKeepsTheRest() {
    Video source = clip(9, 13);
    RegionMask box = RegionMask.box(16, 16, 9, 0, 0, 8, 8, 0, 9);
    Video out = prompts.inpaint(source, box, options(9, 14), manager, s -> {});
    boolean changedInside = false;
    for (int f = 0; f < 9; f++) {
      for (int y = 0; y < 16; y++) {
        for (int x = 0; x < 16; x++) {
          for (int c = 0; c < 3; c++) {
            if (box.at(f, x, y)) {
              changedInside |= out.sample(f, x, y, c) != source.sample(f, x, y, c);
            } else {
              assertThat(out.sample(f, x, y, c)).isEqualTo(source.sample(f, x, y, c));
            }
          }
        }
      }
    }
    assertThat(changedInside).isTrue();
    assertThatThrownBy(() -> prompts.inpaint(source, RegionMask.box(16, 16, 5, 0, 0, 8, 8, 0, 5), options(9, 14), manager, s -> {}))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("the mask is 16x16x5");
    assertThatThrownBy(() -> RegionMask.box(16, 16, 9, 10, 0, 8, 8, 0, 9))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("leaves");
  }

  @Test
  void outpaintingKeepsTheSourceInTheMiddleAndBlendingMixesTwoVideos() {
    Video source = clip(5, 15);
    Video wide = prompts.outpaint(source, options(5, 16).withSize(new FrameSize(48, 32)), manager, s -> {});
    assertThatThrownBy(() -> VideoPrompts.checkOutpaintSize(source, new FrameSize(source.width(), source.height())))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("own size");
    assertThat(wide.width()).isEqualTo(48);
    assertThat(wide.height()).isEqualTo(32);
    for (int f = 0; f < 5; f++) {
      for (int y = 0; y < 16; y++) {
        for (int x = 0; x < 16; x++) {
          assertThat(wide.sample(f, 16 + x, 8 + y, 1)).isEqualTo(source.sample(f, x, y, 1));
        }
      }
    }
    Video blended = prompts.blend(clip(9, 17), clip(5, 18), 0.5, 0.7, options(9, 19), manager, s -> {});
    assertThat(blended.frameCount()).isEqualTo(5);
    assertThatThrownBy(() -> prompts.blend(source, source, 2, 0.7, options(5, 1), manager, s -> {}))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("--weight");
  }
}
