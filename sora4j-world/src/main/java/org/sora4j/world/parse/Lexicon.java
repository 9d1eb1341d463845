package org.sora4j.world.parse;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.BiFunction;
import org.sora4j.world.scene.CameraMove;
import org.sora4j.world.scene.Environment;
import org.sora4j.world.scene.Lighting;
import org.sora4j.world.scene.Motion;
import org.sora4j.world.scene.ObjectColor;
import org.sora4j.world.scene.Shape;
import org.sora4j.world.scene.Size;
import org.sora4j.world.scene.Speed;
import org.sora4j.world.scene.TimeOfDay;
import org.sora4j.world.scene.Word;

/**
 * Reads prompt text into terms: splits it into words and matches the vocabulary's phrases, longest
 * first, so "still camera" is a camera move while "still" alone is a motion.
 */
final class Lexicon {
  private static final Set<String> FILLERS = Set.of(
      "a", "an", "the", "on", "in", "at", "with", "and", "of", "is", "are", "camera", "video",
      "scene", "clip", "while", "it", "its", "they", "them", "their", "then", "to", "into", "onto",
      "from", "under", "over", "by", "as", "across", "each", "other", "both", "during", "for",
      "very", "there", "this", "that", "which", "be", "being", "has", "have", "shot", "footage",
      "shows", "showing", "here", "all", "also", "s", "view", "background", "setting");

  private static final String[] NUMBER_WORDS = {
    "zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten",
    "eleven", "twelve"
  };

  private final Map<List<String>, Term> phrases = new HashMap<>();
  private final int longest;

  Lexicon() {
    addAll(ObjectColor.values(), (p, w) -> new Term.Color(p, (ObjectColor) w));
    addAll(Size.values(), (p, w) -> new Term.Bigness(p, (Size) w));
    for (Shape shape : Shape.values()) {
      for (String s : shape.synonyms()) {
        add(s, new Term.ShapeNoun(s, shape, isPlural(s, shape.synonyms())));
      }
    }
    for (Word[] values : new Word[][] {
        Motion.values(), Environment.values(), TimeOfDay.values(), Lighting.values(),
        CameraMove.values(), Speed.values()}) {
      addAll(values, Term.Attribute::new);
    }
    for (String noun : List.of("object", "thing", "item", "shape")) {
      add(noun, new Term.ObjectNoun(noun, false));
      add(noun + "s", new Term.ObjectNoun(noun + "s", true));
    }
    for (int n = 0; n < NUMBER_WORDS.length; n++) {
      add(NUMBER_WORDS[n], new Term.Count(NUMBER_WORDS[n], n));
    }
    add("single", new Term.Count("single", 1));
    add("a single", new Term.Count("a single", 1));
    add("lone", new Term.Count("lone", 1));
    add("a lone", new Term.Count("a lone", 1));
    for (String pair : List.of("pair of", "a pair of", "couple of", "a couple of")) {
      add(pair, new Term.Count(pair, 2));
    }
    for (String trio : List.of("trio of", "a trio of")) {
      add(trio, new Term.Count(trio, 3));
    }
    add("a", new Term.Article("a"));
    add("an", new Term.Article("an"));
    longest = phrases.keySet().stream().mapToInt(List::size).max().orElse(1);
  }

  /** Splits a prompt into lower-case words; punctuation and hyphens separate words. */
  static List<String> words(String text) {
    String t = text.toLowerCase(Locale.ROOT).replace("'s ", " ").replaceAll("[^a-z0-9]+", " ").strip();
    return t.isEmpty() ? List.of() : Arrays.asList(t.split(" "));
  }

  /** Reads the prompt's words as terms, matching the longest known phrase at each position. */
  List<Term> read(List<String> words) {
    List<Term> terms = new ArrayList<>();
    int i = 0;
    while (i < words.size()) {
      Term match = null;
      int length = 0;
      for (int n = Math.min(longest, words.size() - i); n >= 1 && match == null; n--) {
        Term t = phrases.get(words.subList(i, i + n));
        if (t != null) {
          match = t;
          length = n;
        }
      }
      if (match == null) {
        match = single(words.get(i));
        length = 1;
      }
      terms.add(match);
      i += length;
    }
    return terms;
  }

  private Term single(String word) {
    if (word.chars().allMatch(Character::isDigit)) {
      // more digits than an int holds is still just "too many objects"
      int n = word.length() > 6 ? Integer.MAX_VALUE : Integer.parseInt(word);
      return new Term.Count(word, n);
    }
    if (FILLERS.contains(word)) {
      return new Term.Filler(word);
    }
    // plurals the vocabulary does not list ("rooms", "reds") mean their singular
    for (String suffix : List.of("es", "s")) {
      if (word.endsWith(suffix) && word.length() > suffix.length() + 1) {
        Term t = phrases.get(List.of(word.substring(0, word.length() - suffix.length())));
        if (t != null && !(t instanceof Term.Count) && !(t instanceof Term.Article)) {
          return t;
        }
      }
    }
    return new Term.Unknown(word);
  }

  private void addAll(Word[] values, BiFunction<String, Word, Term> term) {
    for (Word w : values) {
      for (String s : w.synonyms()) {
        add(s, term.apply(s, w));
      }
    }
  }

  private void add(String phrase, Term term) {
    List<String> key = words(phrase);
    Term old = phrases.putIfAbsent(key, term);
    if (old != null && !sameMeaning(old, term)) {
      throw new IllegalStateException("the vocabulary gives \"" + phrase + "\" two meanings: "
          + old + " and " + term);
    }
  }

  private static boolean sameMeaning(Term a, Term b) {
    return meaning(a).equals(meaning(b));
  }

  private static Object meaning(Term t) {
    if (t instanceof Term.Attribute at) {
      return at.value();
    } else if (t instanceof Term.Color c) {
      return c.color();
    } else if (t instanceof Term.Bigness b) {
      return b.size();
    } else if (t instanceof Term.ShapeNoun s) {
      return s.shape();
    }
    return t.getClass();
  }

  private static boolean isPlural(String word, List<String> synonyms) {
    return (word.endsWith("s") && synonyms.contains(word.substring(0, word.length() - 1)))
        || (word.endsWith("es") && synonyms.contains(word.substring(0, word.length() - 2)));
  }
}
