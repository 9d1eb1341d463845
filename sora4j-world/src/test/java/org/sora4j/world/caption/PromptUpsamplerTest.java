package org.sora4j.world.caption;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.sora4j.world.parse.PromptParser;
import org.sora4j.world.scene.Environment;
import org.sora4j.world.scene.Motion;
import org.sora4j.world.scene.ObjectColor;
import org.sora4j.world.scene.Shape;
import org.sora4j.world.scene.TimeOfDay;

class PromptUpsamplerTest {
  @Test
  void keepsWhatThePromptSaysAndFillsTheRestFromTheSeed() {
    Set<String> captions = new HashSet<>();
    for (long seed = 0; seed < 40; seed++) {
      PromptUpsampler.Upsampled up = PromptUpsampler.upsample("a red ball bounces on the grass at sunset", seed);
      assertThat(up.scene().objects()).hasSize(1);
      assertThat(up.scene().objects().get(0).color()).isEqualTo(ObjectColor.RED);
      assertThat(up.scene().objects().get(0).shape()).isEqualTo(Shape.BALL);
      assertThat(up.scene().motion()).isEqualTo(Motion.FALLS);
      assertThat(up.scene().environment()).isEqualTo(Environment.GRASS);
      assertThat(up.scene().time()).isEqualTo(TimeOfDay.SUNSET);
      assertThat(up.caption()).isEqualTo(Captions.detailedCaption(up.scene()));
      // the caption says everything, so it parses back to the whole scene
      assertThat(PromptParser.parse(up.caption()).spec().resolve(seed + 99)).isEqualTo(up.scene());
      captions.add(up.caption());
    }
    assertThat(captions).as("open attributes vary with the seed").hasSizeGreaterThan(5);
  }

  @Test
  void sameSeedSameCaptionAndUnknownWordsReported() {
    var a = PromptUpsampler.upsample("two blue boxes slide left in the fog", 7);
    var b = PromptUpsampler.upsample("two blue boxes slide left in the fog", 7);
    assertThat(a.caption()).isEqualTo(b.caption());
    assertThat(a.unknownWords()).contains("fog");
    assertThatThrownBy(() -> PromptUpsampler.upsample("  ", 1)).isInstanceOf(IllegalArgumentException.class);
  }
}
