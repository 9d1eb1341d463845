package org.sora4j.train.data;

import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.Collectors;
import org.sora4j.core.video.FrameSize;
import org.sora4j.world.caption.Captions;
import org.sora4j.world.scene.Scene;
import org.sora4j.world.scene.SceneSpec;
import org.sora4j.world.sim.RenderOptions;
import org.sora4j.world.sim.WorldRenderer;

/**
 * World clips rendered on the fly (about 3 ms for 64x64x17): every draw is a new scene, so the
 * model never sees the same clip twice; captioned with the detailed re-annotation caption.
 *
 * @param sizes frame sizes drawn uniformly
 * @param fps frame rate of every clip
 */
public record WorldClips(List<FrameSize> sizes, double fps) implements ClipSource {
  public WorldClips {
    sizes = List.copyOf(sizes);
    if (sizes.isEmpty()) {
      throw new IllegalArgumentException("world clips need at least one frame size");
    }
    if (!(fps > 0)) {
      throw new IllegalArgumentException("fps must be positive, got " + fps);
    }
  }

  /** Square, landscape and portrait sizes around 64x64 at 8 fps. */
  public static WorldClips mixed() {
    return new WorldClips(FrameSize.parseList("64x64,96x64,64x96,128x128,128x96"), 8);
  }

  @Override
  public CaptionedClip draw(SplittableRandom rng, int minFrames) {
    long seed = rng.nextLong();
    FrameSize size = sizes.get(rng.nextInt(sizes.size()));
    return render(seed, size, Math.max(1, minFrames));
  }

  /** The clip of a seed, exactly {@code frames} frames long (1 renders an image). */
  public CaptionedClip render(long seed, FrameSize size, int frames) {
    Scene scene = SceneSpec.open().resolve(seed);
    double seconds = frames == 1 ? 0 : frames / fps;
    var video = WorldRenderer.render(scene, new RenderOptions(size.width(), size.height(), fps, seconds), seed)
        .video();
    if (video.frameCount() > frames) {
      video = video.slice(0, frames);
    }
    return new CaptionedClip(video, Captions.detailedCaption(scene));
  }

  @Override
  public String describe() {
    return "world clips rendered on the fly (" + sizes.stream().map(FrameSize::toString)
        .collect(Collectors.joining(", ")) + " at " + fps + " fps)";
  }
}
