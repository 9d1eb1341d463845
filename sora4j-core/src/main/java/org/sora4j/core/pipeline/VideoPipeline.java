package org.sora4j.core.pipeline;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.NDScope;
import ai.djl.ndarray.types.Shape;
import java.nio.file.Path;
import java.util.List;
import java.util.function.IntConsumer;
import org.sora4j.core.diffusion.CleanFrames;
import org.sora4j.core.diffusion.FlowSampler;
import org.sora4j.core.diffusion.FlowSchedule;
import org.sora4j.core.diffusion.RectifiedFlow;
import org.sora4j.core.diffusion.SeededNoise;
import org.sora4j.core.diffusion.VelocityModel;
import org.sora4j.core.dit.DitConfig;
import org.sora4j.core.text.TextEncoder;
import org.sora4j.core.vae.VaeConfig;
import org.sora4j.core.vae.VideoTensors;
import org.sora4j.core.vae.VideoVae;
import org.sora4j.core.video.FrameSize;
import org.sora4j.core.video.Video;

/**
 * Text to video: encode the prompt, integrate the flow from seeded noise with the diffusion
 * transformer under classifier-free guidance, decode the latent with the VAE.
 */
public final class VideoPipeline {
  /** The largest frame side generated: past it one latent alone outgrows a Java array. */
  public static final int MAX_SIDE = 4096;

  private final Denoiser denoiser;
  private final VideoVae vae;
  private final AutoGuidance autoGuidance;

  /**
   * Autoguidance (Karras et al. 2024, "Guiding a diffusion model with a bad version of itself"): a
   * weaker denoiser of the same latent, whose prompted velocity the sampler steers away from,
   * {@code weight} times the difference to this model's, on top of classifier-free guidance.
   */
  public record AutoGuidance(Denoiser weak, double weight) {
    public AutoGuidance {
      if (!(weight >= 0)) {
        throw new IllegalArgumentException("the autoguidance weight must be 0 or more, got " + weight);
      }
    }
  }

  public VideoPipeline(Denoiser denoiser, VideoVae vae) {
    this(denoiser, vae, null);
  }

  /** A pipeline whose sampler is also steered away from a weaker model ({@code autoGuidance} may be null). */
  public VideoPipeline(Denoiser denoiser, VideoVae vae, AutoGuidance autoGuidance) {
    checkChannels(denoiser, vae);
    if (autoGuidance != null) {
      checkChannels(autoGuidance.weak(), vae);
    }
    this.denoiser = denoiser;
    this.vae = vae;
    this.autoGuidance = autoGuidance;
  }

  private static void checkChannels(Denoiser denoiser, VideoVae vae) {
    if (denoiser.config().transformer().latentChannels() != vae.config().latentChannels()) {
      throw new IllegalArgumentException("the transformer expects " + denoiser.config().transformer().latentChannels()
          + " latent channels, the VAE has " + vae.config().latentChannels());
    }
  }

  /** The same models, steered away from {@code guide} (null: no autoguidance). */
  public VideoPipeline withAutoGuidance(AutoGuidance guide) {
    return new VideoPipeline(denoiser, vae, guide);
  }

  /** Loads a denoiser model folder and a VAE model folder, verifying both. */
  public static VideoPipeline load(Path denoiserDir, Path vaeDir, NDManager manager) throws java.io.IOException {
    return new VideoPipeline(Denoiser.load(denoiserDir, manager), VideoVae.load(vaeDir, manager));
  }

  public Denoiser denoiser() {
    return denoiser;
  }

  public VideoVae vae() {
    return vae;
  }

  /** Generates the video {@code options} describe; {@code progress} hears each finished step. */
  public Video generate(GenerateOptions options, NDManager manager, IntConsumer progress) {
    try (NDManager m = manager.newSubManager()) {
      return decode(sampleLatent(options, m, progress), options.frames(), options.fps());
    }
  }

  /**
   * The diffusion-space latent (1, C, T, H, W) of {@code options}, before decoding. With
   * {@link GenerateOptions.FirstFrame#IMAGE_FIRST} a clip is made in two passes (the factorisation
   * of Emu Video, Girdhar et al. 2023): its first latent frame alone, as an image, then the rest
   * around it held clean, as image to video does. The causal VAE encodes the first frame on its
   * own, so that image is exactly the clip's first latent frame.
   */
  public NDArray sampleLatent(GenerateOptions options, NDManager m, IntConsumer progress) {
    checkSize(options.size());
    int latentFrames = vae.config().latentFrames(vae.config().validFrames(options.frames()));
    if (latentFrames == 1 || options.firstFrame() == GenerateOptions.FirstFrame.WITH_CLIP) {
      return sample(options, LatentRequest.plain(latentShape(options.size(), latentFrames)), m, progress);
    }
    NDArray key = sample(options, LatentRequest.plain(latentShape(options.size(), 1)), m, progress);
    NDArray rest = m.zeros(latentShape(options.size(), latentFrames - 1));
    boolean[] fixed = new boolean[latentFrames];
    fixed[0] = true;
    CleanFrames clean = new CleanFrames(NDArrays.concat(new NDList(key, rest), 2), fixed);
    return sample(options, LatentRequest.around(clean), m, progress);
  }

  /** The latent shape (1, C, T, H, W) of {@code latentFrames} frames at {@code size}. */
  public Shape latentShape(FrameSize size, int latentFrames) {
    VaeConfig c = vae.config();
    return new Shape(1, c.latentChannels(), latentFrames, size.height() / c.spatialFactor(),
        size.width() / c.spatialFactor());
  }

  /**
   * Integrates the flow for {@code request} under the prompt, steps, guidance, sampler and seed of
   * {@code options}: from seeded noise at t = 1, or from the request's start latent noised to its
   * start time (SDEdit), holding the request's clean frames fixed.
   */
  public NDArray sample(GenerateOptions options, LatentRequest request, NDManager m, IntConsumer progress) {
    Shape shape = request.shape();
    NDArray noise = SeededNoise.gaussian(m, shape, options.seed());
    int tokens = denoiser.config().transformer().tokens(shape);
    double[] times = FlowSchedule.times(options.steps(), RectifiedFlow.shiftFor(tokens));
    NDArray start = noise;
    if (request.start() != null) {
      double s = request.startTime();
      for (int i = 0; i < times.length; i++) {
        times[i] *= s;
      }
      start = request.start().mul((float) (1 - s)).add(noise.mul((float) s));
    }
    if (times[0] <= 0) {
      return request.clean().apply(request.start());
    }
    VelocityModel model = guided(m, options.prompt(), options.guidance());
    return options.sampler().withSeed(options.seed()).sample(model, start, times, request.clean(), progress);
  }

  /**
   * Samples a latent that keeps {@code source} where {@code keep} is 1: after every step the kept
   * region is reset to the source noised to the step's time, so the generated region grows
   * around it consistently (inpainting, outpainting).
   *
   * @param source the diffusion-space latent (1, C, T, H, W)
   * @param keep (1, 1, T, H, W): 1 to keep the source, 0 to generate
   */
  public NDArray sampleKeeping(GenerateOptions options, NDArray source, NDArray keep, NDManager m,
      IntConsumer progress) {
    Shape shape = source.getShape();
    NDArray noise = SeededNoise.gaussian(m, shape, options.seed());
    double[] times = FlowSchedule.times(options.steps(), RectifiedFlow.shiftFor(denoiser.config().transformer().tokens(shape)));
    VelocityModel model = guided(m, options.prompt(), options.guidance());
    CleanFrames none = CleanFrames.none((int) shape.get(2));
    NDArray generate = keep.neg().add(1);
    FlowSampler sampler = options.sampler().withSeed(options.seed());
    NDArray x = noise;
    for (int i = 0; i + 1 < times.length; i++) {
      try (NDScope scope = new NDScope()) {
        scope.suppressNotUsedWarning();
        float next = (float) times[i + 1];
        NDArray stepped = sampler.step(model, x, times[i], times[i + 1], none);
        NDArray known = source.mul(1 - next).add(noise.mul(next));
        NDArray merged = stepped.mul(generate).add(known.mul(keep));
        NDScope.unregister(merged);
        x = merged;
      }
      progress.accept(i + 1);
    }
    return x;
  }

  /** Pixels of a diffusion-space latent, the first {@code frames} frames, at {@code fps}. */
  public Video decode(NDArray latent, int frames, double fps) {
    NDArray pixels = vae.decodeChunked(vae.fromDiffusion(latent), VideoVae.DEFAULT_CHUNK_LATENT_FRAMES);
    return VideoTensors.toVideo(pixels.get(":, :, 0:" + frames), fps);
  }

  /**
   * The diffusion-space latent of a video, its frames padded with copies of the last to
   * k*temporalFactor+1 (the first latent frame is the first video frame alone).
   */
  public NDArray encode(Video video, NDManager m) {
    vae.checkSize(video.width(), video.height());
    NDArray x = vae.padFrames(VideoTensors.toTensor(m, video));
    return vae.toDiffusion(vae.encodeChunked(x, VideoVae.DEFAULT_CHUNK_LATENT_FRAMES));
  }

  /** Frame sides must be whole patches of whole VAE cells. */
  public int sizeMultiple() {
    DitConfig dit = denoiser.config().transformer();
    int factor = vae.config().spatialFactor();
    return factor * lcm(dit.patchH(), dit.patchW());
  }

  /** Throws a message naming the multiple (or the largest side) when a frame size cannot be generated. */
  public void checkSize(FrameSize size) {
    if (size.width() > MAX_SIDE || size.height() > MAX_SIDE) {
      throw new IllegalArgumentException("size " + size + " is larger than " + MAX_SIDE + " pixels a side, the most"
          + " this pipeline generates");
    }
    int multiple = sizeMultiple();
    if (size.width() % multiple != 0 || size.height() % multiple != 0) {
      throw new IllegalArgumentException("size " + size + " is not a multiple of " + multiple
          + " on each side (this model's VAE factor times its patch size); try "
          + roundUp(size.width(), multiple) + "x" + roundUp(size.height(), multiple));
    }
  }

  private static int roundUp(int value, int multiple) {
    return Math.max(multiple, (value + multiple - 1) / multiple * multiple);
  }

  private static int lcm(int a, int b) {
    int x = a, y = b;
    while (y != 0) {
      int r = x % y;
      x = y;
      y = r;
    }
    return a / x * b;
  }

  /**
   * The velocity under classifier-free guidance, {@code v_empty + g (v_prompt - v_empty)}, plus
   * with autoguidance {@code a (v_prompt - v_weak_prompt)}.
   */
  VelocityModel guided(NDManager m, String prompt, double guidance) {
    boolean unconditional = guidance != 1.0;
    List<String> texts = unconditional ? List.of(prompt, "") : List.of(prompt);
    TextEncoder.Output text = denoiser.encodeText(m, texts);
    Denoiser weak = autoGuidance == null || autoGuidance.weight() == 0 ? null : autoGuidance.weak();
    TextEncoder.Output weakText = weak == null ? null : weak.encodeText(m, List.of(prompt));
    SelfConditioning model = new SelfConditioning(denoiser);
    SelfConditioning weakModel = weak == null ? null : new SelfConditioning(weak);
    return (x, time) -> {
      NDArray cond;
      NDArray guided;
      if (unconditional) {
        NDArray v = model.velocity(NDArrays.concat(new NDList(x, x)), NDArrays.concat(new NDList(time, time)), text);
        cond = v.get("0:1");
        NDArray empty = v.get("1:2");
        guided = empty.add(cond.sub(empty).mul((float) guidance));
      } else {
        cond = model.velocity(x, time, text);
        guided = cond;
      }
      if (weak == null) {
        return guided;
      }
      return guided.add(cond.sub(weakModel.velocity(x, time, weakText)).mul((float) autoGuidance.weight()));
    };
  }
}
