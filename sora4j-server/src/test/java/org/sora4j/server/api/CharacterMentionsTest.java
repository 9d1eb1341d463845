package org.sora4j.server.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.sora4j.server.store.CharacterRow;

class CharacterMentionsTest {
  private static CharacterRow character(String name, String description) {
    return new CharacterRow("char_" + "0".repeat(32), "", name, description, 0);
  }

  private static final CharacterMentions REX = CharacterMentions.of(List.of(character("Rex", "a small red ball")));

  @Test
  void aNameWithOrWithoutAtInAnyCaseBecomesTheDescription() {
    assertThat(REX.resolve("@Rex bounces on the sand")).isEqualTo("a small red ball bounces on the sand");
    assertThat(REX.resolve("REX falls, then rex rests.")).isEqualTo("a small red ball falls, then a small red ball rests.");
    assertThat(REX.resolve("a blue box and @rex's shadow")).isEqualTo("a blue box and a small red ball's shadow");
  }

  @Test
  void onlyWholeWordsAreNames() {
    for (String prompt : List.of("Rexford rolls", "a T-Rex", "rex_2 rolls", "mail bob@rex.com", "@@ no one", "prex")) {
      assertThat(REX.resolve(prompt)).as(prompt).isEqualTo(prompt);
    }
    assertThat(CharacterMentions.of(List.of()).resolve("@Rex rolls")).isEqualTo("@Rex rolls");
  }

  @Test
  void namesOfSeveralWordsAndSymbolsMatchAsWritten() {
    CharacterMentions m = CharacterMentions.of(List.of(character("Big Rex", "a large blue box"),
        character("Rex", "a small red ball"), character("T-Rex_2", "a large green triangle")));
    assertThat(m.resolve("big  rex meets Rex and @t-rex_2"))
        .isEqualTo("a large blue box meets a small red ball and a large green triangle");
  }

  @Test
  void descriptionsAreNotReadAgainAndTheNewestOfOneNameWins() {
    CharacterMentions m = CharacterMentions.of(List.of(character("box", "a small red ball"),
        character("Red", "a large blue box"), character("RED", "an older description")));
    assertThat(m.resolve("Red and box")).isEqualTo("a large blue box and a small red ball");
  }

  @Test
  void replacementTextIsTakenLiterally() {
    CharacterMentions m = CharacterMentions.of(List.of(character("Rex", "a $1 \\ ball")));
    assertThat(m.resolve("Rex")).isEqualTo("a $1 \\ ball");
  }
}
