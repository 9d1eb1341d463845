package org.sora4j.train.dit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import ai.djl.ndarray.NDManager;
import ai.djl.nn.Parameter;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sora4j.core.checkpoint.ModelFolder;
import org.sora4j.core.checkpoint.StorageType;
import org.sora4j.core.vae.VaeConfig;
import org.sora4j.core.vae.VideoVae;
import org.sora4j.core.video.FrameSize;

class LatentCacheTest {
  private static final List<Bucket> MIX = List.of(new Bucket(new FrameSize(64, 64), 5, 1));

  @Test
  void newLatentStatisticsRescaleTheCacheWithoutEncodingAgain(@TempDir Path dir) throws IOException {
    Path vaeDir = TinyVae.saveIn(dir);
    Path cacheDir = dir.resolve("latents");
    try (NDManager manager = NDManager.newBaseManager()) {
      VideoVae vae = VideoVae.load(vaeDir, manager);

      AtomicInteger encoded = new AtomicInteger();
      float[] before = LatentCache.open(cacheDir, vae, null, MIX, 3, 1, manager, encoded::set)
          .buckets().get(0).latents().toFloatArray();
      assertThat(encoded.get()).isEqualTo(3);

      VaeConfig rescaled = vae.config().withLatentStats(List.of(2.0), List.of(0.5));
      ModelFolder.saveConfig(vaeDir, rescaled);
      encoded.set(0);
      float[] after = LatentCache.open(cacheDir, VideoVae.load(vaeDir, manager), null, MIX, 3, 1, manager,
          encoded::set).buckets().get(0).latents().toFloatArray();
      assertThat(encoded.get()).as("clips encoded again").isZero();
      assertThat(after).hasSameSizeAs(before);
      for (int i = 0; i < before.length; i++) {
        assertThat(after[i]).isCloseTo((before[i] - 0.5f) * 2, within(1e-5f));
      }
    }
  }

  @Test
  void aNewDecoderKeepsTheCacheAndANewEncoderEncodesAgain(@TempDir Path dir) throws IOException {
    Path vaeDir = TinyVae.saveIn(dir);
    Path cacheDir = dir.resolve("latents");
    try (NDManager manager = NDManager.newBaseManager()) {
      VideoVae vae = VideoVae.load(vaeDir, manager);
      assertThat(clipsEncoded(cacheDir, vae, manager)).isEqualTo(2);

      // a decoder trained with the encoder frozen: another model file, the same latents
      vae.decoderParameters().valueAt(0).getArray().addi(0.1f);
      ModelFolder.save(vaeDir, vae.config(), vae, StorageType.F32);
      assertThat(clipsEncoded(cacheDir, VideoVae.load(vaeDir, manager), manager)).as("clips encoded again").isZero();

      Parameter encoderWeight = vae.getParameters().valueAt(0);
      assertThat(vae.decoderParameters().values()).doesNotContain(encoderWeight);
      encoderWeight.getArray().addi(0.1f);
      ModelFolder.save(vaeDir, vae.config(), vae, StorageType.F32);
      assertThat(clipsEncoded(cacheDir, VideoVae.load(vaeDir, manager), manager)).isEqualTo(2);
    }
  }

  /** Opens a 2-clip cache of world clips and says how many clips it had to encode. */
  private static int clipsEncoded(Path cacheDir, VideoVae vae, NDManager manager) throws IOException {
    AtomicInteger encoded = new AtomicInteger();
    LatentCache.open(cacheDir, vae, null, MIX, 2, 1, manager, encoded::set);
    return encoded.get();
  }

  @Test
  void aCacheOfDiffusionScaleLatentsFromBeforeIsEncodedAgain(@TempDir Path dir) throws IOException {
    Path vaeDir = TinyVae.saveIn(dir);
    Path cacheDir = dir.resolve("latents");
    try (NDManager manager = NDManager.newBaseManager()) {
      VideoVae vae = VideoVae.load(vaeDir, manager);
      clipsEncoded(cacheDir, vae, manager);
      Path manifest = cacheDir.resolve("manifest.json");
      // an older cache's manifest says nothing of what its latents are
      Files.writeString(manifest, Files.readString(manifest).replaceAll(",\\s*\"latents\"\\s*:\\s*\"raw\"", ""));
      assertThat(Files.readString(manifest)).doesNotContain("latents");

      assertThat(clipsEncoded(cacheDir, vae, manager)).isEqualTo(2);
      assertThat(Files.readString(manifest)).contains("\"raw\"");
    }
  }
}
