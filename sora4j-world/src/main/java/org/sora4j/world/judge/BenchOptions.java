package org.sora4j.world.judge;

import org.sora4j.world.sim.RenderOptions;

/**
 * How to render the benchmark's clips.
 *
 * @param width frame width, pixels
 * @param height frame height, pixels
 * @param fps frames per second
 * @param seconds clip length; more than 0, the benchmark judges motion
 */
public record BenchOptions(int width, int height, double fps, double seconds) {
  public BenchOptions {
    if (!(seconds > 0)) {
      throw new IllegalArgumentException("benchmark clips need a positive length, got " + seconds + " s");
    }
    if (width < 8 || height < 8) {
      throw new IllegalArgumentException("benchmark frames need at least 8x8 pixels, got " + width + "x" + height);
    }
    // the renderer checks the rest and names the problem
    new RenderOptions(width, height, fps, seconds);
  }

  /** 64x64, 8 fps, 2 s: the size the model learns at. */
  public static BenchOptions defaults() {
    return new BenchOptions(64, 64, 8, 2);
  }

  /** The same size, rate and length as render options. */
  public RenderOptions render() {
    return new RenderOptions(width, height, fps, seconds);
  }
}
