package org.sora4j.server.api;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.sora4j.server.store.CharacterRow;

/**
 * Finds an owner's characters named in a prompt and puts what they look like in their place, so
 * "@Rex bounces on the sand" reaches the model as "a small red ball bounces on the sand". A name
 * matches as whole words, in any case, with or without a leading '@'; since names may hold '_' and
 * '-', those continue a word as letters and digits do ("T-Rex" does not name Rex).
 */
final class CharacterMentions {
  /** What names are made of, besides spaces. */
  private static final String WORD = "[\\p{L}\\p{N}_-]";

  private final Pattern mention;
  /** The description of each group of {@link #mention}, in order. */
  private final List<String> looks;

  private CharacterMentions(Pattern mention, List<String> looks) {
    this.mention = mention;
    this.looks = looks;
  }

  /** The mentions of these characters, newest first: of two with one name, the newer is meant. */
  static CharacterMentions of(List<CharacterRow> characters) {
    Map<String, CharacterRow> byName = new LinkedHashMap<>();
    for (CharacterRow c : characters) {
      byName.putIfAbsent(words(c.name()).toLowerCase(Locale.ROOT), c);
    }
    // longest first, so "Rex Junior" is not read as "Rex" followed by "Junior"
    List<CharacterRow> named = new ArrayList<>(byName.values());
    named.sort((a, b) -> Integer.compare(words(b.name()).length(), words(a.name()).length()));
    List<String> groups = new ArrayList<>();
    List<String> looks = new ArrayList<>();
    for (CharacterRow c : named) {
      List<String> quoted = new ArrayList<>();
      for (String w : words(c.name()).split(" ")) {
        quoted.add(Pattern.quote(w));
      }
      groups.add("(" + String.join("\\s+", quoted) + ")");
      looks.add(c.description());
    }
    if (groups.isEmpty()) {
      return new CharacterMentions(null, List.of());
    }
    // not inside a longer word, nor after an '@' left out of the match (bob@rex.com names no one)
    Pattern mention = Pattern.compile("(?<!" + WORD + ")(?<!@)@?(?:" + String.join("|", groups) + ")(?!" + WORD + ")",
        Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
    return new CharacterMentions(mention, List.copyOf(looks));
  }

  /** The prompt with every mention replaced by the character's description, in one pass. */
  String resolve(String prompt) {
    if (mention == null) {
      return prompt;
    }
    Matcher m = mention.matcher(prompt);
    StringBuilder out = new StringBuilder();
    while (m.find()) {
      int group = 1;
      while (m.group(group) == null) {
        group++;
      }
      m.appendReplacement(out, Matcher.quoteReplacement(looks.get(group - 1)));
    }
    m.appendTail(out);
    return out.toString();
  }

  /** A name's words, single-spaced. */
  private static String words(String name) {
    return name.strip().replaceAll("\\s+", " ");
  }
}
