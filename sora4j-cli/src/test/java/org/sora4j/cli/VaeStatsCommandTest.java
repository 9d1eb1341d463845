package org.sora4j.cli;

import static org.assertj.core.api.Assertions.assertThat;

import ai.djl.ndarray.NDManager;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sora4j.core.checkpoint.ModelFolder;
import org.sora4j.core.vae.VaeConfig;
import org.sora4j.core.vae.VideoVae;

/** {@code vae stats}: re-measured latent statistics go into the config, and only there. */
class VaeStatsCommandTest {
  @TempDir Path dir;

  private Path tinyVae() throws IOException {
    return TinyVae.saveIn(dir);
  }

  @Test
  void writesOneShiftAndScalePerChannelAndKeepsTheWeights() throws IOException {
    Path vae = tinyVae();
    byte[] weights = Files.readAllBytes(vae.resolve(ModelFolder.WEIGHTS));
    String before = Files.readString(vae.resolve(ModelFolder.CONFIG));

    assertThat(Sora4j.execute("vae", "stats", vae.toString(), "--clips", "2", "--dry-run")).isZero();
    assertThat(Files.readString(vae.resolve(ModelFolder.CONFIG))).isEqualTo(before);

    assertThat(Sora4j.execute("vae", "stats", vae.toString(), "--clips", "2")).isZero();
    VaeConfig perChannel = ModelFolder.loadConfig(vae, VaeConfig.class);
    assertThat(perChannel.latentScale()).hasSize(8).allSatisfy(s -> assertThat(s).isPositive().isNotEqualTo(1.0));
    assertThat(perChannel.latentShift()).hasSize(8);
    assertThat(Files.readAllBytes(vae.resolve(ModelFolder.WEIGHTS))).isEqualTo(weights);

    assertThat(Sora4j.execute("vae", "stats", vae.toString(), "--clips", "2", "--no-per-channel")).isZero();
    assertThat(ModelFolder.loadConfig(vae, VaeConfig.class).latentScale()).hasSize(1);
    // the model still loads with its checksum intact
    try (NDManager manager = NDManager.newBaseManager()) {
      assertThat(VideoVae.load(vae, manager).config().perChannelStats()).isFalse();
    }
  }

  @Test
  void aMissingFolderOrNoClipsExitWithTwo() throws IOException {
    assertThat(Sora4j.execute("vae", "stats", dir.resolve("nowhere").toString())).isEqualTo(2);
    Path vae = tinyVae();
    String before = Files.readString(vae.resolve(ModelFolder.CONFIG));
    assertThat(Sora4j.execute("vae", "stats", vae.toString(), "--clips", "0")).isEqualTo(2);
    assertThat(Files.readString(vae.resolve(ModelFolder.CONFIG))).isEqualTo(before);
  }
}
