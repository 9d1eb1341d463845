package org.sora4j.core.vae;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class KeyframeInputTest {
  @TempDir Path dir;

  @Test
  void aDecoderGivenTheKeyframeFirstDecodesAsTheTrainedOneAndThenUsesIt() throws Exception {
    try (NDManager manager = NDManager.newBaseManager()) {
      Engine.getInstance().setRandomSeed(5);
      VideoVae trained = SavedVae.in(dir, VaeConfig.tiny(), manager);
      VideoVae keyed = new VideoVae(VaeConfig.tiny().withKeyframeInput(true));
      keyed.initialize(manager);
      KeyframeInput.load(dir, keyed);

      NDArray x = manager.randomUniform(-1, 1, new Shape(1, 3, 9, 16, 16));
      assertThat(SavedVae.maxDiff(trained.encode(x).mean(), keyed.encode(x).mean())).isZero();
      NDArray z = manager.randomNormal(new Shape(1, 8, 3, 2, 2));
      assertThat(SavedVae.maxDiff(trained.decode(z), keyed.decode(z))).isLessThan(1e-5f);

      // once its keyframe weights are not zero, the keyframe changes what is drawn; chunk by chunk the same
      NDArray w = keyed.decoder().convIn().weight().getArray();
      w.set(new ai.djl.ndarray.index.NDIndex(":, 8:"), manager.randomNormal(new Shape(w.getShape().get(0), 8,
          w.getShape().get(2), w.getShape().get(3), w.getShape().get(4))).mul(0.1f));
      NDArray a = keyed.decode(z);
      assertThat(SavedVae.maxDiff(trained.decode(z), a)).isGreaterThan(1e-4f);
      assertThat(SavedVae.maxDiff(keyed.decodeChunked(z, 1), a)).isLessThan(1e-4f);

      // and it stays causal: a later latent frame never changes earlier decoded frames
      NDArray otherLast = z.duplicate();
      otherLast.set(new ai.djl.ndarray.index.NDIndex(":, :, 2:3"), manager.randomNormal(new Shape(1, 8, 1, 2, 2)));
      assertThat(SavedVae.maxDiff(a.get(":, :, 0:5"), keyed.decode(otherLast).get(":, :, 0:5"))).isZero();
    }
  }

  @Test
  void refusesAVaeThatHasItAlreadyOrDiffersInMore() throws Exception {
    try (NDManager manager = NDManager.newBaseManager()) {
      SavedVae.in(dir, VaeConfig.tiny(), manager);
      VideoVae without = new VideoVae(VaeConfig.tiny());
      without.initialize(manager);
      assertThatThrownBy(() -> KeyframeInput.load(dir, without))
          .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("into a VAE without one");
      VideoVae wider = new VideoVae(VaeConfig.tiny().withLatentChannels(12).withKeyframeInput(true));
      wider.initialize(manager);
      assertThatThrownBy(() -> KeyframeInput.load(dir, wider))
          .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("more than the keyframe input");
    }
  }
}
