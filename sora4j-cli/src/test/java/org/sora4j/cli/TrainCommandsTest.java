package org.sora4j.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sora4j.core.checkpoint.ModelFolder;
import org.sora4j.core.vae.VaeConfig;

/** The training commands' options: a decoder-only run from a model folder, and bad input refused. */
class TrainCommandsTest {
  @TempDir Path dir;

  private Path tinyVae() throws IOException {
    return TinyVae.saveIn(dir);
  }

  @Test
  void trainsTheDecoderOfAGivenVae() throws IOException {
    Path vae = tinyVae();
    Path out = dir.resolve("decoder");
    assertThat(Sora4j.execute("train", "vae", "--init", vae.toString(), "--decoder-only", "--out", out.toString(),
        "--steps", "1", "--batch", "1", "--frames", "5", "--crop", "16")).isZero();
    assertThat(ModelFolder.loadConfig(out.resolve("checkpoint"), VaeConfig.class)).isEqualTo(VaeConfig.tiny());
    assertThat(Files.readAllLines(out.resolve("loss.csv"))).hasSize(2);
  }

  @Test
  void widensTheLatentOfAGivenVae() throws IOException {
    Path vae = tinyVae();
    Path out = dir.resolve("wide");
    assertThat(Sora4j.execute("train", "vae", "--init", vae.toString(), "--latent-channels", "12", "--out", out.toString(),
        "--steps", "1", "--batch", "1", "--frames", "5", "--crop", "16")).isZero();
    assertThat(ModelFolder.loadConfig(out.resolve("checkpoint"), VaeConfig.class).latentChannels()).isEqualTo(12);
  }

  @Test
  void deepensTheDecoderOfAGivenVaeKeepingItsLatent() throws IOException {
    Path vae = tinyVae();
    Path out = dir.resolve("deep");
    assertThat(Sora4j.execute("train", "vae", "--init", vae.toString(), "--decoder-blocks", "3", "--decoder-only",
        "--out", out.toString(), "--steps", "1", "--batch", "1", "--frames", "5", "--crop", "16")).isZero();
    VaeConfig trained = ModelFolder.loadConfig(vae, VaeConfig.class);
    VaeConfig deeper = ModelFolder.loadConfig(out.resolve("checkpoint"), VaeConfig.class);
    assertThat(deeper.decoderBlocksPerLevel()).isEqualTo(3);
    // the frozen encoder keeps the latent and its statistics, which a denoiser was trained on
    assertThat(deeper.withDecoderBlocks(trained.decoderBlocksPerLevel())).isEqualTo(trained);
  }

  @Test
  void givesTheDecoderOfAGivenVaeTheKeyframeKeepingItsLatent() throws IOException {
    Path vae = tinyVae();
    Path out = dir.resolve("keyed");
    assertThat(Sora4j.execute("train", "vae", "--init", vae.toString(), "--keyframe-input", "--decoder-only",
        "--out", out.toString(), "--steps", "1", "--batch", "1", "--frames", "5", "--crop", "16")).isZero();
    VaeConfig trained = ModelFolder.loadConfig(vae, VaeConfig.class);
    VaeConfig keyed = ModelFolder.loadConfig(out.resolve("checkpoint"), VaeConfig.class);
    assertThat(keyed.keyframeInput()).isTrue();
    assertThat(keyed.withKeyframeInput(false)).isEqualTo(trained);
    String run = dir.resolve("refused").toString();
    assertThat(Sora4j.execute("train", "vae", "--init", out.resolve("checkpoint").toString(), "--keyframe-input",
        "--out", run)).isEqualTo(2);
    assertThat(Sora4j.execute("train", "vae", "--init", vae.toString(), "--keyframe-input", "--decoder-blocks", "3",
        "--out", run)).isEqualTo(2);
    assertThat(Sora4j.execute("train", "vae", "--keyframe-input", "--resume", "--out", out.toString())).isEqualTo(2);
    assertThat(Path.of(run)).doesNotExist();
  }

  @Test
  void badTrainingOptionsExitWithTwo() throws IOException {
    Path run = dir.resolve("run");
    String out = run.toString();
    assertThat(Sora4j.execute("train", "vae", "--decoder-only", "--out", out)).isEqualTo(2);
    assertThat(Sora4j.execute("train", "vae", "--init", dir.resolve("nowhere").toString(), "--out", out)).isEqualTo(2);
    assertThat(Sora4j.execute("train", "dit", "--vae", tinyVae().toString(), "--patch", "-1", "--out", out)).isEqualTo(2);
    String vae = tinyVae().toString();
    assertThat(Sora4j.execute("train", "dit", "--vae", vae, "--batch", "8", "--batch-tokens", "2560", "--out", out))
        .isEqualTo(2);
    assertThat(Sora4j.execute("train", "dit", "--vae", vae, "--batch-tokens", "0", "--out", out)).isEqualTo(2);
    assertThat(Sora4j.execute("train", "dit", "--vae", vae, "--first-frame-share", "0.1", "--out", out)).isEqualTo(2);
    assertThat(Sora4j.execute("train", "dit", "--vae", vae, "--first-frame-share", "1.5", "--out", out)).isEqualTo(2);
    assertThat(Sora4j.execute("train", "vae", "--latent-channels", "16", "--out", out)).isEqualTo(2);
    assertThat(Sora4j.execute("train", "vae", "--init", vae, "--latent-channels", "8", "--out", out)).isEqualTo(2);
    assertThat(Sora4j.execute("train", "vae", "--init", vae, "--latent-channels", "16", "--decoder-only", "--out", out))
        .isEqualTo(2);
    assertThat(Sora4j.execute("train", "vae", "--temporal-weight", "-1", "--out", out)).isEqualTo(2);
    assertThat(Sora4j.execute("train", "vae", "--decoder-blocks", "4", "--out", out)).isEqualTo(2);
    assertThat(Sora4j.execute("train", "vae", "--init", vae, "--decoder-blocks", "2", "--out", out)).isEqualTo(2);
    assertThat(Sora4j.execute("train", "vae", "--init", vae, "--decoder-blocks", "4", "--latent-channels", "16",
        "--out", out)).isEqualTo(2);
    Path deepened = dir.resolve("deepened");
    assertThat(Sora4j.execute("train", "vae", "--init", vae, "--decoder-blocks", "3", "--decoder-only",
        "--out", deepened.toString(), "--steps", "1", "--batch", "1", "--frames", "5", "--crop", "16")).isZero();
    assertThat(Sora4j.execute("train", "vae", "--init", deepened.resolve("checkpoint").toString(),
        "--decoder-blocks", "4", "--out", out)).isEqualTo(2);
    assertThat(run).doesNotExist();
  }
}
