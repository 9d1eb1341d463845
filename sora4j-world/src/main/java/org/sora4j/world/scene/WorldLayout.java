package org.sora4j.world.scene;

/**
 * Where things are in the world, shared by the renderer and the judge. World coordinates are in
 * units of the frame height: y runs down from 0 (top) to 1 (bottom), x runs right from 0 to the
 * aspect ratio (width / height). The camera's unzoomed, unpanned view is exactly that rectangle.
 */
public final class WorldLayout {
  /** The floor's top edge; objects resting on the floor touch it. */
  public static final double FLOOR_Y = 0.75;

  /** Half the width of the occluding wall; the wall stands centred in the view. */
  public static final double WALL_HALF_WIDTH = 0.09;

  /** The wall's top edge; it reaches down to the floor. */
  public static final double WALL_TOP_Y = 0.15;

  /** The wall's color in daylight; time of day tints it like the background. */
  public static final Rgb WALL_COLOR = new Rgb(95, 95, 100);

  /** Gravity in frame heights per second squared of simulated time. */
  public static final double GRAVITY = 2.5;

  /** Fraction of speed kept at a bounce; below 1, so energy is never gained. */
  public static final double RESTITUTION = 0.7;

  /** Total pan over a clip, in frame heights. */
  public static final double PAN_DISTANCE = 0.35;

  /** Zoom factor reached at the end of a zoom-in clip (a zoom-out starts there and ends at 1). */
  public static final double ZOOM_FACTOR = 1.35;

  private WorldLayout() {}
}
