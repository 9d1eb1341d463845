package org.sora4j.world.parse;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.sora4j.world.caption.Captions;
import org.sora4j.world.scene.Scene;
import org.sora4j.world.scene.SceneSpec;

class CaptionRoundTripTest {
  @Test
  void aDetailedCaptionParsesToExactlyTheScenesSpec() {
    for (long seed = 0; seed < 2000; seed++) {
      Scene scene = SceneSpec.open().resolve(seed);
      String caption = Captions.detailedCaption(scene);
      ParsedPrompt parsed = PromptParser.parse(caption);
      assertThat(parsed.unknownWords()).as(caption).isEmpty();
      assertThat(parsed.spec()).as(caption).isEqualTo(scene.toSpec());
    }
  }
}
