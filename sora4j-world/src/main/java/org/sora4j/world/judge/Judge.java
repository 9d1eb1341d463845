package org.sora4j.world.judge;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.sora4j.core.video.Video;
import org.sora4j.world.scene.CameraMove;
import org.sora4j.world.scene.Motion;
import org.sora4j.world.scene.ObjectSpec;
import org.sora4j.world.scene.SceneSpec;

/**
 * Scores how well a video shows what a prompt asks for. It reads the video the way the world
 * renders it: finds the environment, time of day and lighting that explain the background, labels
 * object pixels by the palette, groups them into objects per frame, estimates the camera from the
 * background, tracks the objects in world coordinates, and scores each asked dimension in [0, 1]
 * (consistency always). Tolerant of blur and slightly-off colors; noise does not make objects.
 */
public final class Judge {
  /** An object must be seen in this share of the frames to count. */
  private static final double MIN_PRESENCE = 0.3;
  /** The most per-pixel noise (standard deviation, 8-bit levels) measures make allowance for. */
  static final double MAX_GRAIN = 10;

  /**
   * Scores a video against a spec.
   *
   * @throws IllegalArgumentException if the video is smaller than 8 pixels on a side
   */
  public JudgeReport score(Video video, SceneSpec spec) {
    Objects.requireNonNull(video, "video");
    Objects.requireNonNull(spec, "spec");
    Observation o = observe(video);
    Map<Dimension, Verdict> v = new EnumMap<>(Dimension.class);
    List<String> notes = new ArrayList<>();
    notes.add("background looks like: " + o.fit().best());
    v.putAll(ObjectScorer.score(spec, o));
    Motion seenMotion = MotionScorer.classify(o);
    if (spec.motion() != null) {
      put(v, Dimension.MOTION, MotionScorer.score(spec.motion(), o));
    }
    // unasked, physics is judged only for a motion clearly seen to be under forces
    boolean clearlySeen = seenMotion != null && MotionScorer.fit(seenMotion, o) >= 0.5;
    Motion physicsMotion = spec.motion() != null ? spec.motion()
        : clearlySeen && movesUnderForces(seenMotion) ? seenMotion : null;
    put(v, Dimension.PHYSICS, PhysicsScorer.score(physicsMotion, o));
    if (spec.motion() == Motion.BEHIND_WALL) {
      put(v, Dimension.PERMANENCE, PermanenceScorer.score(o));
    }
    if (spec.environment() != null) {
      v.put(Dimension.ENVIRONMENT, SettingScorer.score("environment", spec.environment(), Look::environment, o));
    }
    if (spec.time() != null) {
      v.put(Dimension.TIME, SettingScorer.score("time of day", spec.time(), Look::time, o));
    }
    if (spec.lighting() != null) {
      v.put(Dimension.LIGHTING, SettingScorer.score("lighting", spec.lighting(), Look::lighting, o));
    }
    if (spec.camera() != null) {
      put(v, Dimension.CAMERA, CameraScorer.score(spec.camera(), o));
    }
    if (spec.speed() != null) {
      CameraMove camera = spec.camera() != null ? spec.camera() : o.isImage() ? CameraMove.STATIC : CameraScorer.classify(o.camera());
      Motion motion = spec.motion() != null ? spec.motion() : seenMotion;
      put(v, Dimension.SPEED, SpeedScorer.score(spec.speed(), motion, camera, o, notes));
    }
    v.put(Dimension.CONSISTENCY, ConsistencyScorer.score(o));
    if (o.isImage()) {
      notes.add("a single image: motion, physics, camera and speed are not judged");
    }
    Map<String, Double> dims = new LinkedHashMap<>();
    double sum = 0;
    for (Map.Entry<Dimension, Verdict> e : v.entrySet()) {
      dims.put(e.getKey().key(), e.getValue().score());
      sum += e.getValue().score();
      if (!e.getValue().note().isEmpty()) {
        notes.add(e.getValue().note());
      }
    }
    return new JudgeReport(dims, sum / dims.size(), notes);
  }

  /**
   * What a video shows, in the world's words: the color, shape and size of each object seen in
   * enough frames to count, the most persistent first. Empty if it shows no object the world knows.
   *
   * @throws IllegalArgumentException if the video is smaller than 8 pixels on a side
   */
  public List<ObjectSpec> subjects(Video video) {
    Objects.requireNonNull(video, "video");
    return observe(video).objects().stream().map(Track::spec).toList();
  }

  private static boolean movesUnderForces(Motion m) {
    return m != null && (m.underGravity() || m == Motion.ROLLS || m == Motion.COLLIDE);
  }

  private static void put(Map<Dimension, Verdict> v, Dimension d, Verdict verdict) {
    if (verdict != null) {
      v.put(d, verdict);
    }
  }

  /** Measures a video: look, objects per frame, camera path and tracks. */
  Observation observe(Video video) {
    if (video.width() < 8 || video.height() < 8) {
      throw new IllegalArgumentException(
          "video is " + video.width() + "x" + video.height() + "; the judge needs at least 8x8 pixels");
    }
    Pixels px = Pixels.of(video);
    double noise = NoiseLevel.estimate(px);
    int w = px.width();
    int h = px.height();
    Look look = LookFit.measure(px, null).best();
    PixelClassifier classifier = new PixelClassifier(look, w, h);
    List<FrameScan> scans = new ArrayList<>(px.count());
    List<boolean[]> masks = new ArrayList<>(px.count());
    for (int f = 0; f < px.count(); f++) {
      FrameScan scan = FrameScan.scan(f, px.frames().get(f), classifier, w, h);
      scans.add(scan);
      masks.add(scan.objectMask());
    }
    // measured again without the objects, so their colors do not sway the setting
    LookFit fit = LookFit.measure(px, masks);
    CameraPath camera = px.count() > 1 ? new CameraEstimator(px, masks, look, noise).estimate() : still();
    List<Track> tracks = Tracker.track(scans, camera, w, h, px.fps());
    int needed = (int) Math.max(1, Math.ceil(MIN_PRESENCE * px.count()));
    List<Track> objects = new ArrayList<>();
    for (Track t : tracks) {
      if (t.sightings().size() >= needed) {
        objects.add(t);
      }
    }
    objects.sort((a, b) -> Integer.compare(b.sightings().size(), a.sightings().size()));
    return new Observation(w, h, px.fps(), px.count(), scans, camera, objects, fit, noise);
  }

  private static CameraPath still() {
    return new CameraPath(new double[] {0}, new double[] {1}, new double[0], new boolean[0]);
  }
}
