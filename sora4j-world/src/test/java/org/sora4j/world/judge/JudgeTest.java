package org.sora4j.world.judge;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.sora4j.core.video.Video;
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
import org.sora4j.world.scene.WorldLayout;
import org.sora4j.world.sim.Clip;
import org.sora4j.world.sim.WorldRenderer;

class JudgeTest {
  private final Judge judge = new Judge();

  private static final Scene FALL = new Scene(List.of(new ObjectSpec(ObjectColor.RED, Shape.BALL, Size.LARGE)),
      Motion.FALLS, Environment.GRASS, TimeOfDay.SUNSET, Lighting.NORMAL, CameraMove.STATIC, Speed.NORMAL);

  private static Scene with(Scene s, Motion m, Environment e, TimeOfDay t, Lighting l, CameraMove c, Speed v) {
    return new Scene(s.objects(), m != null ? m : s.motion(), e != null ? e : s.environment(), t != null ? t : s.time(),
        l != null ? l : s.lighting(), c != null ? c : s.camera(), v != null ? v : s.speed());
  }

  private static Scene withObject(Scene s, ObjectSpec o) {
    return new Scene(List.of(o), s.motion(), s.environment(), s.time(), s.lighting(), s.camera(), s.speed());
  }

  private double dim(JudgeReport r, Dimension d) {
    assertThat(r.dimensions()).as("%s judged: %s", d.key(), r.notes()).containsKey(d.key());
    return r.dimensions().get(d.key());
  }

  @Test
  void groundTruthRendersScoreHighOnEveryDimension() {
    double sum = 0;
    int n = 40;
    for (long seed = 0; seed < n; seed++) {
      Scene scene = SceneSpec.open().resolve(seed);
      JudgeReport r = judge.score(Clips.render(scene, seed), scene.toSpec());
      assertThat(r.overall()).as("%s: %s", scene, r.notes()).isGreaterThan(0.8);
      assertThat(r.dimensions().keySet()).contains("count", "color", "shape", "size", "motion", "environment",
          "time", "lighting", "camera", "consistency");
      sum += r.overall();
    }
    assertThat(sum / n).isGreaterThan(0.97);
  }

  @Test
  void reportsOnlyWhatThePromptAsksPlusConsistency() {
    JudgeReport r = judge.score(Clips.render("a red ball rests at night", 3), Clips.spec("a red ball rests at night"));
    assertThat(r.dimensions().keySet()).containsExactly("count", "color", "shape", "motion", "physics", "time",
        "consistency");
    assertThat(r.overall()).isCloseTo(r.dimensions().values().stream().mapToDouble(d -> d).average().orElseThrow(),
        within(1e-9));
    assertThat(r.notes()).isNotEmpty();
  }

  @Test
  void notesWriteNumbersWithAPointWhateverTheDefaultLocale() {
    // notes are read by people and parsed by scripts: "fits 0.53" everywhere, never "fits 0,53"
    Locale before = Locale.getDefault();
    Locale.setDefault(Locale.GERMANY);
    try {
      JudgeReport r = judge.score(Clips.render("a red ball falls on the grass at sunset", 3),
          Clips.spec("a red ball falls on the grass at sunset"));
      assertThat(r.notes()).anySatisfy(n -> assertThat(n).containsPattern("\\d\\.\\d"));
      assertThat(r.notes()).noneSatisfy(n -> assertThat(n).containsPattern("\\d,\\d"));
    } finally {
      Locale.setDefault(before);
    }
  }

  @Test
  void pureNoiseScoresNearZero() {
    String[] prompts = {"a red ball falls on the grass at night", "two blue boxes move left in the snow, the camera pans left",
      "a small green triangle rests in a room with cinematic lighting"};
    for (int i = 0; i < prompts.length; i++) {
      JudgeReport r = judge.score(Clips.noise(i), Clips.spec(prompts[i]));
      assertThat(r.overall()).as(prompts[i] + " " + r.dimensions()).isLessThanOrEqualTo(0.15);
    }
  }

  @Test
  void frozenFramesBreakMotionAndPhysics() {
    Video v = Clips.render(FALL, 4);
    JudgeReport truth = judge.score(v, FALL.toSpec());
    JudgeReport frozen = judge.score(Clips.frozen(v), FALL.toSpec());
    assertThat(dim(truth, Dimension.MOTION)).isGreaterThan(0.9);
    assertThat(dim(frozen, Dimension.MOTION)).isLessThan(0.1);
    assertThat(dim(frozen, Dimension.PHYSICS)).as("hangs in the air").isLessThan(0.1);
    assertThat(dim(frozen, Dimension.COLOR)).isGreaterThan(0.9);
  }

  @Test
  void shuffledFramesBreakPhysics() {
    for (Motion m : List.of(Motion.FALLS, Motion.ROLLS, Motion.MOVES_RIGHT, Motion.THROWN)) {
      Scene s = with(FALL, m, null, null, null, null, null);
      Video v = Clips.render(s, 5);
      assertThat(dim(judge.score(v, s.toSpec()), Dimension.PHYSICS)).as(m.word()).isGreaterThan(0.9);
      assertThat(dim(judge.score(Clips.shuffled(v, 5), s.toSpec()), Dimension.PHYSICS)).as(m.word()).isLessThan(0.1);
    }
  }

  @Test
  void aFallPlayedBackwardsGainsEnergyAndFailsPhysics() {
    Video v = Clips.render(FALL, 6);
    JudgeReport r = judge.score(Clips.reversed(v), FALL.toSpec());
    assertThat(dim(r, Dimension.PHYSICS)).isLessThan(0.1);
    Scene roll = with(FALL, Motion.ROLLS, null, null, null, null, null);
    assertThat(dim(judge.score(Clips.reversed(Clips.render(roll, 6)), roll.toSpec()), Dimension.PHYSICS))
        .as("a roll backwards speeds up").isLessThan(0.1);
  }

  @Test
  void anObjectAcceleratingUpwardFailsPhysics() {
    SceneSpec spec = Clips.spec("a red ball falls on the grass");
    // painted by hand: a real fall, then the same ball accelerating upward at gravity
    Video fall = Clips.paintedBall(ObjectColor.RED, 0.1, t -> Math.min(0.2 + 1.25 * t * t, WorldLayout.FLOOR_Y - 0.1));
    Video rising = Clips.paintedBall(ObjectColor.RED, 0.1, t -> 0.6 - 1.25 * t * t * 0.4);
    assertThat(dim(judge.score(fall, spec), Dimension.PHYSICS)).isGreaterThan(0.8);
    JudgeReport r = judge.score(rising, spec);
    assertThat(dim(r, Dimension.PHYSICS)).as(r.notes().toString()).isLessThan(0.1);
  }

  @Test
  void wrongObjectAttributesScoreLowOnTheirDimension() {
    SceneSpec asked = FALL.toSpec();
    Video blue = Clips.render(withObject(FALL, new ObjectSpec(ObjectColor.BLUE, Shape.BALL, Size.LARGE)), 7);
    Video box = Clips.render(withObject(FALL, new ObjectSpec(ObjectColor.RED, Shape.BOX, Size.LARGE)), 7);
    Video triangle = Clips.render(withObject(FALL, new ObjectSpec(ObjectColor.RED, Shape.TRIANGLE, Size.LARGE)), 7);
    Video small = Clips.render(withObject(FALL, new ObjectSpec(ObjectColor.RED, Shape.BALL, Size.SMALL)), 7);
    JudgeReport wrongColor = judge.score(blue, asked);
    assertThat(dim(wrongColor, Dimension.COLOR)).isLessThan(0.05);
    assertThat(dim(wrongColor, Dimension.SHAPE)).isGreaterThan(0.9);
    assertThat(dim(judge.score(box, asked), Dimension.SHAPE)).isLessThan(0.05);
    assertThat(dim(judge.score(triangle, asked), Dimension.SHAPE)).isLessThan(0.05);
    JudgeReport wrongSize = judge.score(small, asked);
    assertThat(dim(wrongSize, Dimension.SIZE)).isLessThan(0.05);
    assertThat(dim(wrongSize, Dimension.COLOR)).isGreaterThan(0.9);
  }

  @Test
  void wrongCountScoresLow() {
    Video one = Clips.render(FALL, 8);
    SceneSpec two = Clips.spec("two red balls fall and bounce on the grass at sunset");
    assertThat(dim(judge.score(one, two), Dimension.COUNT)).isLessThan(0.3);
    Video three = Clips.render("three red balls rest on the grass", 8);
    assertThat(dim(judge.score(three, Clips.spec("a red ball rests on the grass")), Dimension.COUNT)).isLessThan(0.1);
  }

  @Test
  void wrongMotionScoresLow() {
    Motion[][] pairs = {
      {Motion.MOVES_LEFT, Motion.MOVES_RIGHT}, {Motion.MOVES_UP, Motion.MOVES_DOWN}, {Motion.FALLS, Motion.ROLLS},
      {Motion.ROLLS, Motion.MOVES_LEFT}, {Motion.RESTS, Motion.FALLS}, {Motion.THROWN, Motion.FALLS},
      {Motion.MOVES_DOWN, Motion.FALLS}, {Motion.FALLS, Motion.RESTS},
    };
    for (Motion[] p : pairs) {
      Scene shown = with(FALL, p[0], null, null, null, null, null);
      Scene asked = with(FALL, p[1], null, null, null, null, null);
      Video v = Clips.render(shown, 9);
      assertThat(dim(judge.score(v, shown.toSpec()), Dimension.MOTION)).as(p[0].word()).isGreaterThan(0.85);
      assertThat(dim(judge.score(v, asked.toSpec()), Dimension.MOTION)).as("%s judged as %s", p[0], p[1]).isLessThan(0.15);
    }
  }

  @Test
  void wrongSettingCameraAndSpeedScoreLow() {
    Video v = Clips.render(FALL, 10);
    SceneSpec[] wrong = {
      with(FALL, null, Environment.SAND, null, null, null, null).toSpec(),
      with(FALL, null, null, TimeOfDay.NIGHT, null, null, null).toSpec(),
      with(FALL, null, null, null, Lighting.CINEMATIC, null, null).toSpec(),
      with(FALL, null, null, null, null, CameraMove.PAN_LEFT, null).toSpec(),
      with(FALL, null, null, null, null, CameraMove.ZOOM_IN, null).toSpec(),
      with(FALL, null, null, null, null, null, Speed.SLOW_MOTION).toSpec(),
      with(FALL, null, null, null, null, null, Speed.TIME_LAPSE).toSpec(),
    };
    Dimension[] broken = {Dimension.ENVIRONMENT, Dimension.TIME, Dimension.LIGHTING, Dimension.CAMERA, Dimension.CAMERA,
      Dimension.SPEED, Dimension.SPEED};
    JudgeReport truth = judge.score(v, FALL.toSpec());
    for (int i = 0; i < wrong.length; i++) {
      assertThat(dim(truth, broken[i])).isGreaterThan(0.9);
      JudgeReport r = judge.score(v, wrong[i]);
      assertThat(dim(r, broken[i])).as("%s: %s", broken[i], r.notes()).isLessThan(0.1);
    }
  }

  @Test
  void eachEnvironmentTimeAndLightingIsToldApart() {
    long seed = 11;
    for (Environment e : Environment.values()) {
      for (TimeOfDay t : TimeOfDay.values()) {
        Lighting l = (e.ordinal() + t.ordinal()) % 2 == 0 ? Lighting.NORMAL : Lighting.CINEMATIC;
        Scene s = with(FALL, Motion.RESTS, e, t, l, null, null);
        JudgeReport r = judge.score(Clips.render(s, seed++), s.toSpec());
        assertThat(dim(r, Dimension.ENVIRONMENT)).as(s.toString()).isGreaterThan(0.9);
        assertThat(dim(r, Dimension.TIME)).as(s.toString()).isGreaterThan(0.9);
        assertThat(dim(r, Dimension.LIGHTING)).as(s.toString()).isGreaterThan(0.9);
      }
    }
  }

  @Test
  void eachCameraMoveIsRecognised() {
    for (CameraMove c : CameraMove.values()) {
      Scene s = with(FALL, Motion.MOVES_RIGHT, Environment.SAND, TimeOfDay.DAY, null, c, null);
      Video v = Clips.render(s, 12);
      for (CameraMove asked : CameraMove.values()) {
        double score = dim(judge.score(v, with(s, null, null, null, null, asked, null).toSpec()), Dimension.CAMERA);
        if (asked == c) {
          assertThat(score).as("%s", c).isGreaterThan(0.9);
        } else {
          assertThat(score).as("%s judged as %s", c, asked).isLessThan(0.1);
        }
      }
    }
  }

  @Test
  void aFlickeringBackgroundBreaksConsistency() {
    Scene s = with(FALL, Motion.MOVES_RIGHT, null, null, null, null, null);
    Video v = Clips.render(s, 13);
    assertThat(dim(judge.score(v, s.toSpec()), Dimension.CONSISTENCY)).isGreaterThan(0.9);
    JudgeReport r = judge.score(Clips.flickering(v, 30), s.toSpec());
    assertThat(dim(r, Dimension.CONSISTENCY)).as(r.notes().toString()).isLessThan(0.1);
  }

  @Test
  void anObjectThatNeverComesBackFromBehindTheWallFailsPermanence() {
    Scene s = with(withObject(FALL, new ObjectSpec(ObjectColor.YELLOW, Shape.BALL, Size.SMALL)), Motion.BEHIND_WALL,
        null, null, null, null, null);
    Clip clip = WorldRenderer.render(s, Clips.SMALL, 14);
    JudgeReport truth = judge.score(clip.video(), s.toSpec());
    assertThat(dim(truth, Dimension.PERMANENCE)).isGreaterThan(0.9);
    assertThat(dim(truth, Dimension.MOTION)).isGreaterThan(0.9);
    // from the frame where it is most hidden on, keep showing that frame: it never comes out
    int hidden = 0;
    for (int f = 0; f < clip.truth().frames().size(); f++) {
      if (clip.truth().frames().get(f).objects().get(0).visibility()
          < clip.truth().frames().get(hidden).objects().get(0).visibility()) {
        hidden = f;
      }
    }
    List<byte[]> frames = new ArrayList<>();
    for (int f = 0; f < clip.video().frameCount(); f++) {
      frames.add(clip.video().frame(Math.min(f, hidden)));
    }
    JudgeReport r = judge.score(Clips.of(clip.video(), frames), s.toSpec());
    assertThat(dim(r, Dimension.PERMANENCE)).as(r.notes().toString()).isLessThan(0.1);
  }

  @Test
  void aSingleImageIsJudgedOnWhatAnImageShows() {
    Video clip = Clips.render(FALL, 15);
    Video image = Video.image(clip.width(), clip.height(), clip.frame(0));
    JudgeReport r = judge.score(image, FALL.toSpec());
    assertThat(r.dimensions()).containsKeys("count", "color", "shape", "size", "environment", "time", "lighting")
        .doesNotContainKeys("motion", "physics", "camera", "speed");
    assertThat(r.overall()).isGreaterThan(0.9);
  }

  @Test
  void toleratesBlurAndMildNoise() {
    double sum = 0;
    for (long seed = 0; seed < 12; seed++) {
      Scene scene = SceneSpec.open().resolve(seed);
      JudgeReport r = judge.score(Clips.blurredAndNoisy(Clips.render(scene, seed), 4, seed), scene.toSpec());
      sum += r.overall();
    }
    assertThat(sum / 12).isGreaterThan(0.9);
  }

  @Test
  void rejectsATinyVideoClearly() {
    Video tiny = Video.of(4, 4, 8, List.of(new byte[4 * 4 * 3]));
    assertThatThrownBy(() -> judge.score(tiny, FALL.toSpec()))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("4x4");
  }
}
