package org.sora4j.core.vae;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Parameter;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sora4j.core.checkpoint.ModelFolder;
import org.sora4j.core.checkpoint.StorageType;

class DecoderDeepeningTest {
  @TempDir Path dir;

  @Test
  void aDeepenedDecoderDrawsWhatTheTrainedOneDrewAndItsNewBlocksAreInThePath() throws Exception {
    try (NDManager manager = NDManager.newBaseManager()) {
      Engine.getInstance().setRandomSeed(5);
      VideoVae trained = SavedVae.in(dir, VaeConfig.tiny(), manager);
      VaeConfig deeperConfig = VaeConfig.tiny().withDecoderBlocks(4);
      VideoVae deeper = new VideoVae(deeperConfig);
      deeper.initialize(manager);

      // tiny has 3 levels and 2 decoder blocks per level: 2 added at each
      assertThat(DecoderDeepening.load(dir, deeper)).isEqualTo(6);
      assertThat(deeper.parameterCount()).isGreaterThan(trained.parameterCount());

      NDArray z = manager.randomNormal(new Shape(1, 8, 2, 4, 4));
      NDArray before = trained.decode(z);
      assertThat(SavedVae.maxDiff(before, deeper.decode(z))).isLessThan(1e-5f);
      // the encoder is untouched, so the latent is too
      NDArray x = manager.randomUniform(-1, 1, new Shape(1, 3, 5, 16, 16));
      assertThat(SavedVae.maxDiff(trained.encode(x).mean(), deeper.encode(x).mean())).isZero();

      // an added block that leaves the identity changes the picture: it is in the forward pass
      Parameter conv2 = deeper.decoder().addedBlocks().get(0).getParameters().values().stream()
          .filter(p -> p.getArray().getShape().dimension() == 5)
          .reduce((first, second) -> second).orElseThrow();
      conv2.getArray().addi(0.05f);
      assertThat(SavedVae.maxDiff(before, deeper.decode(z))).isGreaterThan(1e-3f);
    }
  }

  @Test
  void aDeepenedVaeSavesAndLoadsUnderTheSameNames() throws Exception {
    try (NDManager manager = NDManager.newBaseManager()) {
      SavedVae.in(dir, VaeConfig.tiny(), manager);
      VaeConfig deeperConfig = VaeConfig.tiny().withDecoderBlocks(3);
      VideoVae deeper = new VideoVae(deeperConfig);
      deeper.initialize(manager);
      DecoderDeepening.load(dir, deeper);
      Path again = dir.resolve("deeper");
      ModelFolder.save(again, deeperConfig, deeper, StorageType.F32);

      VideoVae loaded = VideoVae.load(again, manager);
      assertThat(loaded.config().decoderBlocksPerLevel()).isEqualTo(3);
      NDArray z = manager.randomNormal(new Shape(1, 8, 1, 4, 4));
      assertThat(SavedVae.maxDiff(deeper.decode(z), loaded.decode(z))).isZero();
    }
  }

  @Test
  void fewerBlocksOrAnotherShapeIsRefusedWithTheReason() throws Exception {
    try (NDManager manager = NDManager.newBaseManager()) {
      SavedVae.in(dir, VaeConfig.tiny().withDecoderBlocks(3), manager);
      VideoVae shallower = new VideoVae(VaeConfig.tiny());
      shallower.initialize(manager);
      assertThatThrownBy(() -> DecoderDeepening.load(dir, shallower))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("has 3 decoder blocks per level")
          .hasMessageContaining("needs more, not 2");

      VideoVae wider = new VideoVae(VaeConfig.tiny().withLatentChannels(12).withDecoderBlocks(4));
      wider.initialize(manager);
      assertThatThrownBy(() -> DecoderDeepening.load(dir, wider))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("differs from this one in more than its decoder depth");

      VideoVae deeperStill = new VideoVae(VaeConfig.tiny().withDecoderBlocks(4));
      deeperStill.initialize(manager);
      assertThatThrownBy(() -> DecoderDeepening.load(dir, deeperStill))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("was deepened already");
    }
  }

  @Test
  void olderConfigsMeanOneMoreDecoderBlockThanEncoderBlocks() {
    VaeConfig tiny = VaeConfig.tiny();
    assertThat(tiny.decoderBlocksPerLevel()).isEqualTo(tiny.blocksPerLevel() + 1);
    assertThatThrownBy(() -> tiny.withDecoderBlocks(0)).hasMessageContaining("at least 1 residual block");
  }
}
