package org.sora4j.core.pipeline;

import java.util.Objects;
import org.sora4j.core.diffusion.FlowSampler;
import org.sora4j.core.video.FrameSize;

/**
 * What to generate and how.
 *
 * @param prompt the text the video should show (already upsampled, if wanted)
 * @param size frame size; a multiple of the VAE's spatial factor
 * @param seconds duration; 0 makes a single image
 * @param fps frame rate
 * @param steps sampler steps
 * @param guidance classifier-free guidance scale (1 = none)
 * @param sampler the sampler
 * @param seed seeds the starting noise: the same seed gives the same video
 * @param firstFrame how text to video draws a clip's first frame
 */
public record GenerateOptions(
    String prompt,
    FrameSize size,
    double seconds,
    double fps,
    int steps,
    double guidance,
    FlowSampler sampler,
    long seed,
    FirstFrame firstFrame) {

  /**
   * How text to video draws a clip's first frame: as an image of its own, then the clip animated
   * from it (the default: the shipped model scores higher so, BENCHMARKS.md), or together with the
   * rest of the clip in one pass.
   */
  public enum FirstFrame {
    /** One pass over the whole clip. */
    WITH_CLIP,
    /** First the first frame alone, as an image; then the rest of the clip around it. */
    IMAGE_FIRST
  }

  public GenerateOptions {
    if (prompt == null || prompt.isBlank()) {
      throw new IllegalArgumentException("the prompt is empty");
    }
    if (!(seconds >= 0) || seconds > 600) {
      throw new IllegalArgumentException("seconds must be between 0 (an image) and 600, got " + seconds);
    }
    if (!(fps > 0) || fps > 120) {
      throw new IllegalArgumentException("fps must be above 0 and at most 120, got " + fps);
    }
    if (steps < 1 || steps > 1000) {
      throw new IllegalArgumentException("steps must be between 1 and 1000, got " + steps);
    }
    if (!(guidance >= 0)) {
      throw new IllegalArgumentException("guidance must be 0 or more, got " + guidance);
    }
    Objects.requireNonNull(firstFrame, "firstFrame");
  }

  /** Options that draw the first frame as an image first. */
  public GenerateOptions(String prompt, FrameSize size, double seconds, double fps, int steps, double guidance,
      FlowSampler sampler, long seed) {
    this(prompt, size, seconds, fps, steps, guidance, sampler, seed, FirstFrame.IMAGE_FIRST);
  }

  /** Defaults for the shipped model: 2 seconds of 64x64 at 8 fps, 24 Euler steps, guidance 4. */
  public static GenerateOptions of(String prompt) {
    return new GenerateOptions(prompt, new FrameSize(64, 64), 2, 8, 24, 4.0, FlowSampler.named("euler"), 0);
  }

  /** The same options for {@code frames} frames (1 is an image). */
  public GenerateOptions withFrames(int frames) {
    if (frames < 1) {
      throw new IllegalArgumentException("at least one frame, got " + frames);
    }
    return new GenerateOptions(prompt, size, frames == 1 ? 0 : frames / fps, fps, steps, guidance, sampler, seed,
        firstFrame);
  }

  /** The same options with another seed. */
  public GenerateOptions withSeed(long newSeed) {
    return new GenerateOptions(prompt, size, seconds, fps, steps, guidance, sampler, newSeed, firstFrame);
  }

  /** The same options at another frame size. */
  public GenerateOptions withSize(FrameSize newSize) {
    return new GenerateOptions(prompt, newSize, seconds, fps, steps, guidance, sampler, seed, firstFrame);
  }

  /** The same options drawing the first frame as {@code how} says. */
  public GenerateOptions withFirstFrame(FirstFrame how) {
    return new GenerateOptions(prompt, size, seconds, fps, steps, guidance, sampler, seed, how);
  }

  /** Frames asked for: at least one. */
  public int frames() {
    return Math.max(1, (int) Math.round(seconds * fps));
  }
}
