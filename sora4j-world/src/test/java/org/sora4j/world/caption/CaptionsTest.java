package org.sora4j.world.caption;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.sora4j.world.parse.ParsedPrompt;
import org.sora4j.world.parse.PromptParser;
import org.sora4j.world.scene.CameraMove;
import org.sora4j.world.scene.Environment;
import org.sora4j.world.scene.Lighting;
import org.sora4j.world.scene.Motion;
import org.sora4j.world.scene.ObjectColor;
import org.sora4j.world.scene.ObjectSpec;
import org.sora4j.world.scene.Scene;
import org.sora4j.world.scene.SceneSpec;
import org.sora4j.world.scene.Shape;
import org.sora4j.world.scene.Size;
import org.sora4j.world.scene.Speed;
import org.sora4j.world.scene.TimeOfDay;

class CaptionsTest {
  @Test
  void detailedCaptionMentionsEveryAttributeWithItsWord() {
    Scene s = new Scene(
        List.of(new ObjectSpec(ObjectColor.RED, Shape.BALL, Size.SMALL),
            new ObjectSpec(ObjectColor.BLUE, Shape.BOX, Size.LARGE)),
        Motion.FALLS, Environment.GRASS, TimeOfDay.SUNSET, Lighting.CINEMATIC, CameraMove.PAN_LEFT,
        Speed.SLOW_MOTION);
    assertThat(Captions.detailedCaption(s)).isEqualTo(
        "Two objects: a small red ball and a large blue box. They fall and bounce on the grass, at"
            + " sunset, with cinematic lighting; the camera pans left; slow motion.");
    for (long seed = 0; seed < 300; seed++) {
      Scene scene = SceneSpec.open().resolve(seed);
      String d = Captions.detailedCaption(scene);
      for (ObjectSpec o : scene.objects()) {
        assertThat(d).contains(o.size().word() + " " + o.color().word() + " " + o.shape().word());
      }
      assertThat(d).contains(scene.environment().word(), scene.time().word(), scene.lighting().word(),
          scene.camera().word(), scene.speed().word());
    }
  }

  @Test
  void detailedCaptionParsesBackToTheSameScene() {
    for (long seed = 0; seed < 1000; seed++) {
      Scene scene = SceneSpec.open().resolve(seed);
      String d = Captions.detailedCaption(scene);
      ParsedPrompt parsed = PromptParser.parse(d);
      assertThat(parsed.unknownWords()).as(d).isEmpty();
      // a fully specified spec resolves to itself whatever the seed
      assertThat(parsed.spec().resolve(seed + 1)).as(d).isEqualTo(scene);
    }
  }

  @Test
  void shortCaptionAsksOnlyForWhatTheSceneIs() {
    Set<String> distinct = new HashSet<>();
    for (long seed = 0; seed < 1000; seed++) {
      Scene scene = SceneSpec.open().resolve(seed);
      String c = Captions.shortCaption(scene);
      distinct.add(c);
      ParsedPrompt parsed = PromptParser.parse(c);
      assertThat(parsed.unknownWords()).as(c).isEmpty();
      SceneSpec spec = parsed.spec();
      assertThat(spec.count()).as(c).isEqualTo(scene.objects().size());
      assertThat(spec.motion()).as(c).isEqualTo(scene.motion());
      for (int i = 0; i < spec.objects().size(); i++) {
        ObjectSpec asked = spec.objects().get(i);
        ObjectSpec actual = scene.objects().get(i);
        assertThat(asked.color()).as(c).isEqualTo(actual.color());
        assertThat(asked.shape()).as(c).isEqualTo(actual.shape());
        assertThat(asked.size()).as(c).isIn(null, actual.size());
      }
      int extras = 0;
      extras += check(spec.environment(), scene.environment(), c);
      extras += check(spec.time(), scene.time(), c);
      extras += check(spec.lighting(), scene.lighting(), c);
      extras += check(spec.camera(), scene.camera(), c);
      extras += check(spec.speed(), scene.speed(), c);
      assertThat(extras).as(c).isBetween(1, 3);
    }
    assertThat(distinct.size()).isGreaterThan(500);
  }

  @Test
  void captionsAreDeterministicAndReadLikePrompts() {
    Scene s = new Scene(List.of(new ObjectSpec(ObjectColor.ORANGE, Shape.TRIANGLE, Size.LARGE)),
        Motion.BEHIND_WALL, Environment.SPACE, TimeOfDay.NIGHT, Lighting.NORMAL, CameraMove.STATIC,
        Speed.NORMAL);
    Scene same = new Scene(List.of(new ObjectSpec(ObjectColor.ORANGE, Shape.TRIANGLE, Size.LARGE)),
        Motion.BEHIND_WALL, Environment.SPACE, TimeOfDay.NIGHT, Lighting.NORMAL, CameraMove.STATIC,
        Speed.NORMAL);
    assertThat(Captions.shortCaption(s)).isEqualTo(Captions.shortCaption(same));
    assertThat(Captions.detailedCaption(s)).isEqualTo(Captions.detailedCaption(same));
    assertThat(Captions.shortCaption(s)).matches("an? (large )?orange triangle passes behind a wall.*");
    assertThat(Captions.detailedCaption(s)).startsWith("One object: a large orange triangle. It passes behind a wall in space");
  }

  @Test
  void identicalObjectsShareACount() {
    ObjectSpec ball = new ObjectSpec(ObjectColor.WHITE, Shape.BALL, Size.SMALL);
    ObjectSpec box = new ObjectSpec(ObjectColor.GREEN, Shape.BOX, Size.LARGE);
    Scene s = new Scene(List.of(ball, ball, box), Motion.ROLLS, Environment.ROOM, TimeOfDay.DAY,
        Lighting.NORMAL, CameraMove.ZOOM_IN, Speed.TIME_LAPSE);
    assertThat(Captions.detailedCaption(s)).isEqualTo(
        "Three objects: two small white balls and a large green box. They roll and slow to a stop in"
            + " a room, during the day, with normal lighting; the camera zooms in; time-lapse.");
  }

  private static int check(Object asked, Object actual, String caption) {
    if (asked == null) {
      return 0;
    }
    assertThat(asked).as(caption).isEqualTo(actual);
    return 1;
  }
}
