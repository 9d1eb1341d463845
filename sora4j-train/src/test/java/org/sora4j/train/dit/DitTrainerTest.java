package org.sora4j.train.dit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sora4j.core.checkpoint.ModelFolder;
import org.sora4j.core.checkpoint.SafeTensors;
import org.sora4j.core.pipeline.Denoiser;
import org.sora4j.core.pipeline.DenoiserConfig;
import org.sora4j.core.vae.VaeConfig;
import org.sora4j.core.video.FrameSize;
import org.sora4j.train.run.LiveArrays;
import org.sora4j.train.run.ResumeCheck;

class DitTrainerTest {
  /** Hears nothing but the notes, which it keeps. */
  private static class Notes implements DitTrainer.Listener {
    final List<String> notes = new ArrayList<>();

    @Override
    public void caching(int done, int total) {}

    @Override
    public void note(String message) {
      notes.add(message);
    }

    @Override
    public void started(long step, long steps, String data, long parameters) {}

    @Override
    public void step(long step, double loss, double samplesPerSecond) {}

    @Override
    public void checkpoint(long step, Path dir, double sampleScore) {}
  }

  private static final DitTrainer.Listener QUIET = new Notes();

  private static DitTrainOptions options(Path out, Path vae, int steps, boolean resume) {
    return options(out, vae, steps, resume, null, 0);
  }

  private static DitTrainOptions options(Path out, Path vae, int steps, boolean resume, Path init, int patch) {
    return options(out, vae, steps, resume, init, patch, 0);
  }

  private static DitTrainOptions options(Path out, Path vae, int steps, boolean resume, Path init, int patch,
      int depth) {
    return options(out, vae, steps, resume, init, patch, depth, false);
  }

  private static DitTrainOptions options(Path out, Path vae, int steps, boolean resume, Path init, int patch,
      int depth, boolean selfCondition) {
    List<Bucket> buckets = List.of(new Bucket(new FrameSize(64, 64), 5, 0.7), new Bucket(new FrameSize(64, 64), 1, 0.3));
    return new DitTrainOptions(out, vae, null, steps, new BatchSize.Clips(2), resume, 3, 1e-3, 1, 6, buckets, 0.2, 0.9,
        60, 2, true, init, patch, depth, 0, selfCondition, FrameMasks.MIX);
  }


  @Test
  void aMotionWeightedRunTrainsWithAFiniteLossItsOwnWay(@TempDir Path dir) throws IOException {
    // the weighted loss takes another path through the same data: finite, and not the plain loss
    Path vae = TinyVae.saveIn(dir);
    List<Bucket> buckets = List.of(new Bucket(new FrameSize(64, 64), 5, 1));
    Map<Long, Double> plain = new HashMap<>();
    Map<Long, Double> weighted = new HashMap<>();
    for (double w : new double[] {0, 4}) {
      Map<Long, Double> losses = w == 0 ? plain : weighted;
      Notes recording = new Notes() {
        @Override
        public void step(long step, double loss, double samplesPerSecond) {
          losses.put(step, loss);
        }
      };
      new DitTrainer(new DitTrainOptions(dir.resolve("run" + w), vae, null, 3, new BatchSize.Clips(2), false, 3, 1e-3, 1,
          4, buckets, 0.2, 0.9, 60, 0, true, null, 0, 0, w, false, FrameMasks.MIX), recording).run();
    }
    assertThat(weighted).hasSize(3);
    assertThat(weighted.values()).allSatisfy(l -> assertThat(l).isFinite().isPositive());
    assertThat(weighted.get(1L)).isNotEqualTo(plain.get(1L));
  }

  @Test
  void aTokenBudgetTakesAsManyClipsAsFit(@TempDir Path dir) throws IOException {
    // on images alone: a budget of two images' tokens trains as --batch 2 does, step for step; six images' does not
    Path vae = TinyVae.saveIn(dir);
    int image = imageTokens(vae);
    List<Map<Long, Double>> runs = new ArrayList<>();
    for (BatchSize batch : List.of(new BatchSize.Clips(2), new BatchSize.Tokens(2 * image + 1),
        new BatchSize.Tokens(6 * image))) {
      Map<Long, Double> losses = new HashMap<>();
      Notes recording = new Notes() {
        @Override
        public void step(long step, double loss, double samplesPerSecond) {
          losses.put(step, loss);
        }
      };
      new DitTrainer(new DitTrainOptions(dir.resolve("run" + runs.size()), vae, null, 3, batch, false, 3, 1e-3, 1, 8,
          List.of(new Bucket(new FrameSize(64, 64), 1, 1)), 0.2, 0.9, 60, 0, true, null, 0, 0, 0, false,
          FrameMasks.MIX), recording).run();
      runs.add(losses);
    }
    assertThat(runs.get(0)).hasSize(3).isEqualTo(runs.get(1));
    assertThat(runs.get(2).values()).allSatisfy(l -> assertThat(l).isFinite().isPositive());
    assertThat(runs.get(2).get(1L)).isNotEqualTo(runs.get(0).get(1L));
  }

  /** Transformer tokens of one 64x64 image under the tiny model and this VAE. */
  private static int imageTokens(Path vae) throws IOException {
    VaeConfig config = ModelFolder.loadConfig(vae, VaeConfig.class);
    int cells = 64 / config.spatialFactor();
    return DenoiserConfig.tiny(List.of("[pad]", "[unk]"), config.latentChannels()).transformer()
        .tokens(new Shape(1, config.latentChannels(), 1, cells, cells));
  }

  @Test
  void aLongRunHoldsFlatMemory(@TempDir Path dir) throws IOException {
    // every step closes its temporaries: the native arrays alive after step 20 are all there is after step 300
    Map<Long, Integer> live = new HashMap<>();
    Notes counting = new Notes() {
      @Override
      public void step(long step, double loss, double samplesPerSecond) {
        if (step == 20 || step == 300) {
          live.put(step, LiveArrays.count());
        }
      }
    };
    Path vae = TinyVae.saveIn(dir);
    List<Bucket> buckets = List.of(new Bucket(new FrameSize(64, 64), 5, 1));
    DitTrainOptions longRun = new DitTrainOptions(dir.resolve("run"), vae, null, 300, new BatchSize.Clips(2), false, 3,
        1e-3, 1, 4, buckets, 0.2, 0.9, 60, 0, true, null, 0, 0, 0, false, FrameMasks.MIX);
    new DitTrainer(longRun, counting).run();
    assertThat(live.get(20L)).isPositive();
    assertThat(live.get(300L)).isEqualTo(live.get(20L));
  }

  @Test
  void trainsOnCachedLatentsAndResumesExactly(@TempDir Path dir) throws IOException {
    Path vae = TinyVae.saveIn(dir);
    Path straight = dir.resolve("straight");
    Path resumed = dir.resolve("resumed");
    new DitTrainer(options(straight, vae, 4, false), QUIET).run();
    new DitTrainer(options(resumed, vae, 2, false), QUIET).run();
    new DitTrainer(options(resumed, vae, 4, true), QUIET).run();

    try (NDManager manager = NDManager.newBaseManager()) {
      // the step-2 model (a snapshot) gives the scale of steps 3 and 4's motion for both files
      Map<String, NDArray> before = SafeTensors.read(resumed.resolve("snapshots/step_0000002/model.safetensors"), manager);
      for (String file : List.of("model.safetensors", "training_weights.safetensors")) {
        Map<String, NDArray> a = SafeTensors.read(straight.resolve("checkpoint").resolve(file), manager);
        Map<String, NDArray> b = SafeTensors.read(resumed.resolve("checkpoint").resolve(file), manager);
        ResumeCheck.assertSameRun(a, b, before);
      }
      Map<String, NDArray> cached = SafeTensors.read(resumed.resolve("latents/64x64x5.safetensors"), manager);
      assertThat(cached.get("latents").getShape().get(0)).isEqualTo(4); // 70% of 6 clips
      assertThat(cached.get("latents").getShape().get(2)).isEqualTo(2); // 5 frames, 2 latent frames
    }
    assertThat(Files.readAllLines(resumed.resolve("latents/64x64x5.txt"))).hasSize(4)
        .allSatisfy(c -> assertThat(c).contains("object"));
    assertThat(Files.readAllLines(resumed.resolve("loss.csv"))).hasSize(5);
    assertThat(resumed.resolve("samples")).isDirectoryContaining("glob:**step_0000004.png");
  }

  @Test
  void startsFromAModelWithAnotherPatchSizeKeepingWhatFits(@TempDir Path dir) throws IOException {
    Path vae = TinyVae.saveIn(dir);
    Path first = new DitTrainer(options(dir.resolve("first"), vae, 1, false), QUIET).run();
    Notes listening = new Notes();
    Path finer = dir.resolve("finer");
    Path second = new DitTrainer(options(finer, vae, 1, false, first, 1), listening).run();

    DenoiserConfig before = ModelFolder.loadConfig(first, DenoiserConfig.class);
    DenoiserConfig after = ModelFolder.loadConfig(second, DenoiserConfig.class);
    assertThat(before.transformer().patchH()).isEqualTo(2);
    assertThat(after).isEqualTo(before.withSpatialPatch(1));
    // only the layers that see patches start afresh, and the run says which
    assertThat(listening.notes).singleElement().asString()
        .contains("newly initialized").contains("patch_embed").contains("proj_weight").doesNotContain("block0");
    assertThatThrownBy(() -> new DitTrainer(options(finer, vae, 2, true, null, 2), QUIET).run())
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("--patch cannot change on --resume");
  }

  @Test
  void growsAModelByBlocksThatStartAfreshAndNeverShrinksIt(@TempDir Path dir) throws IOException {
    Path vae = TinyVae.saveIn(dir);
    Path first = new DitTrainer(options(dir.resolve("first"), vae, 1, false), QUIET).run();
    DenoiserConfig before = ModelFolder.loadConfig(first, DenoiserConfig.class);
    int depth = before.transformer().depth();
    Notes listening = new Notes();
    Path deeper = dir.resolve("deeper");
    Path second = new DitTrainer(options(deeper, vae, 1, false, first, 0, depth + 1), listening).run();

    assertThat(ModelFolder.loadConfig(second, DenoiserConfig.class)).isEqualTo(before.withDepth(depth + 1));
    // only the added block starts afresh: the output layer after it keeps its weights
    assertThat(listening.notes).singleElement().asString()
        .contains("block " + depth + " is new and starts as the identity")
        .doesNotContain("newly initialized").doesNotContain("final");
    assertThatThrownBy(() -> new DitTrainer(options(dir.resolve("shallower"), vae, 1, false, first, 0, depth - 1), QUIET)
        .run()).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("can only grow");
    assertThatThrownBy(() -> new DitTrainer(options(deeper, vae, 2, true, null, 0, depth + 2), QUIET).run())
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("--depth cannot change on --resume");
  }

  @Test
  void selfConditioningAddedToATrainedModelStartsAsThatModel(@TempDir Path dir) throws IOException {
    Path vae = TinyVae.saveIn(dir);
    Path first = new DitTrainer(options(dir.resolve("first"), vae, 1, false), QUIET).run();
    try (NDManager manager = NDManager.newBaseManager()) {
      Denoiser trained = Denoiser.load(first, manager);
      Denoiser extended = new Denoiser(trained.config().withSelfCondition(true));
      extended.initialize(manager);
      List<String> fresh = new ArrayList<>(ModelFolder.loadMatching(first, extended));
      assertThat(fresh).containsExactly(SelfConditionInput.zeroExtend(first, extended));

      // whatever the estimate, the new input's zero weights leave the trained model's velocity
      NDArray latent = manager.randomNormal(new Shape(1, trained.config().transformer().latentChannels(), 2, 8, 8));
      NDArray time = manager.create(new float[] {0.4f, 0.8f}, new Shape(1, 2));
      List<String> caption = List.of("one object: a red ball.");
      NDArray before = trained.velocity(latent, time, trained.encodeText(manager, caption));
      NDArray after = extended.velocity(latent, manager.randomNormal(latent.getShape()), time,
          extended.encodeText(manager, caption));
      assertThat(after.sub(before).abs().max().getFloat()).isLessThan(1e-5f);
    }

    Notes listening = new Notes();
    Path run = dir.resolve("self");
    Path second = new DitTrainer(options(run, vae, 2, false, first, 0, 0, true), listening).run();
    assertThat(ModelFolder.loadConfig(second, DenoiserConfig.class).transformer().selfCondition()).isTrue();
    assertThat(listening.notes).as("nothing starts afresh").isEmpty();
    assertThat(Files.readAllLines(run.resolve("loss.csv")).get(2)).doesNotContain("NaN");
    assertThatThrownBy(() -> new DitTrainer(options(dir.resolve("first"), vae, 2, true, null, 0, 0, true), QUIET).run())
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("cannot be added on --resume");
  }

  @Test
  void refusesBucketsTheVaeCannotEncode(@TempDir Path dir) throws IOException {
    Path vae = TinyVae.saveIn(dir);
    for (String mix : new String[] {"64x64x16:1", "62x64x17:1"}) {
      DitTrainOptions o = options(dir.resolve("run"), vae, 1, false);
      DitTrainOptions bad = new DitTrainOptions(o.out(), o.vae(), null, 1, new BatchSize.Clips(2), false, 3, 1e-3, 1, 4,
          Bucket.parseList(mix), 0.2, 0.9, 60, 0, true, null, 0, 0, 0, false, FrameMasks.MIX);
      assertThatThrownBy(() -> new DitTrainer(bad, QUIET).run()).as(mix)
          .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("bucket " + mix.split(":")[0]);
    }
    assertThat(dir.resolve("run/latents")).doesNotExist();
  }
}
