package org.sora4j.core.text;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Lower-cased words and punctuation marks to ids from a fixed vocabulary, built from the training
 * captions and saved with the text encoder. A closed world needs no subword merges: words outside
 * the vocabulary become {@code [unk]}, which the prompt parser already reports to the user.
 */
public final class WordTokenizer {
  public static final String PAD = "[pad]";
  public static final String UNKNOWN = "[unk]";
  public static final int PAD_ID = 0;
  public static final int UNKNOWN_ID = 1;
  private static final Pattern TOKEN = Pattern.compile("[\\p{L}\\p{N}]+|[^\\s\\p{L}\\p{N}]");

  private final List<String> vocabulary;
  private final Map<String, Integer> ids = new HashMap<>();

  /** @param vocabulary words by id; must start with {@code [pad]} and {@code [unk]} */
  public WordTokenizer(List<String> vocabulary) {
    if (vocabulary.size() < 2 || !vocabulary.get(PAD_ID).equals(PAD) || !vocabulary.get(UNKNOWN_ID).equals(UNKNOWN)) {
      throw new IllegalArgumentException("a vocabulary starts with " + PAD + " and " + UNKNOWN);
    }
    this.vocabulary = List.copyOf(vocabulary);
    for (int i = 0; i < vocabulary.size(); i++) {
      if (ids.put(vocabulary.get(i), i) != null) {
        throw new IllegalArgumentException("vocabulary lists '" + vocabulary.get(i) + "' twice");
      }
    }
  }

  /** The vocabulary of every token in {@code texts}, in order of first appearance. */
  public static WordTokenizer fit(Iterable<String> texts) {
    List<String> words = new ArrayList<>(List.of(PAD, UNKNOWN));
    Map<String, Boolean> seen = new HashMap<>();
    for (String text : texts) {
      for (String word : split(text)) {
        if (seen.putIfAbsent(word, true) == null) {
          words.add(word);
        }
      }
    }
    return new WordTokenizer(words);
  }

  /** Lower-cased words and single punctuation marks. */
  public static List<String> split(String text) {
    List<String> words = new ArrayList<>();
    var m = TOKEN.matcher(text.toLowerCase(Locale.ROOT));
    while (m.find()) {
      words.add(m.group());
    }
    return words;
  }

  /** Ids of the text, cut or padded to {@code length}. */
  public int[] encode(String text, int length) {
    int[] out = new int[length];
    List<String> words = split(text);
    for (int i = 0; i < Math.min(length, words.size()); i++) {
      out[i] = ids.getOrDefault(words.get(i), UNKNOWN_ID);
    }
    return out;
  }

  /** Words of {@code text} the vocabulary lacks. */
  public List<String> unknownWords(String text) {
    return split(text).stream().filter(w -> !ids.containsKey(w)).distinct().toList();
  }

  public List<String> vocabulary() {
    return vocabulary;
  }

  public int size() {
    return vocabulary.size();
  }
}
