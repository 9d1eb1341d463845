package org.sora4j.train.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.sora4j.core.video.Video;

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
      NDArray seeking = RandomCrops.batch(manager, WorldClips.mixed(), new SplittableRandom(42), 3, 5, 16, 4);
      NDArray seekingAgain = RandomCrops.batch(manager, WorldClips.mixed(), new SplittableRandom(42), 3, 5, 16, 4);
      assertThat(seekingAgain.toFloatArray()).containsExactly(seeking.toFloatArray());
    }
  }

  @Test
  void countsOnlyThePixelsThatChangeInsideTheWindow() {
    Video video = squareMovingRight(32, 4, 6);
    // the square's rows are 4-7: a window there sees its two edges change each frame, one elsewhere nothing
    int onTheSquare = RandomCrops.movingPixels(video, new RandomCrops.Window(0, 0, 0), 6, 16);
    int belowIt = RandomCrops.movingPixels(video, new RandomCrops.Window(0, 0, 16), 6, 16);
    assertThat(onTheSquare).isEqualTo(5 * 2 * 4); // 5 steps, a leading and a trailing column of 4 pixels
    assertThat(belowIt).isZero();
  }

  @Test
  void moreCandidatesCutWindowsWithMoreMotion() {
    try (NDManager manager = NDManager.newBaseManager()) {
      float plain = motion(RandomCrops.batch(manager, WorldClips.mixed(), new SplittableRandom(5), 24, 9, 16, 1));
      float seeking = motion(RandomCrops.batch(manager, WorldClips.mixed(), new SplittableRandom(5), 24, 9, 16, 8));
      assertThat(seeking).isGreaterThan(1.5f * plain);
    }
  }

  @Test
  void refusesNoCandidates() {
    try (NDManager manager = NDManager.newBaseManager()) {
      assertThatThrownBy(() -> RandomCrops.batch(manager, WorldClips.mixed(), new SplittableRandom(1), 1, 5, 16, 0))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("at least 1");
    }
  }

  /** Mean absolute frame-to-frame change of a (B, 3, T, H, W) batch. */
  private static float motion(NDArray batch) {
    long frames = batch.getShape().get(2);
    NDArray later = batch.get(":, :, 1:");
    NDArray earlier = batch.get(":, :, :" + (frames - 1));
    return later.sub(earlier).abs().mean().getFloat();
  }

  /** A 4x4 white square on black, at rows 4-7, one column further right each frame. */
  private static Video squareMovingRight(int size, int top, int frames) {
    List<byte[]> list = new ArrayList<>();
    for (int f = 0; f < frames; f++) {
      byte[] rgb = new byte[size * size * 3];
      for (int y = top; y < top + 4; y++) {
        for (int x = 2 + f; x < 6 + f; x++) {
          for (int c = 0; c < 3; c++) {
            rgb[(y * size + x) * 3 + c] = (byte) 255;
          }
        }
      }
      list.add(rgb);
    }
    return Video.of(size, size, 8, list);
  }
}
