package org.sora4j.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sora4j.media.VideoFiles;
import org.sora4j.train.vae.HeldOutClips;

/** {@code vae overfit}: reports as it fits, writes the fitted clip, refuses bad settings. */
class VaeOverfitCommandTest {
  @TempDir Path dir;

  @Test
  void fitsOneClipAndWritesItsReconstruction() throws IOException {
    Path vae = TinyVae.saveIn(dir);
    Path clip = dir.resolve("clip");
    VideoFiles.write(HeldOutClips.world(1, 16, 16, 5).get(0), clip);
    Path out = dir.resolve("fitted");

    List<String> lines = VaeEvalCommandTest.run(0, "vae", "overfit", clip.toString(), "-o", out.toString(), "--model", vae.toString(),
        "--steps", "4", "--decoder-only");

    assertThat(lines.get(0)).startsWith("step 0: psnr ");
    assertThat(lines).anyMatch(l -> l.startsWith("step 4: psnr "));
    assertThat(lines.get(lines.size() - 1)).matches("psnr: \\d+\\.\\d\\d");
    assertThat(VideoFiles.read(out).frameCount()).isEqualTo(5);
  }

  @Test
  void refusesZeroStepsBeforeAnyWork() throws IOException {
    Path vae = TinyVae.saveIn(dir);
    Path clip = dir.resolve("clip");
    VideoFiles.write(HeldOutClips.world(1, 16, 16, 5).get(0), clip);
    VaeEvalCommandTest.run(2, "vae", "overfit", clip.toString(), "-o", dir.resolve("fitted").toString(), "--model", vae.toString(),
        "--steps", "0");
    assertThat(dir.resolve("fitted")).doesNotExist();
  }
}
