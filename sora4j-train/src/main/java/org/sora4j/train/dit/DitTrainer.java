package org.sora4j.train.dit;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.NDScope;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Parameter;
import ai.djl.nn.ParameterList;
import ai.djl.training.GradientCollector;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.Set;
import java.util.stream.Collectors;
import org.sora4j.core.checkpoint.ModelFolder;
import org.sora4j.core.diffusion.RectifiedFlow;
import org.sora4j.core.optim.AdamW;
import org.sora4j.core.optim.Ema;
import org.sora4j.core.pipeline.Denoiser;
import org.sora4j.core.pipeline.DenoiserConfig;
import org.sora4j.core.pipeline.VideoPipeline;
import org.sora4j.core.text.TextEncoder;
import org.sora4j.core.vae.VideoVae;
import org.sora4j.train.run.RunFolder;
import org.sora4j.train.run.TrainerState;
import org.sora4j.train.run.TrainingLoop;

/**
 * Trains the text encoder and diffusion transformer together on cached VAE latents: rectified
 * flow with velocity targets, logit-normal times shifted by token count, a time per latent frame
 * with a mix of clean-frame masks (the loss skips clean frames), caption dropout for guidance,
 * AdamW with clipping, an EMA of the weights, and checkpoints that resume exactly.
 */
public final class DitTrainer {
  private static final int SAMPLE_STEPS = 16;

  /** What a caller (the CLI's progress bar) hears during training. */
  public interface Listener extends TrainingLoop.Listener {
    void caching(int done, int total);

    /** Something the user should know about how the run starts. */
    default void note(String message) {}

    void started(long step, long steps, String data, long parameters);
  }

  private final DitTrainOptions options;
  private final Listener listener;

  public DitTrainer(DitTrainOptions options, Listener listener) {
    this.options = options;
    this.listener = listener;
  }

  /** Runs until {@code options.steps()} and returns the last checkpoint's folder. */
  public Path run() throws IOException {
    RunFolder run = RunFolder.prepare(options.out(), options.resume());
    try (NDManager manager = NDManager.newBaseManager()) {
      Engine.getInstance().setRandomSeed((int) options.seed());
      VideoVae vae = VideoVae.load(options.vae(), manager);
      checkBuckets(vae);
      LatentCache cache = LatentCache.open(run.dir().resolve("latents"), vae, options.data(),
          options.buckets(), options.clips(), options.seed(), manager,
          done -> listener.caching(done, options.clips()));
      DenoiserConfig config = configFor(run, cache, vae);
      Denoiser model = new Denoiser(config);
      model.initialize(manager);
      if (!options.resume() && options.init() != null) {
        initFrom(options.init(), model);
      }
      Denoiser average = new Denoiser(config);
      average.initialize(manager);
      Ema.copy(model.getParameters(), average.getParameters());
      Ema ema = new Ema(options.emaDecay());
      AdamW optimizer = new AdamW(manager, 0.9, 0.99, 1e-8, 0.0);
      TrainerState state = TrainerState.start(options.seed());
      if (options.resume()) {
        state = run.resume(model, optimizer, manager, average);
      }
      String data = cache.size() + " cached latents in " + cache.buckets().size() + " buckets"
          + (options.data() == null ? " of world clips" : " from " + options.data());
      listener.started(state.step(), options.steps(), data, model.parameterCount());
      VideoPipeline pipeline = new VideoPipeline(average, vae);
      TrainingLoop.Schedule schedule = new TrainingLoop.Schedule(options.steps(), options.checkpointMinutes(),
          options.snapshotEvery(), options::learningRateAt, "sample_score", "Diffusion transformer training");
      TrainingLoop.run(run, state, schedule, new TrainingLoop.Work() {
        @Override
        public TrainingLoop.Trained train(long step) {
          TrainingLoop.Trained trained = trainStep(model, optimizer, cache, manager, step);
          ema.update(average.getParameters(), model.getParameters(), step);
          return trained;
        }

        @Override
        public double measure(long step) throws IOException {
          return DitSamples.write(pipeline, manager,
              run.dir().resolve("samples").resolve(String.format("step_%07d.png", step)), SAMPLE_STEPS);
        }

        @Override
        public void save(TrainerState reached) throws IOException {
          run.save(model, config, optimizer, reached, average);
        }
      }, listener);
      return run.checkpointDir();
    }
  }

  /** The run's own config on resume; else the init model's or a new one, with --patch and --depth applied. */
  private DenoiserConfig configFor(RunFolder run, LatentCache cache, VideoVae vae) throws IOException {
    if (options.resume()) {
      DenoiserConfig config = run.loadConfig(DenoiserConfig.class);
      int patch = config.transformer().patchH();
      if (options.spatialPatch() != 0 && options.spatialPatch() != patch) {
        throw new IllegalArgumentException("the run in " + options.out() + " uses patches of " + patch
            + "x" + patch + " latent cells; --patch cannot change on --resume");
      }
      int depth = config.transformer().depth();
      if (options.depth() != 0 && options.depth() != depth) {
        throw new IllegalArgumentException("the run in " + options.out() + " has " + depth
            + " transformer blocks; --depth cannot change on --resume");
      }
      if (options.selfCondition() && !config.transformer().selfCondition()) {
        throw new IllegalArgumentException("the run in " + options.out() + " has no self-conditioning;"
            + " --self-condition cannot be added on --resume (start a new run with --init)");
      }
      return config;
    }
    DenoiserConfig config = options.init() != null
        ? ModelFolder.loadConfig(options.init(), DenoiserConfig.class) : newConfig(cache, vae);
    if (options.spatialPatch() != 0) {
      config = config.withSpatialPatch(options.spatialPatch());
    }
    if (options.depth() != 0) {
      int trained = config.transformer().depth();
      if (options.init() != null && options.depth() < trained) {
        throw new IllegalArgumentException("--depth " + options.depth() + " is fewer blocks than the " + trained
            + " of the --init model in " + options.init() + "; a model started from it can only grow");
      }
      config = config.withDepth(options.depth());
    }
    if (options.selfCondition()) {
      config = config.withSelfCondition(true);
    }
    return config;
  }

  /**
   * Loads the init model's weights: all of them, or, when the patch or depth differs, all that
   * still fit. Added blocks keep their initialization, which is the identity (adaLN-Zero).
   */
  private void initFrom(Path init, Denoiser model) throws IOException {
    DenoiserConfig trained = ModelFolder.loadConfig(init, DenoiserConfig.class);
    if (trained.equals(model.config())) {
      ModelFolder.loadInto(init, model);
      return;
    }
    List<String> fresh = new ArrayList<>(ModelFolder.loadMatching(init, model));
    if (model.config().transformer().selfCondition() && !trained.transformer().selfCondition()) {
      fresh.remove(SelfConditionInput.zeroExtend(init, model));
    }
    int from = trained.transformer().depth();
    int to = model.config().transformer().depth();
    // an added block's parameters are many and all new: say which blocks, not each name
    Set<Parameter> added = model.transformer().blocks().subList(Math.min(from, to), to).stream()
        .flatMap(b -> b.getParameters().values().stream())
        .collect(Collectors.toSet());
    ParameterList parameters = model.getParameters();
    List<String> other = new ArrayList<>();
    int inAdded = 0;
    for (String name : fresh) {
      if (added.contains(parameters.get(name))) {
        inAdded++;
      } else {
        other.add(name);
      }
    }
    List<String> parts = new ArrayList<>();
    if (inAdded > 0) {
      String blocks = to - from == 1 ? "block " + from + " is new and starts"
          : "blocks " + from + " to " + (to - 1) + " are new and start";
      parts.add(blocks + " as the identity (" + inAdded + " parameters)");
    }
    if (!other.isEmpty()) {
      parts.add(other.size() + " parameters that do not fit are newly initialized: " + String.join(", ", other));
    }
    if (!parts.isEmpty()) {
      listener.note("started from " + init + "; " + String.join("; ", parts));
    }
  }

  private DenoiserConfig newConfig(LatentCache cache, VideoVae vae) {
    List<String> captions = new ArrayList<>();
    if (options.data() != null) {
      cache.buckets().forEach(b -> captions.addAll(b.captions()));
    }
    List<String> vocabulary = CaptionVocabulary.build(captions);
    int channels = vae.config().latentChannels();
    return options.tiny() ? DenoiserConfig.tiny(vocabulary, channels) : DenoiserConfig.small(vocabulary, channels, vae.config().spatialFactor());
  }

  private TrainingLoop.Trained trainStep(Denoiser model, AdamW optimizer, LatentCache cache, NDManager manager,
      long step) {
    // the batch, times, masks and noise of a step depend on the seed and the step alone
    SplittableRandom rng = new SplittableRandom(options.seed() * 0x9E3779B97F4A7C15L + step);
    Engine.getInstance().setRandomSeed(rng.nextInt(Integer.MAX_VALUE));
    LatentCache.Entries bucket = pickBucket(cache, rng);
    int b = options.batch().clipsFor(model.config().transformer().tokens(bucket.latents().getShape()));
    int[] index = new int[b];
    List<String> captions = new ArrayList<>(b);
    for (int i = 0; i < b; i++) {
      index[i] = rng.nextInt(bucket.size());
      captions.add(rng.nextDouble() < options.captionDropout() ? "" : bucket.captions().get(index[i]));
    }
    try (NDScope scope = new NDScope()) {
      scope.suppressNotUsedWarning();
      NDArray x0 = bucket.latents().get(new NDIndex("{}", manager.create(index))).toType(
          ai.djl.ndarray.types.DataType.FLOAT32, false); // (B, C, T, H, W)
      Shape shape = x0.getShape();
      int frames = (int) shape.get(2);
      double shift = RectifiedFlow.shiftFor(model.config().transformer().tokens(shape));
      float[] times = new float[b * frames];
      float[] weights = new float[b * frames];
      for (int i = 0; i < b; i++) {
        float t = (float) RectifiedFlow.sampleTime(rng, shift);
        boolean[] clean = options.masks().draw(rng, frames);
        for (int f = 0; f < frames; f++) {
          times[i * frames + f] = clean[f] ? 0f : t;
          weights[i * frames + f] = clean[f] ? 0f : 1f;
        }
      }
      NDArray time = manager.create(times, new Shape(b, frames));
      NDArray weight = manager.create(weights, new Shape(b, 1, frames, 1, 1));
      NDArray noise = manager.randomNormal(shape);
      NDArray xt = RectifiedFlow.noisy(x0, noise, time);
      NDArray target = RectifiedFlow.velocity(x0, noise);
      // self-conditioning: half the time the model first estimates x0 on its own, without gradient,
      // and then learns from its own estimate; the other half it sees none, as at the first sampling step
      NDArray estimate = null;
      if (model.config().transformer().selfCondition() && rng.nextDouble() < 0.5) {
        NDArray first = model.velocity(xt, null, time, model.encodeText(manager, captions)).stopGradient();
        estimate = xt.sub(first.mul(RectifiedFlow.perFrame(time)));
      }
      NDArray loss;
      try (GradientCollector gc = Engine.getInstance().newGradientCollector()) {
        TextEncoder.Output text = model.encodeText(manager, captions);
        NDArray v = model.velocity(xt, estimate, time, text);
        // a weighted mean over the frames to generate, so the loss keeps its scale as the motion weight grows
        NDArray full = weight.mul(MotionWeights.of(x0, options.motionWeight()));
        loss = v.sub(target).square().mul(full).sum().div(full.sum().mul(shape.get(1)));
        gc.backward(loss);
      }
      optimizer.update(model.getParameters(), options.learningRateAt(step), 1.0);
      return new TrainingLoop.Trained(loss.getFloat(), b);
    }
  }

  /** Every bucket must be whole VAE cells in space and a whole number of latent frames in time. */
  private void checkBuckets(VideoVae vae) {
    for (Bucket b : options.buckets()) {
      if (vae.config().validFrames(b.frames()) != b.frames()) {
        throw new IllegalArgumentException("bucket " + b.label() + ": this VAE takes k*" + vae.config().temporalFactor()
            + "+1 frames (1 is an image), e.g. " + vae.config().validFrames(b.frames()));
      }
      int factor = vae.config().spatialFactor();
      if (b.size().width() % factor != 0 || b.size().height() % factor != 0) {
        throw new IllegalArgumentException("bucket " + b.label() + ": sides must be multiples of the VAE's " + factor);
      }
    }
  }

  /** A bucket drawn by the weights of the mix. */
  private static LatentCache.Entries pickBucket(LatentCache cache, SplittableRandom rng) {
    double total = cache.buckets().stream().mapToDouble(e -> e.bucket().weight()).sum();
    double u = rng.nextDouble() * total;
    for (LatentCache.Entries e : cache.buckets()) {
      u -= e.bucket().weight();
      if (u < 0) {
        return e;
      }
    }
    return cache.buckets().get(cache.buckets().size() - 1);
  }
}
