package org.sora4j.train.vae;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.sora4j.core.vae.VaeConfig;
import org.sora4j.core.vae.VideoVae;

class LatentNoiseTest {
  private static final double SCALE = 0.25;

  @Test
  void noNoiseLeavesTheLatentAlone() {
    try (NDManager manager = NDManager.newBaseManager()) {
      VideoVae vae = new VideoVae(VaeConfig.tiny().withLatentStats(List.of(SCALE), List.of(1.0)));
      NDArray z = manager.randomNormal(new Shape(2, 4, 2, 8, 8));
      assertThat(LatentNoise.apply(vae, z, 0, new SplittableRandom(1))).isSameAs(z);
    }
  }

  @Test
  void eachClipGetsItsOwnStrengthMeasuredInDiffusionUnits() {
    try (NDManager manager = NDManager.newBaseManager()) {
      Engine.getInstance().setRandomSeed(3);
      VideoVae vae = new VideoVae(VaeConfig.tiny().withLatentStats(List.of(SCALE), List.of(1.0)));
      NDArray z = manager.randomNormal(new Shape(4, 4, 3, 16, 16)).mul(4).add(1);
      NDArray noisy = LatentNoise.apply(vae, z, 0.5, new SplittableRandom(1));

      NDArray inDiffusionUnits = vae.toDiffusion(noisy).sub(vae.toDiffusion(z));
      NDArray raw = noisy.sub(z);
      double[] strengths = new double[4];
      for (int i = 0; i < 4; i++) {
        strengths[i] = std(inDiffusionUnits.get(i));
        assertThat(strengths[i]).as("clip " + i).isBetween(0.0, 0.52);
        // the same noise is SCALE times larger in the encoder's raw units
        assertThat(std(raw.get(i))).isCloseTo(strengths[i] / SCALE, within(1e-3 + strengths[i] * 1e-3 / SCALE));
      }
      assertThat(strengths).doesNotHaveDuplicates();
      assertThat(Math.abs(strengths[0] - strengths[1]) + Math.abs(strengths[2] - strengths[3])).isGreaterThan(0.01);
    }
  }

  private static double std(NDArray x) {
    NDArray centred = x.sub(x.mean());
    return Math.sqrt(centred.square().mean().getFloat());
  }
}
