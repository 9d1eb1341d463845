package org.sora4j.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sora4j.core.checkpoint.ModelFolder;
import org.sora4j.core.vae.VaeConfig;

class ExportCommandTest {
  @TempDir Path dir;

  @Test
  void writesAModelFolderOthersCanReadAndReplacesAnEarlierExport() throws IOException {
    Path vae = TinyVae.saveIn(dir);
    Path out = dir.resolve("shipped");
    assertThat(Sora4j.execute("export", vae.toString(), out.toString())).isZero();
    assertThat(ModelFolder.loadConfig(out, VaeConfig.class)).isEqualTo(ModelFolder.loadConfig(vae, VaeConfig.class));
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(out.resolve(ModelFolder.WEIGHTS))))
        .isEqualTo("rw-r--r--");
    // shipping a run over models/ replaces the model folder there
    assertThat(Sora4j.execute("export", vae.toString(), out.toString(), "--fp32")).isZero();
  }

  @Test
  void refusesItsOwnSourceAFileAndAFolderOfOtherFilesLeavingThemAlone() throws IOException {
    Path vae = TinyVae.saveIn(dir);
    byte[] weights = Files.readAllBytes(vae.resolve(ModelFolder.WEIGHTS));
    assertThat(Sora4j.execute("export", vae.toString(), vae.toString())).isEqualTo(2);
    assertThat(vae.resolve(ModelFolder.WEIGHTS)).hasBinaryContent(weights);

    Path file = Files.writeString(dir.resolve("notes.txt"), "mine");
    assertThat(Sora4j.execute("export", vae.toString(), file.toString())).isEqualTo(2);
    assertThat(file).hasContent("mine");

    Path other = Files.createDirectories(dir.resolve("photos"));
    Files.writeString(other.resolve("keep.txt"), "mine");
    assertThat(Sora4j.execute("export", vae.toString(), other.toString())).isEqualTo(2);
    try (var entries = Files.list(other)) {
      assertThat(entries.map(p -> p.getFileName().toString()).toList()).isEqualTo(List.of("keep.txt"));
    }
  }
}
