package org.sora4j.world.parse;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.sora4j.world.scene.CameraMove;
import org.sora4j.world.scene.Environment;
import org.sora4j.world.scene.Lighting;
import org.sora4j.world.scene.Motion;
import org.sora4j.world.scene.SceneSpec;
import org.sora4j.world.scene.Speed;
import org.sora4j.world.scene.TimeOfDay;
import org.sora4j.world.scene.Word;

/**
 * Reads a free-text prompt ("two red balls fall and bounce on the grass at night") into a {@link
 * SceneSpec}. Word order, case, punctuation, plurals, articles, number words and the vocabulary's
 * synonyms are all tolerated; words it does not understand are reported, never fatal.
 */
public final class PromptParser {
  private static final Lexicon LEXICON = new Lexicon();

  private PromptParser() {}

  /**
   * Parses a prompt.
   *
   * @throws IllegalArgumentException if the prompt is empty or asks for more than 3 objects (or
   *     for none)
   */
  public static ParsedPrompt parse(String prompt) {
    List<String> words = prompt == null ? List.of() : Lexicon.words(prompt);
    if (words.isEmpty()) {
      throw new IllegalArgumentException("prompt is empty");
    }
    Subjects subjects = new Subjects();
    Map<Class<?>, Word> attributes = new LinkedHashMap<>();
    List<String> unknown = new ArrayList<>();
    for (Term term : LEXICON.read(words)) {
      subjects.accept(term);
      if (term instanceof Term.Unknown u) {
        unknown.add(u.text());
      } else if (term instanceof Term.Attribute a) {
        Word first = attributes.putIfAbsent(a.value().getClass(), a.value());
        if (first != null && first != a.value()) {
          unknown.add(a.text() + " (contradicts " + first.word() + ")");
        }
      }
    }
    Subjects.Result objects = subjects.result();
    if (attributes.get(Motion.class) == Motion.COLLIDE && objects.count() != null && objects.count() > 2) {
      // a collision is of two objects: the scene will have two, so say that the count asked is not kept
      // ("a ball collides" means with another, so one is not reported)
      unknown.add(objects.count() + " objects (a collision is of two)");
    }
    SceneSpec spec = new SceneSpec(
        objects.count(),
        objects.objects(),
        (Motion) attributes.get(Motion.class),
        (Environment) attributes.get(Environment.class),
        (TimeOfDay) attributes.get(TimeOfDay.class),
        (Lighting) attributes.get(Lighting.class),
        (CameraMove) attributes.get(CameraMove.class),
        (Speed) attributes.get(Speed.class));
    return new ParsedPrompt(spec, unknown);
  }
}
