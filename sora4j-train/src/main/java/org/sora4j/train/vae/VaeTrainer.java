package org.sora4j.train.vae;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.NDScope;
import ai.djl.training.GradientCollector;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.sora4j.core.checkpoint.ModelFolder;
import org.sora4j.core.metrics.VideoMetrics;
import org.sora4j.core.optim.AdamW;
import org.sora4j.core.vae.LatentDistribution;
import org.sora4j.core.vae.LatentStats;
import org.sora4j.core.vae.DecoderDeepening;
import org.sora4j.core.vae.KeyframeInput;
import org.sora4j.core.vae.LatentWidening;
import org.sora4j.core.vae.VaeConfig;
import org.sora4j.core.vae.VideoVae;
import org.sora4j.core.video.Video;
import org.sora4j.train.data.ClipSource;
import org.sora4j.train.data.FolderClips;
import org.sora4j.train.data.RandomCrops;
import org.sora4j.train.data.WorldClips;
import org.sora4j.train.run.RunFolder;
import org.sora4j.train.run.SampleSheet;
import org.sora4j.train.run.TrainerState;
import org.sora4j.train.run.TrainingLoop;

/**
 * Trains the spatiotemporal VAE: random windows of world clips (or a folder of videos), L1
 * reconstruction plus L1 on frame-to-frame differences plus a small KL term, AdamW, a checkpoint
 * every few minutes that a later run resumes exactly (same step, optimiser state and data order).
 */
public final class VaeTrainer {
  private static final int HELD_OUT_CLIPS = 6;
  /** Marks a run folder whose encoder is frozen, so a resume cannot silently train it after all. */
  static final String DECODER_ONLY_MARK = "decoder_only";

  /** What a caller (the CLI's progress bar) hears during training. */
  public interface Listener extends TrainingLoop.Listener {
    void started(long step, long steps, String data, long parameters);
  }

  private final VaeTrainOptions options;
  private final Listener listener;

  public VaeTrainer(VaeTrainOptions options, Listener listener) {
    this.options = options;
    this.listener = listener;
  }

  /** Runs until {@code options.steps()} and returns the last checkpoint's folder. */
  public Path run() throws IOException {
    RunFolder run = RunFolder.prepare(options.out(), options.resume());
    checkPartMatches(run);
    ClipSource source = options.data() == null ? WorldClips.mixed() : FolderClips.open(options.data());
    try (NDManager manager = NDManager.newBaseManager()) {
      Engine.getInstance().setRandomSeed((int) options.seed());
      VaeConfig config = options.resume() ? run.loadConfig(VaeConfig.class)
          : options.init() != null ? initConfig() : options.model();
      VideoVae vae = new VideoVae(config);
      vae.initialize(manager);
      AdamW optimizer = new AdamW(manager, 0.9, 0.99, 1e-8, 0.0);
      Adversary adversary = options.adversarialWeight() > 0 ? new Adversary(manager, options.adversarialWeight()) : null;
      TrainerState state = TrainerState.start(options.seed());
      if (options.resume()) {
        state = run.resume(vae, optimizer, manager);
        if (adversary != null) {
          adversary.resume(run.checkpointDir(), state.step(), manager);
        }
      } else if (options.init() != null) {
        VaeConfig trained = ModelFolder.loadConfig(options.init(), VaeConfig.class);
        boolean deeper = config.decoderBlocksPerLevel() > trained.decoderBlocksPerLevel();
        if (config.keyframeInput() && !trained.keyframeInput()) {
          KeyframeInput.load(options.init(), vae);
        } else if (deeper) {
          DecoderDeepening.load(options.init(), vae);
        } else {
          LatentWidening.load(options.init(), vae);
        }
      }
      listener.started(state.step(), options.steps(), source.describe(), vae.parameterCount());
      List<Video> heldOut = HeldOutClips.world(HELD_OUT_CLIPS, 64, 64, 17);
      TrainingLoop.Schedule schedule = new TrainingLoop.Schedule(options.steps(),
          options.checkpointMinutes(), options.snapshotEvery(), options::learningRateAt, "heldout_psnr", "VAE training");
      TrainingLoop.run(run, state, schedule, new TrainingLoop.Work() {
        @Override
        public TrainingLoop.Trained train(long step) {
          return new TrainingLoop.Trained(trainStep(vae, optimizer, adversary, source, manager, step), options.batch());
        }

        @Override
        public double measure(long step) throws IOException {
          return evaluate(vae, heldOut, manager, run.dir().resolve("samples"), step);
        }

        @Override
        public void save(TrainerState reached) throws IOException {
          // the latent statistics travel with the weights, measured on the held-out clips; a frozen
          // encoder keeps them, so a denoiser trained on its latents stays valid bit for bit
          VaeConfig saved = options.decoderOnly() ? config : LatentStats.measure(vae, heldOut, manager).applyTo(config, config.perChannelStats());
          run.save(vae, saved, optimizer, reached, null, adversary == null ? Map.of() : adversary.checkpointFiles());
        }
      }, listener);
      return run.checkpointDir();
    }
  }

  /**
   * The init VAE's config, widened to the requested latent channels or deepened to the requested
   * decoder blocks when they are more (one of the two at a time).
   */
  private VaeConfig initConfig() throws IOException {
    VaeConfig init = ModelFolder.loadConfig(options.init(), VaeConfig.class);
    int channels = options.model().latentChannels();
    int decoderBlocks = options.model().decoderBlocksPerLevel();
    boolean widen = channels > init.latentChannels();
    boolean deepen = decoderBlocks > init.decoderBlocksPerLevel();
    boolean keyframe = options.model().keyframeInput() && !init.keyframeInput();
    if ((widen ? 1 : 0) + (deepen ? 1 : 0) + (keyframe ? 1 : 0) > 1) {
      throw new IllegalArgumentException("widen the latent, deepen the decoder or add the keyframe input, one at a time");
    }
    if (keyframe) {
      return init.withKeyframeInput(true);
    }
    if (deepen) {
      return init.withDecoderBlocks(decoderBlocks);
    }
    if (!widen) {
      return init;
    }
    if (options.decoderOnly()) {
      throw new IllegalArgumentException("new latent channels need the encoder trained too: widen without --decoder-only");
    }
    return init.withLatentChannels(channels);
  }

  /**
   * A resumed run trains what it trained before: the decoder alone or the whole VAE, with a
   * discriminator or without.
   */
  private void checkPartMatches(RunFolder run) throws IOException {
    Path mark = run.dir().resolve(DECODER_ONLY_MARK);
    if (!options.resume()) {
      if (options.decoderOnly()) {
        Files.writeString(mark, "the encoder is frozen in this run: resume it with --decoder-only\n");
      }
      return;
    }
    if (options.adversarialWeight() == 0 && Files.exists(run.checkpointDir().resolve(Adversary.WEIGHTS))) {
      throw new IllegalArgumentException(run.dir() + " trains with a discriminator: resume it with --adversarial-weight");
    }
    boolean wasDecoderOnly = Files.exists(mark);
    if (wasDecoderOnly != options.decoderOnly()) {
      throw new IllegalArgumentException(wasDecoderOnly
          ? run.dir() + " trains the decoder alone (its encoder is frozen): resume it with --decoder-only"
          : run.dir() + " trains the whole VAE: resume it without --decoder-only");
    }
  }

  private double trainStep(VideoVae vae, AdamW optimizer, Adversary adversary, ClipSource source, NDManager manager,
      long step) {
    // the data of a step depends on the seed and the step alone: resuming replays the same order
    SplittableRandom rng = new SplittableRandom(options.seed() * 0x9E3779B97F4A7C15L + step);
    // and so does the latent's sampling noise, drawn by the engine
    Engine.getInstance().setRandomSeed(rng.nextInt(Integer.MAX_VALUE));
    int frames = rng.nextDouble() < options.imageFraction() ? 1 : options.clipFrames();
    try (NDScope scope = new NDScope()) {
      scope.suppressNotUsedWarning();
      NDArray x = RandomCrops.batch(manager, source, rng, options.batch(), frames, options.cropSize(),
          options.motionWindows());
      // a frozen encoder runs outside the collector: no graph, no gradient, no KL to learn; the
      // decoder still sees sampled latents, which also makes it forgiving of a denoiser's slips
      LatentDistribution frozen = options.decoderOnly() ? vae.encode(x) : null;
      NDArray z = frozen == null ? null : LatentNoise.apply(vae, frozen.sample(), options.latentNoise(), rng);
      NDArray loss;
      NDArray y;
      try (GradientCollector gc = Engine.getInstance().newGradientCollector()) {
        LatentDistribution latent = frozen == null ? vae.encode(x) : null;
        y = vae.decode(frozen == null ? LatentNoise.apply(vae, latent.sample(), options.latentNoise(), rng) : z);
        NDArray kl = latent == null ? null : latent.klMean().mul((float) options.klWeight());
        if (adversary == null) {
          loss = pixelLoss(x, y, frames);
          gc.backward(kl == null ? loss : loss.add(kl));
        } else {
          // each loss meets the pixels as a leaf, so their pulls can be weighed against each other
          // before one pass carries the sum back through the decoder
          NDArray pixels = y.stopGradient();
          pixels.setRequiresGradient(true);
          loss = pixelLoss(x, pixels, frames);
          gc.backward(loss);
          NDArray reconstructionPull = pixels.getGradient().duplicate();
          NDArray pull = Adversary.balance(reconstructionPull, adversary.pull(gc, pixels, reconstructionPull),
              adversary.weightAt(step));
          NDArray carried = y.mul(pull).sum();
          gc.backward(kl == null ? carried : carried.add(kl));
        }
        if (kl != null) {
          loss = loss.add(kl);
        }
      }
      double learningRate = options.learningRateAt(step);
      optimizer.update(options.decoderOnly() ? vae.decoderParameters() : vae.getParameters(), learningRate, 1.0);
      if (adversary != null) {
        adversary.train(x, y, learningRate);
      }
      return loss.getFloat();
    }
  }

  /** The reconstruction loss at the pixels: L1 (motion-weighted), plus L1 on frame differences. */
  private NDArray pixelLoss(NDArray x, NDArray y, int frames) {
    NDArray loss = reconstructionLoss(x, y, options.motionWeight());
    if (frames > 1 && options.temporalWeight() > 0) {
      loss = loss.add(flickerLoss(x, y).mul((float) options.temporalWeight()));
    }
    return loss;
  }

  /**
   * L1 between the frame-to-frame differences of clip and reconstruction: an error that stays put
   * from one frame to the next costs nothing here, one that comes and goes (flicker) does.
   */
  static NDArray flickerLoss(NDArray x, NDArray y) {
    NDArray dx = x.get(":, :, 1:").sub(x.get(":, :, :-1"));
    NDArray dy = y.get(":, :, 1:").sub(y.get(":, :, :-1"));
    return dy.sub(dx).abs().mean();
  }

  /**
   * L1 between clip and reconstruction, weighted up where the clip changes from the frame before or
   * after: the pixels of moving objects, which are few and would otherwise be traded for background.
   */
  static NDArray reconstructionLoss(NDArray x, NDArray y, double motionWeight) {
    NDArray error = y.sub(x).abs();
    int frames = (int) x.getShape().get(2);
    if (motionWeight == 0 || frames == 1) {
      return error.mean();
    }
    // (B, 1, T-1, H, W): the largest colour change between neighbouring frames, in [0, 1]
    NDArray change = x.get(":, :, 1:").sub(x.get(":, :, :-1")).abs().max(new int[] {1}, true).div(2f);
    NDArray none = change.get(":, :, 0:1").zerosLike();
    NDArray before = none.concat(change, 2);
    NDArray after = change.concat(none, 2);
    NDArray weight = before.maximum(after).mul((float) motionWeight).add(1f);
    // normalised, so the loss keeps the plain L1's scale and the other terms' weights keep their meaning
    return error.mul(weight).mean().div(weight.mean());
  }

  /** Mean PSNR over the held-out clips; writes a sample sheet (originals above reconstructions). */
  static double evaluate(VideoVae vae, List<Video> clips, NDManager manager, Path samples, long step)
      throws IOException {
    double sum = 0;
    List<Video> rows = new ArrayList<>();
    for (Video clip : clips) {
      Video recon = vae.reconstruct(clip, manager);
      sum += VideoMetrics.psnr(clip, recon);
      if (rows.size() < 6) {
        rows.add(clip);
        rows.add(recon);
      }
    }
    Files.createDirectories(samples);
    SampleSheet.write(rows, 6, samples.resolve(String.format("step_%07d.png", step)));
    return sum / clips.size();
  }
}
