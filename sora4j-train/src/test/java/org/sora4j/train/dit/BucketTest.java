package org.sora4j.train.dit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.sora4j.core.video.FrameSize;

class BucketTest {

  @Test
  void parsesAMixOfSizesDurationsAndShares() {
    assertThat(Bucket.parseList("64x64x17:0.9, 96x64x1:0.1")).containsExactly(
        new Bucket(new FrameSize(64, 64), 17, 0.9), new Bucket(new FrameSize(96, 64), 1, 0.1));
    assertThat(Bucket.parseList("64x64x1:1")).singleElement().extracting(Bucket::label).isEqualTo("64x64x1");
  }

  @Test
  void refusesWhatIsNotABucketNamingIt() {
    for (String bad : new String[] {"64x64:1", "64x64x17", "64x64x17:", "64x64x17:heavy", "axbx17:1", "64x64x17:1,"}) {
      assertThatThrownBy(() -> Bucket.parseList(bad)).as(bad)
          .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("is not WIDTHxHEIGHTxFRAMES:WEIGHT");
    }
    assertThatThrownBy(() -> Bucket.parseList("64x64x17:0")).hasMessageContaining("positive weight");
    assertThatThrownBy(() -> Bucket.parseList("64x64x17:Infinity")).hasMessageContaining("positive weight");
    assertThatThrownBy(() -> Bucket.parseList("64x64x0:1")).hasMessageContaining("at least one frame");
    assertThatThrownBy(() -> Bucket.parseList("64x64x17:1,64x64x17:2")).hasMessageContaining("64x64x17 is given twice");
  }
}
