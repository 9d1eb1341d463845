package org.sora4j.train.dit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class BatchSizeTest {
  @Test
  void aClipCountIsTheSameForEveryBucket() {
    BatchSize batch = new BatchSize.Clips(8);
    assertThat(batch.clipsFor(64)).isEqualTo(8);
    assertThat(batch.clipsFor(480)).isEqualTo(8);
  }

  @Test
  void aTokenBudgetTakesAsManyClipsAsFitAndAtLeastOne() {
    // the shipped model's tokens: an image 64, a 64x64x17 clip 320, a 96x64x17 clip 480
    BatchSize batch = new BatchSize.Tokens(2560);
    assertThat(batch.clipsFor(64)).isEqualTo(40);
    assertThat(batch.clipsFor(320)).isEqualTo(8);
    assertThat(batch.clipsFor(480)).isEqualTo(5);
    assertThat(new BatchSize.Tokens(100).clipsFor(320)).isEqualTo(1);
  }

  @Test
  void refusesEmptyBatches() {
    assertThatThrownBy(() -> new BatchSize.Clips(0)).hasMessageContaining("--batch must be at least 1");
    assertThatThrownBy(() -> new BatchSize.Tokens(-5)).hasMessageContaining("--batch-tokens must be at least 1");
  }
}
