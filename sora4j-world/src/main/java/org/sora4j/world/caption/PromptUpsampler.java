package org.sora4j.world.caption;

import java.util.List;
import org.sora4j.world.parse.ParsedPrompt;
import org.sora4j.world.parse.PromptParser;
import org.sora4j.world.scene.Scene;
import org.sora4j.world.scene.SceneSpec;

/**
 * Sora's prompt rewriting for this world: a short prompt is read into a scene spec, what it
 * leaves open (environment, time of day, lighting, camera, speed, sizes...) is chosen from the
 * seed, and the scene is written out as the detailed caption the model was trained on.
 */
public final class PromptUpsampler {
  private PromptUpsampler() {}

  /**
   * A prompt and its detailed caption.
   *
   * @param prompt the text as given
   * @param spec what the prompt asks for (null attributes left open)
   * @param scene the spec with every open attribute chosen from the seed
   * @param caption the detailed caption of the scene
   * @param unknownWords words of the prompt the parser did not understand
   */
  public record Upsampled(String prompt, SceneSpec spec, Scene scene, String caption, List<String> unknownWords) {}

  /**
   * Expands {@code prompt}; the same prompt and seed always give the same caption.
   *
   * @throws IllegalArgumentException if the prompt is empty or asks for an impossible scene
   */
  public static Upsampled upsample(String prompt, long seed) {
    ParsedPrompt parsed = PromptParser.parse(prompt);
    Scene scene = parsed.spec().resolve(seed);
    return new Upsampled(prompt, parsed.spec(), scene, Captions.detailedCaption(scene), parsed.unknownWords());
  }
}
