package org.sora4j.core.pipeline;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.IntConsumer;
import org.sora4j.core.diffusion.CleanFrames;
import org.sora4j.core.diffusion.FlowSchedule;
import org.sora4j.core.diffusion.RectifiedFlow;
import org.sora4j.core.diffusion.VelocityModel;
import org.sora4j.core.dit.DiffusionTransformer;
import org.sora4j.core.text.TextEncoder;
import org.sora4j.core.text.WordTokenizer;
import org.sora4j.core.vae.VaeConfig;
import org.sora4j.core.vae.VideoTensors;
import org.sora4j.core.vae.VideoVae;
import org.sora4j.core.video.Video;

/**
 * Text to video: encode the prompt, integrate the flow from seeded noise with the diffusion
 * transformer under classifier-free guidance, decode the latent with the VAE.
 */
public final class VideoPipeline {
  private final WordTokenizer tokenizer;
  private final TextEncoder textEncoder;
  private final DiffusionTransformer transformer;
  private final VideoVae vae;

  public VideoPipeline(WordTokenizer tokenizer, TextEncoder textEncoder, DiffusionTransformer transformer, VideoVae vae) {
    if (transformer.config().latentChannels() != vae.config().latentChannels()
        || transformer.config().textWidth() != textEncoder.config().width()) {
      throw new IllegalArgumentException("the transformer does not fit this VAE or text encoder");
    }
    this.tokenizer = tokenizer;
    this.textEncoder = textEncoder;
    this.transformer = transformer;
    this.vae = vae;
  }

  public WordTokenizer tokenizer() {
    return tokenizer;
  }

  /** Generates the video {@code options} describe; {@code progress} hears each finished step. */
  public Video generate(GenerateOptions options, NDManager manager, IntConsumer progress) {
    VaeConfig vaeConfig = vae.config();
    vae.checkSize(options.size().width(), options.size().height());
    int frames = vaeConfig.validFrames(options.frames());
    Shape latentShape = new Shape(1, vaeConfig.latentChannels(), vaeConfig.latentFrames(frames),
        options.size().height() / vaeConfig.spatialFactor(), options.size().width() / vaeConfig.spatialFactor());
    try (NDManager m = manager.newSubManager()) {
      NDArray noise = gaussian(m, latentShape, options.seed());
      VelocityModel model = guided(m, options.prompt(), options.guidance());
      int tokens = (int) (latentShape.size() / latentShape.get(1));
      double[] times = FlowSchedule.times(options.steps(), RectifiedFlow.shiftFor(tokens));
      CleanFrames clean = CleanFrames.none((int) latentShape.get(2));
      NDArray latent = options.sampler().sample(model, noise, times, clean, progress);
      NDArray pixels = vae.decodeChunked(vae.fromDiffusion(latent), VideoVae.DEFAULT_CHUNK_LATENT_FRAMES);
      return VideoTensors.toVideo(pixels.get(":, :, 0:" + options.frames()), options.fps());
    }
  }

  /** The velocity under classifier-free guidance: {@code v_empty + g (v_prompt - v_empty)}. */
  VelocityModel guided(NDManager m, String prompt, double guidance) {
    boolean unconditional = guidance != 1.0;
    List<String> texts = unconditional ? List.of(prompt, "") : List.of(prompt);
    TextEncoder.Output text = textEncoder.forward(textEncoder.ids(m, tokenizer, texts));
    return (x, time) -> {
      if (!unconditional) {
        return transformer.forward(x, time, text.embeddings(), text.mask());
      }
      NDArray v = transformer.forward(NDArrays.concat(new NDList(x, x)), NDArrays.concat(new NDList(time, time)),
          text.embeddings(), text.mask()); // (2, C, T, H, W)
      NDArray cond = v.get("0:1");
      NDArray empty = v.get("1:2");
      return empty.add(cond.sub(empty).mul(guidance));
    };
  }

  /** Standard normal noise from a Java generator, so a seed means the same video everywhere. */
  static NDArray gaussian(NDManager m, Shape shape, long seed) {
    SplittableRandom rng = new SplittableRandom(seed);
    float[] values = new float[(int) shape.size()];
    for (int i = 0; i < values.length; i += 2) {
      double u1 = 1.0 - rng.nextDouble();
      double u2 = rng.nextDouble();
      double r = Math.sqrt(-2 * Math.log(u1));
      values[i] = (float) (r * Math.cos(2 * Math.PI * u2));
      if (i + 1 < values.length) {
        values[i + 1] = (float) (r * Math.sin(2 * Math.PI * u2));
      }
    }
    return m.create(values, shape);
  }
}
