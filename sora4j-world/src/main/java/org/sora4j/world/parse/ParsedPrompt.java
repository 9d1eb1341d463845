package org.sora4j.world.parse;

import java.util.List;
import java.util.Objects;
import org.sora4j.world.scene.SceneSpec;

/**
 * A prompt read into a scene spec.
 *
 * @param spec what the prompt asks for; attributes it does not mention are null
 * @param unknownWords the words the parser did not understand, in prompt order, and words that
 *     contradict an earlier one (e.g. a second motion); never silently dropped
 */
public record ParsedPrompt(SceneSpec spec, List<String> unknownWords) {
  public ParsedPrompt {
    Objects.requireNonNull(spec, "spec");
    unknownWords = List.copyOf(unknownWords);
  }
}
