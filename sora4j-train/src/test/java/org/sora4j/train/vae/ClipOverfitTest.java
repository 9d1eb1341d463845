package org.sora4j.train.vae;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDManager;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.sora4j.core.vae.VaeConfig;
import org.sora4j.core.vae.VideoVae;
import org.sora4j.core.video.Video;

class ClipOverfitTest {
  @Test
  void fittingOneClipRaisesItsPsnrAndDecoderOnlyLeavesTheEncoder() {
    Video clip = HeldOutClips.world(1, 16, 16, 5).get(0);
    try (NDManager manager = NDManager.newBaseManager()) {
      Engine.getInstance().setRandomSeed(5);
      VideoVae vae = new VideoVae(VaeConfig.tiny());
      vae.initialize(manager);
      Map<String, float[]> before = new LinkedHashMap<>();
      vae.getParameters().forEach(p -> before.put(p.getKey(), p.getValue().getArray().toFloatArray()));

      List<Double> psnr = new ArrayList<>();
      Video recon = ClipOverfit.run(vae, clip, new ClipOverfit.Options(40, 3e-3, true, 20), manager,
          (step, p) -> psnr.add(p));

      assertThat(psnr).hasSize(3); // steps 0, 20 and 40
      assertThat(psnr.get(2)).isGreaterThan(psnr.get(0) + 3);
      assertThat(recon.frameCount()).isEqualTo(clip.frameCount());
      int encoder = 0;
      for (var p : vae.getParameters()) {
        if (p.getKey().contains("encoder")) {
          assertThat(p.getValue().getArray().toFloatArray()).as(p.getKey() + " is frozen").containsExactly(before.get(p.getKey()));
          encoder++;
        }
      }
      assertThat(encoder).isPositive();
    }
  }

  @Test
  void badOptionsAreRefused() {
    assertThatThrownBy(() -> new ClipOverfit.Options(0, 1e-3, false, 10)).hasMessageContaining("--steps");
    assertThatThrownBy(() -> new ClipOverfit.Options(10, 0, false, 10)).hasMessageContaining("--lr");
  }
}
