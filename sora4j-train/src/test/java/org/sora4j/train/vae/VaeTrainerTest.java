package org.sora4j.train.vae;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sora4j.core.checkpoint.ModelFolder;
import org.sora4j.core.checkpoint.SafeTensors;
import org.sora4j.core.vae.VaeConfig;
import org.sora4j.train.run.LiveArrays;
import org.sora4j.train.run.ResumeCheck;

class VaeTrainerTest {
  private static final VaeTrainer.Listener QUIET = new VaeTrainer.Listener() {
    @Override
    public void started(long step, long steps, String data, long parameters) {}

    @Override
    public void step(long step, double loss, double samplesPerSecond) {}

    @Override
    public void checkpoint(long step, Path dir, double heldOutPsnr) {}
  };

  private static VaeTrainOptions options(Path out, int steps, boolean resume) {
    return options(out, steps, resume, null, false);
  }

  private static VaeTrainOptions options(Path out, int steps, boolean resume, Path init, boolean decoderOnly) {
    return options(out, steps, resume, init, decoderOnly, 0);
  }

  private static VaeTrainOptions options(Path out, int steps, boolean resume, Path init, boolean decoderOnly,
      double adversarialWeight) {
    return new VaeTrainOptions(out, null, steps, 2, resume, 7, 1e-3, 1, 16, 5, 0.25, 1e-6, 0.5, 4,
        60, 2, VaeConfig.tiny(), init, decoderOnly, adversarialWeight, 2, 0);
  }

  @Test
  void resumingGivesTheSameWeightsAsTrainingStraightThrough(@TempDir Path dir) throws IOException {
    Path straight = dir.resolve("straight");
    Path resumed = dir.resolve("resumed");
    new VaeTrainer(options(straight, 4, false), QUIET).run();
    new VaeTrainer(options(resumed, 2, false), QUIET).run();
    new VaeTrainer(options(resumed, 4, true), QUIET).run();

    try (NDManager manager = NDManager.newBaseManager()) {
      Map<String, NDArray> a = SafeTensors.read(straight.resolve("checkpoint/model.safetensors"), manager);
      Map<String, NDArray> b = SafeTensors.read(resumed.resolve("checkpoint/model.safetensors"), manager);
      Map<String, NDArray> initial = SafeTensors.read(resumed.resolve("snapshots/step_0000002/model.safetensors"), manager);
      ResumeCheck.assertSameRun(a, b, initial);
    }
    List<String> log = Files.readAllLines(resumed.resolve("loss.csv"));
    assertThat(log).hasSize(5); // header and steps 1..4, no duplicates after the resume
    assertThat(resumed.resolve("loss.png")).isNotEmptyFile();
    assertThat(resumed.resolve("samples")).isDirectoryContaining("glob:**step_0000004.png");
  }

  @Test
  void aLongRunHoldsFlatMemory(@TempDir Path dir) throws IOException {
    assertFlatMemory(dir, 1000, null, 0);
  }

  @Test
  void aLongAdversarialRunHoldsFlatMemory(@TempDir Path dir) throws IOException {
    Path first = new VaeTrainer(options(dir.resolve("first"), 1, false), QUIET).run();
    assertFlatMemory(dir, 300, first, 0.5);
  }

  /** Trains the tiny VAE (its decoder alone when {@code init} is given) and counts live arrays. */
  private static void assertFlatMemory(Path dir, int steps, Path init, double adversarialWeight) throws IOException {
    // every step closes its temporaries: the native arrays alive after step 20 are all there is after the last
    Map<Long, Integer> live = new HashMap<>();
    VaeTrainer.Listener counting = new VaeTrainer.Listener() {
      @Override
      public void started(long step, long total, String data, long parameters) {}

      @Override
      public void step(long step, double loss, double samplesPerSecond) {
        if (step == 20 || step == steps) {
          live.put(step, LiveArrays.count());
        }
      }

      @Override
      public void checkpoint(long step, Path dir, double heldOutPsnr) {}
    };
    VaeTrainOptions longRun = new VaeTrainOptions(dir.resolve("run"), null, steps, 1, false, 7, 1e-3, 1, 8, 5, 0.25,
        1e-6, 0.5, 0, 60, 0, VaeConfig.tiny(), init, init != null, adversarialWeight, 1, 0);
    new VaeTrainer(longRun, counting).run();
    assertThat(live.get(20L)).isPositive();
    assertThat(live.get((long) steps)).isEqualTo(live.get(20L));
  }

  @Test
  void decoderOnlyKeepsTheEncoderAndItsLatentStatistics(@TempDir Path dir) throws IOException {
    Path first = new VaeTrainer(options(dir.resolve("first"), 1, false), QUIET).run();
    Path second = new VaeTrainer(options(dir.resolve("decoder"), 2, false, first, true), QUIET).run();

    try (NDManager manager = NDManager.newBaseManager()) {
      Map<String, NDArray> before = SafeTensors.read(first.resolve("model.safetensors"), manager);
      Map<String, NDArray> after = SafeTensors.read(second.resolve("model.safetensors"), manager);
      int encoder = 0;
      int decoder = 0;
      for (String name : before.keySet()) {
        float apart = before.get(name).sub(after.get(name)).abs().max().getFloat();
        if (name.contains("encoder")) {
          assertThat(apart).as(name).isZero();
          encoder++;
        } else if (name.contains("decoder") && apart > 0) {
          decoder++;
        }
      }
      assertThat(encoder).isPositive();
      assertThat(decoder).as("decoder parameters that changed").isPositive();
    }
    assertThat(ModelFolder.loadConfig(second, VaeConfig.class)).isEqualTo(ModelFolder.loadConfig(first, VaeConfig.class));

    // a resume keeps to the part the run trains, whatever the command line forgets
    Path decoderRun = dir.resolve("decoder");
    assertThatThrownBy(() -> new VaeTrainer(options(decoderRun, 3, true, null, false), QUIET).run())
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("resume it with --decoder-only");
    assertThatThrownBy(() -> new VaeTrainer(options(dir.resolve("first"), 3, true, null, true), QUIET).run())
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("without --decoder-only");
    assertThat(Files.readAllLines(decoderRun.resolve("loss.csv"))).hasSize(3); // nothing trained by the refusals
  }

  @Test
  void anAdversarialRunResumesWithItsDiscriminatorAndKeepsToIt(@TempDir Path dir) throws IOException {
    Path first = new VaeTrainer(options(dir.resolve("first"), 1, false), QUIET).run();
    Path straight = dir.resolve("straight");
    Path resumed = dir.resolve("resumed");
    new VaeTrainer(options(straight, 4, false, first, true, 0.5), QUIET).run();
    new VaeTrainer(options(resumed, 2, false, first, true, 0.5), QUIET).run();
    Path discriminatorAt2 = dir.resolve("discriminator_step2.safetensors");
    Files.copy(resumed.resolve("checkpoint").resolve(Adversary.WEIGHTS), discriminatorAt2);
    new VaeTrainer(options(resumed, 4, true, null, true, 0.5), QUIET).run();

    try (NDManager manager = NDManager.newBaseManager()) {
      Path model = Path.of("model.safetensors");
      ResumeCheck.assertSameRun(SafeTensors.read(straight.resolve("checkpoint").resolve(model), manager),
          SafeTensors.read(resumed.resolve("checkpoint").resolve(model), manager),
          SafeTensors.read(resumed.resolve("snapshots/step_0000002").resolve(model), manager));
      ResumeCheck.assertSameRun(SafeTensors.read(straight.resolve("checkpoint").resolve(Adversary.WEIGHTS), manager),
          SafeTensors.read(resumed.resolve("checkpoint").resolve(Adversary.WEIGHTS), manager),
          SafeTensors.read(discriminatorAt2, manager));
    }
    // a snapshot is a model folder, without the training state
    assertThat(resumed.resolve("snapshots/step_0000002")).isDirectoryNotContaining("glob:**discriminator*");
    assertThat(resumed.resolve("checkpoint").resolve(Adversary.OPTIMIZER)).isNotEmptyFile();

    assertThatThrownBy(() -> new VaeTrainer(options(resumed, 5, true, null, true, 0), QUIET).run())
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("resume it with --adversarial-weight");
    assertThatThrownBy(() -> new VaeTrainer(options(dir.resolve("first"), 2, true, null, false, 0.5), QUIET).run())
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("holds no discriminator");
    assertThat(Files.readAllLines(resumed.resolve("loss.csv"))).hasSize(5); // nothing trained by the refusals
  }

  @Test
  void refusesToOverwriteARunOrResumeNothing(@TempDir Path dir) throws IOException {
    Path run = dir.resolve("run");
    new VaeTrainer(options(run, 1, false), QUIET).run();
    assertThatThrownBy(() -> new VaeTrainer(options(run, 2, false), QUIET).run())
        .isInstanceOf(IOException.class).hasMessageContaining("--resume");
    assertThatThrownBy(() -> new VaeTrainer(options(dir.resolve("empty"), 2, true), QUIET).run())
        .isInstanceOf(IOException.class).hasMessageContaining("holds no checkpoint");
  }
}
