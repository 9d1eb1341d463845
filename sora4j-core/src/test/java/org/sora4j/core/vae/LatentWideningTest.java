package org.sora4j.core.vae;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LatentWideningTest {
  @TempDir Path dir;

  @Test
  void aWidenedVaeEncodesAndDecodesAsTheTrainedOneDid() throws Exception {
    try (NDManager manager = NDManager.newBaseManager()) {
      Engine.getInstance().setRandomSeed(3);
      VideoVae trained = SavedVae.in(dir, VaeConfig.tiny(), manager);
      VideoVae wider = new VideoVae(VaeConfig.tiny().withLatentChannels(12));
      wider.initialize(manager);

      assertThat(LatentWidening.load(dir, wider)).isEqualTo(4);

      NDArray x = manager.randomUniform(-1, 1, new Shape(1, 3, 5, 16, 16));
      LatentDistribution a = trained.encode(x);
      LatentDistribution b = wider.encode(x);
      assertThat(b.mean().getShape().get(1)).isEqualTo(12);
      assertThat(SavedVae.maxDiff(a.mean(), b.mean().get(":, 0:8"))).isLessThan(1e-5f);
      assertThat(SavedVae.maxDiff(a.logVar(), b.logVar().get(":, 0:8"))).isLessThan(1e-5f);
      // whatever the new channels hold, the widened decoder draws what the trained one drew
      NDArray z = manager.randomNormal(new Shape(1, 12, 2, 4, 4));
      assertThat(SavedVae.maxDiff(trained.decode(z.get(":, 0:8")), wider.decode(z))).isLessThan(1e-5f);
      // and the new channels are not dead: the encoder gives them values of their own
      assertThat(b.mean().get(":, 8:").abs().max().getFloat()).isGreaterThan(1e-3f);
    }
  }

  @Test
  void asManyChannelsLoadsTheTrainedVaeAsItIs() throws Exception {
    try (NDManager manager = NDManager.newBaseManager()) {
      VideoVae trained = SavedVae.in(dir, VaeConfig.tiny(), manager);
      VideoVae same = new VideoVae(VaeConfig.tiny());
      same.initialize(manager);
      assertThat(LatentWidening.load(dir, same)).isZero();
      NDArray z = manager.randomNormal(new Shape(1, 8, 1, 4, 4));
      assertThat(SavedVae.maxDiff(trained.decode(z), same.decode(z))).isZero();
    }
  }

  @Test
  void fewerChannelsOrAnotherShapeIsRefusedWithTheReason() throws Exception {
    try (NDManager manager = NDManager.newBaseManager()) {
      SavedVae.in(dir, VaeConfig.tiny(), manager);
      VideoVae narrower = new VideoVae(VaeConfig.tiny().withLatentChannels(4));
      narrower.initialize(manager);
      assertThatThrownBy(() -> LatentWidening.load(dir, narrower))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("has 8 latent channels")
          .hasMessageContaining("needs more, not 4");

      VaeConfig tiny = VaeConfig.tiny();
      VideoVae other = new VideoVae(new VaeConfig(16, List.of(32, 32, 32), tiny.spatialFactor(), tiny.temporalFactor(),
          tiny.temporalKernel(), tiny.groups(), tiny.blocksPerLevel(), null, null, tiny.timeUpsampling(), null, null, null));
      other.initialize(manager);
      assertThatThrownBy(() -> LatentWidening.load(dir, other))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("differs from this one in more than its latent channels");
    }
  }

  @Test
  void aWidenedConfigResetsTheLatentStatistics() {
    VaeConfig measured = VaeConfig.tiny().withLatentStats(List.of(0.5, 0.6, 0.7, 0.8, 0.9, 1.0, 1.1, 1.2), List.of(0.1));
    VaeConfig wider = measured.withLatentChannels(16);
    assertThat(wider.latentChannels()).isEqualTo(16);
    assertThat(wider.latentScale()).containsExactly(1.0);
    assertThat(wider.latentShift()).containsExactly(0.0);
    assertThatThrownBy(() -> measured.withLatentChannels(0)).hasMessageContaining("at least 1");
  }
}
