package org.sora4j.core.pipeline;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.function.IntConsumer;
import org.sora4j.core.diffusion.CleanFrames;
import org.sora4j.core.video.FrameSize;
import org.sora4j.core.video.Video;

/**
 * Prompting with images and videos, all through clean condition frames of the one frame-masked
 * model: image to video, extension forward and backward, connecting two videos, loops, long
 * videos past the trained duration, and SDEdit editing.
 *
 * <p>Work happens in windows of at most {@value #WINDOW_LATENTS} latent frames, the length the
 * model trained on. A window's context is re-encoded from pixels, so its first latent frame is a
 * lone first frame as in training; context placed at a window's end uses the latents of frames
 * after the first, which cover whole groups of {@code temporalFactor} frames.
 */
public final class VideoPrompts {
  /** Latent frames per sampling window: 17 frames at 4x, the trained clip length. */
  static final int WINDOW_LATENTS = 5;
  /** Latent frames of context a forward or backward extension window carries. */
  static final int CONTEXT_LATENTS = 2;

  private final VideoPipeline pipeline;
  private final int factor;

  public VideoPrompts(VideoPipeline pipeline) {
    this.pipeline = pipeline;
    this.factor = pipeline.vae().config().temporalFactor();
  }

  /** Frames a window holds for {@code latents} latent frames. */
  private int framesOf(int latents) {
    return 1 + factor * (latents - 1);
  }

  /**
   * Text to video of any length: one window, then forward extensions over overlapping context.
   */
  public Video generate(GenerateOptions options, NDManager manager, IntConsumer progress) {
    int frames = options.frames();
    int window = framesOf(WINDOW_LATENTS);
    if (frames <= window) {
      return pipeline.generate(options, manager, progress);
    }
    GenerateOptions first = options.withFrames(window);
    Video start = pipeline.generate(first, manager, progress);
    return extend(start, false, options.withFrames(frames - window).withSeed(options.seed() + 1), manager, progress);
  }

  /**
   * Image to video: the image is the first frame of the clip (or, with {@code atEnd}, the last),
   * kept exactly.
   */
  public Video animate(Video image, boolean atEnd, GenerateOptions options, NDManager manager, IntConsumer progress) {
    requireSize(image, options);
    Video still = image.slice(0, 1);
    if (atEnd) {
      // a backward extension of the still: the frames that lead into it
      Video clip = extend(still, true, options.withFrames(Math.max(1, options.frames() - 1)), manager, progress);
      return clip.slice(clip.frameCount() - options.frames(), clip.frameCount());
    }
    return extend(still, false, options.withFrames(Math.max(1, options.frames() - 1)), manager, progress)
        .slice(0, options.frames());
  }

  /**
   * Extends a video by {@code options.frames()} frames after its end (or, with {@code backward},
   * before its start). The source frames are in the result unchanged.
   */
  public Video extend(Video source, boolean backward, GenerateOptions options, NDManager manager, IntConsumer progress) {
    requireSize(source, options);
    int wanted = options.frames();
    Video out = source;
    int made = 0;
    int window = 0;
    while (made < wanted) {
      GenerateOptions chunk = options.withSeed(options.seed() + 7919L * window++);
      Video added = backward ? leadInto(out, wanted - made, chunk, manager, progress)
          : continueFrom(out, wanted - made, chunk, manager, progress);
      out = backward ? added.concat(out) : out.concat(added);
      made += added.frameCount();
    }
    int extra = made - wanted;
    return backward ? out.slice(extra, out.frameCount()) : out.slice(0, out.frameCount() - extra);
  }

  /** New frames after the end of {@code video}, one window's worth at most. */
  private Video continueFrom(Video video, int wanted, GenerateOptions options, NDManager manager, IntConsumer progress) {
    int context = Math.min(CONTEXT_LATENTS, (video.frameCount() - 1) / factor);
    Video tail = video.slice(video.frameCount() - framesOf(context + 1), video.frameCount());
    int fresh = Math.min(WINDOW_LATENTS - context - 1, ceilDiv(wanted, factor));
    try (NDManager m = manager.newSubManager()) {
      NDArray known = pipeline.encode(tail, m);
      NDArray latent = sampleAround(options, List.of(known), fresh, null, m, progress);
      Video decoded = pipeline.decode(latent, framesOf(context + 1 + fresh), options.fps());
      return decoded.slice(tail.frameCount(), decoded.frameCount());
    }
  }

  /** New frames before the start of {@code video}, one window's worth at most. */
  private Video leadInto(Video video, int wanted, GenerateOptions options, NDManager manager, IntConsumer progress) {
    Video head = contextHead(video);
    int context = (head.frameCount() - 1) / factor;
    int fresh = Math.min(WINDOW_LATENTS - context, ceilDiv(wanted, factor) + 1);
    try (NDManager m = manager.newSubManager()) {
      NDArray known = dropFirst(pipeline.encode(head, m));
      NDArray latent = sampleAround(options, List.of(), fresh, known, m, progress);
      Video decoded = pipeline.decode(latent, framesOf(fresh + context), options.fps());
      // the last new latent's last frame stands where the video's first frame is: keep the original
      return decoded.slice(0, factor * (fresh - 1));
    }
  }

  /**
   * A transition of about {@code options.frames()} frames that starts where {@code a} ends and
   * arrives where {@code b} begins; returns a, the transition and b.
   */
  public Video connect(Video a, Video b, GenerateOptions options, NDManager manager, IntConsumer progress) {
    requireSize(a, options);
    requireSize(b, options);
    return a.concat(transition(a, b, options, manager, progress)).concat(b);
  }

  /**
   * A seamless loop of {@code options.frames()} frames rounded up to whole latent steps. The
   * clip's latents z0..zk are sampled, then one more latent step b that leads from zk back into
   * z1 and z2. The cycle z1..zk, b is decoded twice in a row after z0 and the second pass kept:
   * there every latent step is decoded after the steps that precede it in the loop (z1 after b),
   * as the causal decoder would draw it playing on, so the wrap from the last frame to the first
   * is a step like any other. (Wrapping onto a separate decode, or onto z1 decoded after the lone
   * first frame z0, leaves a seam several times a step inside the clip.)
   */
  public Video loop(GenerateOptions options, NDManager manager, IntConsumer progress) {
    // the loop's latent steps: z1..zk and the bridge, factor frames each
    int clipLatents = Math.max(2, ceilDiv(options.frames(), factor));
    try (NDManager m = manager.newSubManager()) {
      GenerateOptions clip = options.withFrames(framesOf(clipLatents));
      // one window is sampled as latents; a longer clip is made by extension and encoded again
      NDArray z;
      Video pixels;
      if (clipLatents <= WINDOW_LATENTS) {
        z = pipeline.sampleLatent(clip, m, progress);
        pixels = pipeline.decode(z, clip.frames(), options.fps());
      } else {
        pixels = generate(clip, m, progress);
        z = pipeline.encode(pixels, m);
      }
      NDArray start = pipeline.encode(pixels.slice(pixels.frameCount() - framesOf(2), pixels.frameCount()), m);
      NDArray after = z.get(":, :, 1:" + (1 + Math.min(CONTEXT_LATENTS, clipLatents - 1)));
      NDArray sampled = sampleAround(options.withSeed(options.seed() + 1), List.of(start), 1, after, m, progress);
      long at = start.getShape().get(2);
      NDArray bridge = sampled.get(":, :, " + at + ":" + (at + 1));
      NDArray steps = z.get(":, :, 1:");
      NDArray twice = NDArrays.concat(new NDList(z.get(":, :, 0:1"), steps, bridge, steps, bridge), 2);
      Video decoded = pipeline.decode(twice, framesOf(1 + 2 * clipLatents), options.fps());
      return decoded.slice(decoded.frameCount() - factor * clipLatents, decoded.frameCount());
    }
  }

  private Video transition(Video a, Video b, GenerateOptions options, NDManager manager, IntConsumer progress) {
    int before = Math.min(1, (a.frameCount() - 1) / factor);
    Video tail = a.slice(a.frameCount() - framesOf(before + 1), a.frameCount());
    Video head = contextHead(b);
    int after = (head.frameCount() - 1) / factor;
    int fresh = Math.max(1, ceilDiv(options.frames() + 1, factor));
    try (NDManager m = manager.newSubManager()) {
      NDArray start = pipeline.encode(tail, m);
      NDArray end = dropFirst(pipeline.encode(head, m));
      NDArray latent = sampleAround(options, List.of(start), fresh, end, m, progress);
      Video decoded = pipeline.decode(latent, framesOf(before + 1 + fresh + after), options.fps());
      return decoded.slice(tail.frameCount(), tail.frameCount() + factor * fresh - 1);
    }
  }

  /**
   * SDEdit: the source noised to {@code strength} and denoised under the prompt. Strength 0 gives
   * back the source; 1 ignores it.
   */
  public Video edit(Video source, double strength, GenerateOptions options, NDManager manager, IntConsumer progress) {
    if (!(strength >= 0 && strength <= 1)) {
      throw new IllegalArgumentException("--strength must be between 0 and 1, got " + strength);
    }
    requireSize(source, options);
    if (strength == 0) {
      return source;
    }
    try (NDManager m = manager.newSubManager()) {
      NDArray z = pipeline.encode(source, m);
      LatentRequest request = new LatentRequest(z.getShape(), CleanFrames.none((int) z.getShape().get(2)), z, strength);
      return pipeline.decode(pipeline.sample(options, request, m, progress), source.frameCount(), source.fps());
    }
  }

  /**
   * Regenerates the masked region under the prompt and keeps every other pixel exactly.
   *
   * @throws IllegalArgumentException if the mask's size or frames differ from the video's
   */
  public Video inpaint(Video source, RegionMask mask, GenerateOptions options, NDManager manager,
      IntConsumer progress) {
    requireSize(source, options);
    if (mask.width() != source.width() || mask.height() != source.height() || mask.frames() != source.frameCount()) {
      throw new IllegalArgumentException("the mask is " + mask.width() + "x" + mask.height() + "x" + mask.frames()
          + " but the video is " + source.width() + "x" + source.height() + "x" + source.frameCount());
    }
    if (!mask.any()) {
      return source;
    }
    var config = pipeline.vae().config();
    try (NDManager m = manager.newSubManager()) {
      NDArray z = pipeline.encode(source, m);
      NDArray keep = mask.latent(m, (int) z.getShape().get(2), config.spatialFactor(), config.temporalFactor())
          .neg().add(1);
      NDArray latent = pipeline.sampleKeeping(options, z, keep, m, progress);
      return mask.composite(source, pipeline.decode(latent, source.frameCount(), source.fps()));
    }
  }

  /** Throws unless {@code size} grows the video's frame: no side smaller, at least one larger. */
  public static void checkOutpaintSize(Video source, FrameSize size) {
    if (size.width() < source.width() || size.height() < source.height()) {
      throw new IllegalArgumentException("outpainting grows the frame: " + size + " is smaller than the video's "
          + source.width() + "x" + source.height());
    }
    if (size.width() == source.width() && size.height() == source.height()) {
      throw new IllegalArgumentException("outpainting grows the frame: " + size + " is the video's own size;"
          + " give a larger --size");
    }
  }

  /**
   * Extends the scene beyond the frame: the video is placed in the middle of a larger canvas of
   * {@code options.size()} (on the latent grid) and everything around it is generated.
   */
  public Video outpaint(Video source, GenerateOptions options, NDManager manager, IntConsumer progress) {
    FrameSize size = options.size();
    checkOutpaintSize(source, size);
    int cell = pipeline.vae().config().spatialFactor();
    int ox = (size.width() - source.width()) / 2 / cell * cell;
    int oy = (size.height() - source.height()) / 2 / cell * cell;
    List<byte[]> frames = new ArrayList<>();
    boolean[] outside = new boolean[size.width() * size.height() * source.frameCount()];
    for (int f = 0; f < source.frameCount(); f++) {
      byte[] canvas = new byte[size.width() * size.height() * 3];
      java.util.Arrays.fill(canvas, (byte) 128);
      byte[] src = source.frame(f);
      for (int y = 0; y < source.height(); y++) {
        System.arraycopy(src, y * source.width() * 3, canvas, ((oy + y) * size.width() + ox) * 3, source.width() * 3);
      }
      frames.add(canvas);
      for (int y = 0; y < size.height(); y++) {
        for (int x = 0; x < size.width(); x++) {
          boolean in = x >= ox && x < ox + source.width() && y >= oy && y < oy + source.height();
          outside[(f * size.height() + y) * size.width() + x] = !in;
        }
      }
    }
    Video canvas = Video.of(size.width(), size.height(), source.fps(), frames);
    return inpaint(canvas, new RegionMask(size.width(), size.height(), source.frameCount(), outside), options,
        manager, progress);
  }

  /**
   * Blends two videos of one size: their latents are mixed by {@code weight} (0 = all A, 1 = all
   * B), then denoised from {@code strength} under the prompt; the shorter length wins.
   */
  public Video blend(Video a, Video b, double weight, double strength, GenerateOptions options, NDManager manager,
      IntConsumer progress) {
    if (!(weight >= 0 && weight <= 1)) {
      throw new IllegalArgumentException("--weight must be between 0 and 1, got " + weight);
    }
    if (!(strength > 0 && strength <= 1)) {
      throw new IllegalArgumentException("--strength must be above 0 and at most 1, got " + strength);
    }
    requireSize(a, options);
    requireSize(b, options);
    int frames = Math.min(a.frameCount(), b.frameCount());
    try (NDManager m = manager.newSubManager()) {
      NDArray za = pipeline.encode(a.slice(0, frames), m);
      NDArray zb = pipeline.encode(b.slice(0, frames).withFps(a.fps()), m);
      NDArray mixed = za.mul((float) (1 - weight)).add(zb.mul((float) weight));
      LatentRequest request = new LatentRequest(mixed.getShape(), CleanFrames.none((int) mixed.getShape().get(2)),
          mixed, strength);
      return pipeline.decode(pipeline.sample(options, request, m, progress), frames, a.fps());
    }
  }

  /** The first frames of a video as end-of-window context; an image becomes a still group. */
  private Video contextHead(Video video) {
    if (video.frameCount() <= factor) {
      List<byte[]> frames = new ArrayList<>(Collections.nCopies(factor + 1, video.frame(0)));
      return Video.of(video.width(), video.height(), video.fps(), frames);
    }
    int context = Math.min(CONTEXT_LATENTS, (video.frameCount() - 1) / factor);
    return video.slice(0, framesOf(context + 1));
  }

  /** Samples [before..., fresh new frames, after...] with the known latents held clean. */
  private NDArray sampleAround(GenerateOptions options, List<NDArray> before, int fresh, NDArray after, NDManager m,
      IntConsumer progress) {
    List<NDArray> parts = new ArrayList<>(before);
    List<Boolean> fixed = new ArrayList<>();
    before.forEach(b -> addFlags(fixed, b, true));
    Shape one = pipeline.latentShape(options.size(), fresh);
    parts.add(m.zeros(one));
    addFlags(fixed, parts.get(parts.size() - 1), false);
    if (after != null) {
      parts.add(after);
      addFlags(fixed, after, true);
    }
    NDArray values = NDArrays.concat(new NDList(parts), 2);
    boolean[] mask = new boolean[fixed.size()];
    for (int i = 0; i < mask.length; i++) {
      mask[i] = fixed.get(i);
    }
    return pipeline.sample(options, LatentRequest.around(new CleanFrames(values, mask)), m, progress);
  }

  private static void addFlags(List<Boolean> flags, NDArray latent, boolean value) {
    for (int i = 0; i < latent.getShape().get(2); i++) {
      flags.add(value);
    }
  }

  private static NDArray dropFirst(NDArray latent) {
    return latent.get(":, :, 1:");
  }

  private static void requireSize(Video video, GenerateOptions options) {
    if (video.width() != options.size().width() || video.height() != options.size().height()) {
      throw new IllegalArgumentException("the video is " + video.width() + "x" + video.height()
          + " but the size asked is " + options.size() + "; they must match");
    }
  }

  private static int ceilDiv(int a, int b) {
    return (a + b - 1) / b;
  }

  /** The size of a video, for options that must match it. */
  public static FrameSize sizeOf(Video video) {
    return new FrameSize(video.width(), video.height());
  }
}
