package org.sora4j.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sora4j.core.video.Video;
import org.sora4j.media.VideoFiles;
import org.sora4j.train.vae.HeldOutClips;

/** {@code vae reconstruct}: writes the round trip, reports it, refuses an unwritable output up front. */
class VaeReconstructCommandTest {
  @TempDir Path dir;

  @Test
  void writesTheRoundTripAndEndsWithItsPsnr() throws IOException {
    Path vae = TinyVae.saveIn(dir);
    Path clip = dir.resolve("clip");
    VideoFiles.write(movingSquare(), clip);
    Path out = dir.resolve("round-trip");

    List<String> lines = VaeEvalCommandTest.run(0, "vae", "reconstruct", clip.toString(), "-o", out.toString(),
        "--model", vae.toString());

    assertThat(lines).anyMatch(l -> l.startsWith("ssim: ")).anyMatch(l -> l.startsWith("flicker: "))
        .anyMatch(l -> l.matches("moving psnr: \\d+\\.\\d\\d"));
    assertThat(lines.get(lines.size() - 1)).matches("psnr: \\d+\\.\\d\\d");
    assertThat(VideoFiles.read(out).frameCount()).isEqualTo(5);
  }

  @Test
  void saysSoWhenNothingMoves() throws IOException {
    Path clip = dir.resolve("still");
    Video moving = movingSquare();
    VideoFiles.write(Video.of(16, 16, 8, List.of(moving.frame(0), moving.frame(0), moving.frame(0))), clip);
    List<String> lines = VaeEvalCommandTest.run(0, "vae", "reconstruct", clip.toString(), "-o",
        dir.resolve("round-trip").toString(), "--model", TinyVae.saveIn(dir).toString());
    assertThat(lines).contains("moving psnr: nothing moves");
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

  /** A white square crossing a gray 16x16 clip, 3 pixels a frame over 5 frames. */
  private static Video movingSquare() {
    List<byte[]> frames = new ArrayList<>();
    for (int f = 0; f < 5; f++) {
      byte[] rgb = new byte[16 * 16 * 3];
      Arrays.fill(rgb, (byte) 90);
      for (int y = 5; y < 11; y++) {
        Arrays.fill(rgb, (y * 16 + 3 * f) * 3, (y * 16 + 3 * f + 4) * 3, (byte) 240);
      }
      frames.add(rgb);
    }
    return Video.of(16, 16, 8, frames);
  }
}
