package org.sora4j.train.data;

import static org.assertj.core.api.Assertions.assertThat;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class RandomCropsTest {
  @Test
  void theSameRandomStreamCutsTheSameBatch() {
    // exact resume replays a step's data from its seed: the batch must depend on nothing else
    try (NDManager manager = NDManager.newBaseManager()) {
      NDArray first = RandomCrops.batch(manager, WorldClips.mixed(), new SplittableRandom(42), 3, 5, 16);
      NDArray again = RandomCrops.batch(manager, WorldClips.mixed(), new SplittableRandom(42), 3, 5, 16);
      NDArray other = RandomCrops.batch(manager, WorldClips.mixed(), new SplittableRandom(43), 3, 5, 16);
      assertThat(again.toFloatArray()).containsExactly(first.toFloatArray());
      assertThat(other.toFloatArray()).isNotEqualTo(first.toFloatArray());
    }
  }
}
