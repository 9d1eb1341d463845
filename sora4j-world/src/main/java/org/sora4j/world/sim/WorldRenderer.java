package org.sora4j.world.sim;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.SplittableRandom;
import org.sora4j.core.video.Video;
import org.sora4j.world.scene.Lighting;
import org.sora4j.world.scene.Motion;
import org.sora4j.world.scene.ObjectSpec;
import org.sora4j.world.scene.Rgb;
import org.sora4j.world.scene.Scene;
import org.sora4j.world.scene.TimeOfDay;
import org.sora4j.world.scene.WorldLayout;

/**
 * Renders a {@link Scene} to a video with its ground truth. Deterministic: the same scene, options
 * and seed give the same pixels. Each frame paints, back to front, the backdrop and floor, the
 * environment's details, the objects, the wall (in front of objects, only when they pass behind
 * it), then the cinematic grade if asked for.
 */
public final class WorldRenderer {
  /** The clip length assumed when planning motion for a single image, in seconds. */
  static final double IMAGE_PLANNING_SECONDS = 2.0;

  private WorldRenderer() {}

  /**
   * Renders a scene.
   *
   * @param seed draws start positions, velocities and background details
   * @return the video, one frame per {@link RenderOptions#frameCount()}, and its ground truth
   */
  public static Clip render(Scene scene, RenderOptions options, long seed) {
    Objects.requireNonNull(scene, "scene");
    Objects.requireNonNull(options, "options");
    SplittableRandom rng = new SplittableRandom(seed);
    // separate streams, so the background does not change when the objects do
    SplittableRandom sceneryRng = rng.split();
    SplittableRandom motionRng = rng.split();
    int width = options.width();
    int height = options.height();
    int frames = options.frameCount();
    double aspect = options.aspect();
    double timeScale = scene.speed().timeScale();
    double clipSeconds = options.seconds() > 0 ? options.seconds() : IMAGE_PLANNING_SECONDS;

    Stage stage = Camera.stage(scene.camera(), aspect);
    List<Trajectory> paths = MotionPlanner.plan(scene, stage, aspect, clipSeconds * timeScale, motionRng);
    TimeOfDay time = scene.time();
    List<Detail> details = Scenery.details(scene.environment(), time, aspect, height, sceneryRng);
    Rgb backdrop = time.tintBackground(scene.environment().backdrop());
    Rgb floor = time.tintBackground(scene.environment().floor());
    List<Figure> occluders = scene.motion() == Motion.BEHIND_WALL ? List.of(wall(aspect)) : List.of();
    Rgb wallColor = time.tintBackground(WorldLayout.WALL_COLOR);
    List<Rgb> colors = new ArrayList<>();
    for (ObjectSpec o : scene.objects()) {
      colors.add(time.tintObject(o.color().rgb()));
    }
    float[] vignette = scene.lighting() == Lighting.CINEMATIC
        ? CinematicGrade.vignetteMap(width, height) : null;

    List<byte[]> pixels = new ArrayList<>(frames);
    List<FrameTruth> truths = new ArrayList<>(frames);
    for (int f = 0; f < frames; f++) {
      double progress = frames > 1 ? (double) f / (frames - 1) : 0;
      View view = Camera.view(scene.camera(), progress, width, height);
      double t = options.timeOf(f) * timeScale;
      Canvas canvas = new Canvas(width, height);
      canvas.paintGround(view, backdrop, floor);
      for (Detail d : details) {
        canvas.paint(d.figure(), view, d.color());
      }
      List<ObjectState> states = new ArrayList<>(paths.size());
      for (int i = 0; i < paths.size(); i++) {
        Trajectory path = paths.get(i);
        double x = path.xAt(t);
        double y = path.yAt(t);
        double r = scene.objects().get(i).size().radius();
        Figure body = figure(scene.objects().get(i), x, y);
        canvas.paint(body, view, colors.get(i));
        states.add(new ObjectState(i, view.toPixelX(x), view.toPixelY(y), r * view.scale(),
            Visibility.of(body, view, occluders)));
      }
      for (Figure wall : occluders) {
        canvas.paint(wall, view, wallColor);
      }
      pixels.add(canvas.toBytes(vignette));
      truths.add(new FrameTruth(states, Camera.offset(scene.camera(), progress), view.zoom()));
    }
    return new Clip(scene, Video.of(width, height, options.fps(), pixels), new GroundTruth(truths));
  }

  /** An object's filled shape centred at (x, y) in world units. */
  static Figure figure(ObjectSpec object, double x, double y) {
    double r = object.size().radius();
    return switch (object.shape()) {
      case BALL -> new Figure.Disc(x, y, r);
      case BOX -> Figure.Rect.square(x, y, r);
      case TRIANGLE -> new Figure.Triangle(x, y, r);
    };
  }

  /** The occluding wall, centred in the unpanned view, from its top down to the floor. */
  static Figure wall(double aspect) {
    return new Figure.Rect(aspect / 2 - WorldLayout.WALL_HALF_WIDTH, WorldLayout.WALL_TOP_Y,
        aspect / 2 + WorldLayout.WALL_HALF_WIDTH, WorldLayout.FLOOR_Y);
  }
}
