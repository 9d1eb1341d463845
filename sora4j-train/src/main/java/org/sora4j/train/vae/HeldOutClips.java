package org.sora4j.train.vae;

import java.util.ArrayList;
import java.util.List;
import org.sora4j.core.video.Video;
import org.sora4j.world.scene.Scene;
import org.sora4j.world.scene.SceneSpec;
import org.sora4j.world.sim.RenderOptions;
import org.sora4j.world.sim.WorldRenderer;

/**
 * A fixed set of world clips never drawn in training (their seeds are far from the training
 * stream's), for measuring reconstruction the same way at every checkpoint and in benchmarks.
 */
public final class HeldOutClips {
  private static final long SEED_BASE = 9_000_000_000L;

  private HeldOutClips() {}

  /** {@code count} clips of {@code frames} frames at the given size and 8 fps. */
  public static List<Video> world(int count, int width, int height, int frames) {
    List<Video> clips = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      clips.add(WorldRenderer.render(scene(i), new RenderOptions(width, height, 8, frames / 8.0), SEED_BASE + i).video());
    }
    return clips;
  }

  /** The scene of held-out clip {@code index}, as {@link #world} renders it. */
  public static Scene scene(int index) {
    return SceneSpec.open().resolve(SEED_BASE + index);
  }
}
