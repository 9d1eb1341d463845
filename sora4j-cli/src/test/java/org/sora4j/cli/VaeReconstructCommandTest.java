package org.sora4j.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sora4j.media.VideoFiles;
import org.sora4j.train.vae.HeldOutClips;

/** {@code vae reconstruct}: writes the round trip, reports it, refuses an unwritable output up front. */
class VaeReconstructCommandTest {
  @TempDir Path dir;

  @Test
  void writesTheRoundTripAndEndsWithItsPsnr() throws IOException {
    Path vae = TinyVae.saveIn(dir);
    Path clip = dir.resolve("clip");
    VideoFiles.write(HeldOutClips.world(1, 16, 16, 5).get(0), clip);
    Path out = dir.resolve("round-trip");

    List<String> lines = VaeEvalCommandTest.run(0, "vae", "reconstruct", clip.toString(), "-o", out.toString(),
        "--model", vae.toString());

    assertThat(lines).anyMatch(l -> l.startsWith("ssim: ")).anyMatch(l -> l.startsWith("flicker: "));
    assertThat(lines.get(lines.size() - 1)).matches("psnr: \\d+\\.\\d\\d");
    assertThat(VideoFiles.read(out).frameCount()).isEqualTo(5);
  }

  @Test
  void refusesAnOutputItCannotWrite() throws IOException {
    Path clip = dir.resolve("clip");
    VideoFiles.write(HeldOutClips.world(1, 16, 16, 5).get(0), clip);
    Path out = dir.resolve("round-trip.txt");
    List<String> lines = VaeEvalCommandTest.run(2, "vae", "reconstruct", clip.toString(), "-o", out.toString(),
        "--model", TinyVae.saveIn(dir).toString());
    assertThat(lines).isEmpty();
    assertThat(out).doesNotExist();
  }
}
