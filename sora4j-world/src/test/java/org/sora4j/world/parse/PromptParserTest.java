package org.sora4j.world.parse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.sora4j.world.scene.CameraMove;
import org.sora4j.world.scene.Environment;
import org.sora4j.world.scene.Lighting;
import org.sora4j.world.scene.Motion;
import org.sora4j.world.scene.ObjectColor;
import org.sora4j.world.scene.ObjectSpec;
import org.sora4j.world.scene.SceneSpec;
import org.sora4j.world.scene.Shape;
import org.sora4j.world.scene.Size;
import org.sora4j.world.scene.Speed;
import org.sora4j.world.scene.TimeOfDay;
import org.sora4j.world.scene.Word;

class PromptParserTest {
  private static SceneSpec spec(String prompt) {
    return PromptParser.parse(prompt).spec();
  }

  @Test
  void readsEveryAttributeOfAFullPrompt() {
    ParsedPrompt p = PromptParser.parse(
        "A small red ball falls and bounces on the grass at sunset, cinematic lighting, the camera pans left, slow motion");
    SceneSpec s = p.spec();
    assertThat(s.count()).isEqualTo(1);
    assertThat(s.objects()).containsExactly(new ObjectSpec(ObjectColor.RED, Shape.BALL, Size.SMALL));
    assertThat(s.motion()).isEqualTo(Motion.FALLS);
    assertThat(s.environment()).isEqualTo(Environment.GRASS);
    assertThat(s.time()).isEqualTo(TimeOfDay.SUNSET);
    assertThat(s.lighting()).isEqualTo(Lighting.CINEMATIC);
    assertThat(s.camera()).isEqualTo(CameraMove.PAN_LEFT);
    assertThat(s.speed()).isEqualTo(Speed.SLOW_MOTION);
    assertThat(p.unknownWords()).isEmpty();
  }

  @Test
  void wordOrderCaseAndPunctuationDoNotMatter() {
    SceneSpec a = spec("at NIGHT; in space!! -- a Blue Cube (rolls)");
    SceneSpec b = spec("a blue cube rolls in space at night");
    assertThat(a).isEqualTo(b);
    assertThat(a.objects()).containsExactly(new ObjectSpec(ObjectColor.BLUE, Shape.BOX, null));
    assertThat(a.motion()).isEqualTo(Motion.ROLLS);
    assertThat(a.environment()).isEqualTo(Environment.SPACE);
    assertThat(a.time()).isEqualTo(TimeOfDay.NIGHT);
  }

  @Test
  void leavesUnmentionedAttributesOpen() {
    SceneSpec s = spec("a triangle");
    assertThat(s.count()).isEqualTo(1);
    assertThat(s.objects()).containsExactly(new ObjectSpec(null, Shape.TRIANGLE, null));
    assertThat(s.motion()).isNull();
    assertThat(s.environment()).isNull();
    assertThat(s.time()).isNull();
    assertThat(s.lighting()).isNull();
    assertThat(s.camera()).isNull();
    assertThat(s.speed()).isNull();
  }

  @Test
  void pluralWithANumberIsOneDescriptionRepeated() {
    SceneSpec s = spec("two red balls");
    assertThat(s.count()).isEqualTo(2);
    assertThat(s.objects()).containsExactly(
        new ObjectSpec(ObjectColor.RED, Shape.BALL, null), new ObjectSpec(ObjectColor.RED, Shape.BALL, null));
  }

  @Test
  void severalDescriptionsGiveSeveralObjects() {
    SceneSpec s = spec("a red ball and a blue box collide");
    assertThat(s.count()).isEqualTo(2);
    assertThat(s.objects()).containsExactly(
        new ObjectSpec(ObjectColor.RED, Shape.BALL, null), new ObjectSpec(ObjectColor.BLUE, Shape.BOX, null));
    assertThat(s.motion()).isEqualTo(Motion.COLLIDE);
  }

  @Test
  void mixesCountsAndDescriptions() {
    SceneSpec s = spec("2 large green boxes and a tiny white sphere rest");
    assertThat(s.count()).isEqualTo(3);
    assertThat(s.objects()).containsExactly(
        new ObjectSpec(ObjectColor.GREEN, Shape.BOX, Size.LARGE),
        new ObjectSpec(ObjectColor.GREEN, Shape.BOX, Size.LARGE),
        new ObjectSpec(ObjectColor.WHITE, Shape.BALL, Size.SMALL));
    assertThat(s.motion()).isEqualTo(Motion.RESTS);
  }

  @ParameterizedTest
  @ValueSource(strings = {"two balls", "2 balls", "a pair of balls", "pair of balls", "a couple of balls", "Two Spheres"})
  void readsNumbersInWordsAndDigits(String prompt) {
    SceneSpec s = spec(prompt);
    assertThat(s.count()).isEqualTo(2);
    assertThat(s.objects()).allMatch(o -> o.shape() == Shape.BALL).hasSize(2);
  }

  @Test
  void readsThreeAndOne() {
    assertThat(spec("three triangles").count()).isEqualTo(3);
    assertThat(spec("3 wedges").count()).isEqualTo(3);
    assertThat(spec("one orb").count()).isEqualTo(1);
    assertThat(spec("a single crate").count()).isEqualTo(1);
  }

  @Test
  void aBarePluralLeavesTheCountOpen() {
    SceneSpec s = spec("purple cubes move up");
    assertThat(s.count()).isNull();
    assertThat(s.objects()).containsExactly(new ObjectSpec(ObjectColor.PURPLE, Shape.BOX, null));
    assertThat(s.motion()).isEqualTo(Motion.MOVES_UP);
  }

  @Test
  void aTotalCountBeforeTheDescriptions() {
    SceneSpec s = spec("Three objects: a small red ball, a large blue box and a small yellow triangle.");
    assertThat(s.count()).isEqualTo(3);
    assertThat(s.objects()).containsExactly(
        new ObjectSpec(ObjectColor.RED, Shape.BALL, Size.SMALL),
        new ObjectSpec(ObjectColor.BLUE, Shape.BOX, Size.LARGE),
        new ObjectSpec(ObjectColor.YELLOW, Shape.TRIANGLE, Size.SMALL));
  }

  @Test
  void aCountWithoutDescriptions() {
    SceneSpec s = spec("three objects fall");
    assertThat(s.count()).isEqualTo(3);
    assertThat(s.objects()).isEmpty();
    assertThat(spec("an object rolls").count()).isEqualTo(1);
  }

  @Test
  void adjectivesBeforeAPluralNounShareIt() {
    SceneSpec s = spec("red and blue balls collide");
    assertThat(s.count()).isEqualTo(2);
    assertThat(s.objects()).containsExactly(
        new ObjectSpec(ObjectColor.RED, Shape.BALL, null), new ObjectSpec(ObjectColor.BLUE, Shape.BALL, null));
  }

  @Test
  void adjectivesWithoutNounStillDescribeAnObject() {
    SceneSpec s = spec("something green falls");
    assertThat(s.objects()).containsExactly(new ObjectSpec(ObjectColor.GREEN, null, null));
    assertThat(PromptParser.parse("something green falls").unknownWords()).containsExactly("something");
  }

  @Test
  void articlesBeforePlacesAreNotObjects() {
    SceneSpec s = spec("a ball in a room");
    assertThat(s.count()).isEqualTo(1);
    assertThat(s.environment()).isEqualTo(Environment.ROOM);
  }

  @Test
  void longestPhraseWins() {
    assertThat(spec("a ball, still camera").camera()).isEqualTo(CameraMove.STATIC);
    assertThat(spec("a ball, still camera").motion()).isNull();
    assertThat(spec("a ball sits still").motion()).isEqualTo(Motion.RESTS);
    assertThat(spec("a ball at golden hour").time()).isEqualTo(TimeOfDay.SUNSET);
    assertThat(spec("a ball at golden hour").objects().get(0).color()).isNull();
    assertThat(spec("a gold ball").objects().get(0).color()).isEqualTo(ObjectColor.YELLOW);
    assertThat(spec("a ball at normal speed").speed()).isEqualTo(Speed.NORMAL);
    assertThat(spec("a ball at normal speed").lighting()).isNull();
    assertThat(spec("a ball passes behind a wall").count()).isEqualTo(1);
    assertThat(spec("a ball rolls and slows to a stop").motion()).isEqualTo(Motion.ROLLS);
  }

  @Test
  void hyphensAndSpacesAreTheSame() {
    assertThat(spec("a ball, slow-motion").speed()).isEqualTo(Speed.SLOW_MOTION);
    assertThat(spec("a ball, slow motion").speed()).isEqualTo(Speed.SLOW_MOTION);
    assertThat(spec("a ball, time lapse").speed()).isEqualTo(Speed.TIME_LAPSE);
    assertThat(spec("a ball, timelapse").speed()).isEqualTo(Speed.TIME_LAPSE);
    assertThat(spec("a ball, slo-mo").speed()).isEqualTo(Speed.SLOW_MOTION);
  }

  @Test
  void everySynonymOfEveryWordParsesToIt() {
    for (Word[] values : new Word[][] {Motion.values(), Environment.values(), TimeOfDay.values(),
        Lighting.values(), CameraMove.values(), Speed.values()}) {
      for (Word w : values) {
        for (String synonym : w.synonyms()) {
          ParsedPrompt p = PromptParser.parse("a ball " + synonym);
          SceneSpec s = p.spec();
          List<Object> got = java.util.Arrays.asList(
              s.motion(), s.environment(), s.time(), s.lighting(), s.camera(), s.speed());
          assertThat(got).as(synonym).contains(w);
          assertThat(p.unknownWords()).as(synonym).isEmpty();
        }
      }
    }
    for (ObjectColor c : ObjectColor.values()) {
      for (String synonym : c.synonyms()) {
        assertThat(spec("a " + synonym + " box").objects().get(0).color()).as(synonym).isEqualTo(c);
      }
    }
    for (Size z : Size.values()) {
      for (String synonym : z.synonyms()) {
        assertThat(spec("a " + synonym + " box").objects().get(0).size()).as(synonym).isEqualTo(z);
      }
    }
    for (Shape sh : Shape.values()) {
      for (String synonym : sh.synonyms()) {
        assertThat(spec("red " + synonym).objects().get(0).shape()).as(synonym).isEqualTo(sh);
      }
    }
  }

  @Test
  void pluralsTheVocabularyDoesNotListStillParse() {
    assertThat(spec("two balls in rooms").environment()).isEqualTo(Environment.ROOM);
  }

  @Test
  void reportsUnknownWordsInOrderWithoutFailing() {
    ParsedPrompt p = PromptParser.parse("a shiny red ball wobbles on the grass");
    assertThat(p.unknownWords()).containsExactly("shiny", "wobbles");
    assertThat(p.spec().objects()).containsExactly(new ObjectSpec(ObjectColor.RED, Shape.BALL, null));
    assertThat(p.spec().environment()).isEqualTo(Environment.GRASS);
  }

  @Test
  void stopWordsAreNotReported() {
    ParsedPrompt p = PromptParser.parse("a video of the camera and a clip with a scene while a ball is at rest in the room");
    assertThat(p.unknownWords()).isEmpty();
  }

  @Test
  void aCollisionOfMoreThanTwoIsReported() {
    assertThat(PromptParser.parse("three boxes collide and bounce apart").unknownWords())
        .containsExactly("3 objects (a collision is of two)");
    assertThat(PromptParser.parse("a ball collides").unknownWords()).isEmpty();
    assertThat(PromptParser.parse("a red ball and a blue ball collide").unknownWords()).isEmpty();
    assertThat(PromptParser.parse("balls collide").unknownWords()).isEmpty();
  }

  @Test
  void aContradictionIsReportedAndTheFirstWordKept() {
    ParsedPrompt p = PromptParser.parse("a ball falls at night and rests at noon");
    assertThat(p.spec().motion()).isEqualTo(Motion.FALLS);
    assertThat(p.spec().time()).isEqualTo(TimeOfDay.NIGHT);
    assertThat(p.unknownWords()).hasSize(2).allMatch(w -> w.contains("contradicts"));
  }

  @Test
  void aPromptOfOnlyUnknownWordsIsAnOpenSpec() {
    ParsedPrompt p = PromptParser.parse("lorem ipsum");
    assertThat(p.spec()).isEqualTo(SceneSpec.open());
    assertThat(p.unknownWords()).containsExactly("lorem", "ipsum");
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "   ", "\n\t", "?!."})
  void rejectsEmptyPrompts(String prompt) {
    assertThatThrownBy(() -> PromptParser.parse(prompt))
        .isInstanceOf(IllegalArgumentException.class).hasMessage("prompt is empty");
    assertThatThrownBy(() -> PromptParser.parse(null))
        .isInstanceOf(IllegalArgumentException.class).hasMessage("prompt is empty");
  }

  @ParameterizedTest
  @ValueSource(strings = {"four balls", "5 red boxes", "two balls and two boxes", "twelve objects",
      "99999999999 balls", "a ball, a box, a triangle and a cube"})
  void rejectsMoreThanThreeObjects(String prompt) {
    assertThatThrownBy(() -> PromptParser.parse(prompt))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("at most 3 objects");
  }

  @Test
  void rejectsZeroObjects() {
    assertThatThrownBy(() -> PromptParser.parse("zero balls"))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("at least 1");
  }
}
