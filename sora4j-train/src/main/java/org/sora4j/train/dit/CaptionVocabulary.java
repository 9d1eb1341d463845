package org.sora4j.train.dit;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.sora4j.core.text.WordTokenizer;
import org.sora4j.world.caption.Captions;
import org.sora4j.world.judge.PromptSet;
import org.sora4j.world.scene.Scene;
import org.sora4j.world.scene.SceneSpec;

/** The words the text encoder knows: those of the world's captions and of the public prompts. */
public final class CaptionVocabulary {
  private static final int SCENES = 20_000;

  private CaptionVocabulary() {}

  /** The world vocabulary, then every word of {@code extraCaptions} not yet in it. */
  public static List<String> build(List<String> extraCaptions) {
    List<String> texts = new ArrayList<>();
    SplittableRandom rng = new SplittableRandom(1);
    for (int i = 0; i < SCENES; i++) {
      Scene scene = SceneSpec.open().resolve(rng.nextLong());
      texts.add(Captions.detailedCaption(scene));
      texts.add(Captions.shortCaption(scene));
    }
    texts.addAll(PromptSet.publicSet());
    texts.addAll(extraCaptions);
    return WordTokenizer.fit(texts).vocabulary();
  }
}
