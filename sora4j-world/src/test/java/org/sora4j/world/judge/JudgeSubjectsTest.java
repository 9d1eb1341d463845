package org.sora4j.world.judge;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.sora4j.core.video.Video;
import org.sora4j.world.scene.CameraMove;
import org.sora4j.world.scene.Environment;
import org.sora4j.world.scene.Lighting;
import org.sora4j.world.scene.Motion;
import org.sora4j.world.scene.ObjectColor;
import org.sora4j.world.scene.ObjectSpec;
import org.sora4j.world.scene.Scene;
import org.sora4j.world.scene.Shape;
import org.sora4j.world.scene.Size;
import org.sora4j.world.scene.Speed;
import org.sora4j.world.scene.TimeOfDay;

/** The judge names what a video shows in the world's words: the subjects a character is made from. */
class JudgeSubjectsTest {
  private final Judge judge = new Judge();

  private static Scene scene(ObjectSpec object, Motion motion, Environment environment, TimeOfDay time) {
    return new Scene(List.of(object), motion, environment, time, Lighting.NORMAL, CameraMove.STATIC, Speed.NORMAL);
  }

  @Test
  void aRenderedObjectComesBackWithItsColorShapeAndSize() {
    List<Scene> scenes = List.of(
        scene(new ObjectSpec(ObjectColor.RED, Shape.BALL, Size.SMALL), Motion.FALLS, Environment.SAND, TimeOfDay.DAY),
        scene(new ObjectSpec(ObjectColor.BLUE, Shape.BOX, Size.LARGE), Motion.RESTS, Environment.GRASS, TimeOfDay.DAY),
        scene(new ObjectSpec(ObjectColor.GREEN, Shape.TRIANGLE, Size.LARGE), Motion.ROLLS, Environment.ROOM,
            TimeOfDay.SUNSET),
        scene(new ObjectSpec(ObjectColor.YELLOW, Shape.BALL, Size.LARGE), Motion.MOVES_LEFT, Environment.SNOW,
            TimeOfDay.NIGHT));
    for (int i = 0; i < scenes.size(); i++) {
      Scene s = scenes.get(i);
      assertThat(judge.subjects(Clips.render(s, i))).as("%s", s).containsExactly(s.objects().get(0));
    }
  }

  @Test
  void twoObjectsAreBothNamed() {
    ObjectSpec red = new ObjectSpec(ObjectColor.RED, Shape.BALL, Size.SMALL);
    ObjectSpec purple = new ObjectSpec(ObjectColor.PURPLE, Shape.BOX, Size.LARGE);
    Scene s = new Scene(List.of(red, purple), Motion.RESTS, Environment.GRASS, TimeOfDay.DAY, Lighting.NORMAL,
        CameraMove.STATIC, Speed.NORMAL);
    assertThat(judge.subjects(Clips.render(s, 5))).containsExactlyInAnyOrder(red, purple);
  }

  @Test
  void theObjectSeenLongestComesFirst() {
    ObjectSpec white = new ObjectSpec(ObjectColor.WHITE, Shape.BOX, Size.LARGE);
    Scene still = scene(white, Motion.RESTS, Environment.GRASS, TimeOfDay.DAY);
    Video throughout = Clips.render(still, 1);
    Video ball = Clips.paintedBall(ObjectColor.RED, Size.SMALL.radius(), t -> 0.5);
    // the ball is pasted into the last third of the frames only
    List<byte[]> frames = Clips.frames(throughout);
    int from = frames.size() * 2 / 3;
    for (int f = from; f < frames.size(); f++) {
      byte[] b = frames.get(f).clone();
      byte[] red = ball.frame(0);
      for (int i = 0; i < b.length; i += 3) {
        if ((red[i] & 0xff) > 180 && (red[i + 1] & 0xff) < 80) {
          System.arraycopy(red, i, b, i, 3);
        }
      }
      frames.set(f, b);
    }
    assertThat(judge.subjects(Clips.of(throughout, frames)))
        .containsExactly(white, new ObjectSpec(ObjectColor.RED, Shape.BALL, Size.SMALL));
  }

  @Test
  void anEmptySceneHasNoSubjects() {
    assertThat(judge.subjects(Clips.backdrop(Environment.GRASS))).isEmpty();
    assertThat(judge.subjects(Clips.backdrop(Environment.SPACE))).isEmpty();
  }

  @Test
  void aVideoTooSmallToJudgeIsRefused() {
    Video tiny = Video.of(4, 4, 8, List.of(new byte[4 * 4 * 3]));
    assertThatThrownBy(() -> judge.subjects(tiny)).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("8x8");
  }
}
