package org.sora4j.cli;

import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.sora4j.core.checkpoint.ModelFolder;
import org.sora4j.core.vae.VaeConfig;
import org.sora4j.train.log.TrainingProgress;
import org.sora4j.train.vae.VaeTrainOptions;
import org.sora4j.train.vae.VaeTrainer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code sora4j train vae}: trains the spatiotemporal VAE, resumable. */
@Command(
    name = "vae",
    mixinStandardHelpOptions = true,
    description = "Train the spatiotemporal VAE. Without --data, world clips are rendered on the fly.")
final class TrainVaeCommand implements Callable<Integer> {
  @Option(names = "--out", required = true, description = "Run folder (checkpoint/, loss.csv, loss.png, samples/).")
  Path out;

  @Option(names = "--data", description = "Folder of videos and images, e.g. written by 'world dataset'.")
  Path data;

  @Option(names = "--steps", defaultValue = "20000", description = "Total optimiser steps (default: ${DEFAULT-VALUE}).")
  int steps;

  @Option(names = "--batch", defaultValue = "8", description = "Clips per step (default: ${DEFAULT-VALUE}).")
  int batch;

  @Option(names = "--resume", description = "Continue the run in --out from its last checkpoint.")
  boolean resume;

  @Option(names = "--seed", defaultValue = "0", description = "Seed of initialisation and data order (default: ${DEFAULT-VALUE}).")
  long seed;

  @Option(names = "--lr", defaultValue = "3e-4", description = "Peak learning rate (default: ${DEFAULT-VALUE}).")
  double learningRate;

  @Option(names = "--crop", defaultValue = "32", description = "Side of the square training windows (default: ${DEFAULT-VALUE}).")
  int crop;

  @Option(names = "--frames", defaultValue = "9", description = "Frames per training window, 4k+1 (default: ${DEFAULT-VALUE}).")
  int frames;

  @Option(names = "--checkpoint-minutes", defaultValue = "5", description = "Minutes between checkpoints (default: ${DEFAULT-VALUE}).")
  double checkpointMinutes;

  @Option(names = "--motion-weight", defaultValue = "0", description = "Extra loss weight where frames change, so"
      + " small moving objects are not traded for background detail: a pixel weighs 1 + this x its change (default:"
      + " ${DEFAULT-VALUE}, plain L1).")
  double motionWeight;

  @Option(names = "--temporal-weight", defaultValue = "0.5", description = "Weight of the L1 loss on frame-to-frame"
      + " differences, against flicker: errors that change from frame to frame cost this much more than errors that"
      + " stay (default: ${DEFAULT-VALUE}).")
  double temporalWeight;

  @Option(names = "--adversarial-weight", defaultValue = "0", description = "Also train a spacetime patch"
      + " discriminator and let its judgement pull on the decoded pixels with this strength relative to the"
      + " reconstruction loss (ramped in over the first 200 steps): against blur and smeared motion, which an L1"
      + " loss accepts (default: ${DEFAULT-VALUE}, none). Give it again on --resume.")
  double adversarialWeight;

  @Option(names = "--motion-windows", defaultValue = "1", paramLabel = "N", description = "Draw N windows from each"
      + " training clip and train on the one where most pixels move, so fast objects, a few percent of the pixels,"
      + " weigh more in the loss (default: ${DEFAULT-VALUE}, a plain random window).")
  int motionWindows;

  @Option(names = "--latent-noise", defaultValue = "0", paramLabel = "SIGMA", description = "Add Gaussian noise to"
      + " the latent the decoder learns from, each clip at a strength drawn up to SIGMA standard deviations of the"
      + " denoiser's unit-variance latent, so the decoder also draws clean video from a denoiser's slightly-off latents"
      + " (default: ${DEFAULT-VALUE}, none). Give it again on --resume.")
  double latentNoise;

  @Option(names = "--snapshot-every", defaultValue = "0", description = "Also keep the model every N steps in snapshots/ (default: never).")
  int snapshotEvery;

  @Option(names = "--model", defaultValue = "base", description = "Model for a new run: base (spatiotemporal, 4x4x4, 8 channels), folded (4x4x4, 8 channels, each latent step's 4 frames folded into channels at both ends), time2 (4x4x2, 8 channels), wide (4x4x4, 16 channels), 8x (8x8x4), per-frame (the 2D baseline) or tiny (default: ${DEFAULT-VALUE}).")
  String model;

  @Option(names = "--time-upsampling", defaultValue = "depth", description = "How the decoder doubles frames in a new"
      + " run: depth (convolve to twice the channels, one half per frame; the shipped VAE) or repeat (copy, then"
      + " convolve; the VAE before it) (default: ${DEFAULT-VALUE}).")
  String timeUpsampling;

  @Option(names = "--init", paramLabel = "DIR", description = "Start a new run from this VAE model folder (e.g. the"
      + " shipped models/vae): its config and weights, a fresh optimiser; --model and --time-upsampling are ignored.")
  Path init;

  @Option(names = "--decoder-only", description = "Train the decoder alone, the encoder frozen (needs --init): the"
      + " latents stay as they are, so a denoiser trained on them stays valid. Give it again on --resume.")
  boolean decoderOnly;

  @Option(names = "--latent-channels", paramLabel = "N", description = "With --init: widen the latent to N channels,"
      + " more than the init's. The new channels start unused (their decoder weights are zero), so training starts"
      + " from the init's reconstructions; the latent statistics are measured again.")
  Integer latentChannels;

  @Option(names = "--decoder-blocks", paramLabel = "N", description = "With --init: give the decoder N residual blocks"
      + " at each level, more than the init's. The new blocks start as the identity, so training starts from the"
      + " init's reconstructions; with --decoder-only the latent, and a denoiser trained on it, stay valid.")
  Integer decoderBlocks;

  @Option(names = "--keyframe-input", description = "The decoder also sees the video's first latent frame beside every"
      + " latent frame, to draw what stays still as sharply as the first frame. With --init the keyframe's weights start"
      + " at zero, so training starts from the init's reconstructions; with --decoder-only the latent stays valid.")
  boolean keyframeInput;

  @Override
  public Integer call() throws Exception {
    VaeConfig config = switch (model) {
      case "base" -> VaeConfig.base();
      case "8x" -> VaeConfig.eightX();
      case "folded" -> VaeConfig.folded();
      case "time2" -> VaeConfig.time2();
      case "wide" -> VaeConfig.wide();
      case "per-frame" -> VaeConfig.perFrameBaseline();
      case "tiny" -> VaeConfig.tiny();
      default -> throw new IllegalArgumentException("--model must be base, folded, time2, wide, 8x, per-frame or tiny, got " + model);
    };
    config = config.withTimeUpsampling(switch (timeUpsampling) {
      case "repeat" -> VaeConfig.TimeUpsampling.REPEAT;
      case "depth" -> VaeConfig.TimeUpsampling.DEPTH_TO_TIME;
      default -> throw new IllegalArgumentException("--time-upsampling must be repeat or depth, got " + timeUpsampling);
    });
    if (init != null) {
      config = ModelFolder.loadConfig(init, VaeConfig.class);
    }
    if (latentChannels != null && decoderBlocks != null) {
      throw new IllegalArgumentException("--latent-channels and --decoder-blocks: widen the latent or deepen the"
          + " decoder, one at a time");
    }
    if (latentChannels != null) {
      config = widened(config);
    }
    if (decoderBlocks != null) {
      config = deepened(config);
    }
    if (keyframeInput) {
      config = withKeyframe(config);
    }
    VaeTrainOptions options = new VaeTrainOptions(out, data, steps, batch, resume, seed,
        learningRate, Math.min(500, steps / 10), crop, frames, 0.1, 1e-6, temporalWeight, motionWeight, checkpointMinutes, snapshotEvery, config,
        init, decoderOnly, adversarialWeight, motionWindows, latentNoise);
    ProgressListener listener = new ProgressListener(decoderOnly);
    try {
      Path checkpoint = new VaeTrainer(options, listener).run();
      System.out.println("model: " + checkpoint);
      return 0;
    } finally {
      listener.close();
    }
  }

  /** The init's config with the --latent-channels asked for, or a clear refusal. */
  private VaeConfig widened(VaeConfig initConfig) {
    if (init == null || resume) {
      throw new IllegalArgumentException("--latent-channels widens the VAE given with --init in a new run"
          + (resume ? "; a resumed run keeps the channels it has" : ""));
    }
    if (decoderOnly) {
      throw new IllegalArgumentException("--latent-channels changes the latent, --decoder-only keeps it: give one of them");
    }
    if (latentChannels <= initConfig.latentChannels()) {
      throw new IllegalArgumentException("--latent-channels must be more than the " + initConfig.latentChannels()
          + " of " + init + ", got " + latentChannels);
    }
    System.out.printf("widening the latent of %s from %d to %d channels (the new ones start unused)%n",
        init, initConfig.latentChannels(), latentChannels);
    return initConfig.withLatentChannels(latentChannels);
  }

  /** The config with the keyframe input, or a clear refusal. */
  private VaeConfig withKeyframe(VaeConfig config) {
    if (resume) {
      throw new IllegalArgumentException("--keyframe-input shapes a new run; a resumed run keeps the decoder it has");
    }
    if (latentChannels != null || decoderBlocks != null) {
      throw new IllegalArgumentException("--keyframe-input with --latent-channels or --decoder-blocks: change one thing"
          + " at a time");
    }
    if (config.keyframeInput()) {
      throw new IllegalArgumentException("the VAE in " + init + " has the keyframe input already");
    }
    if (init != null) {
      System.out.printf("adding the keyframe input to the decoder of %s (its weights start at zero)%n", init);
    }
    return config.withKeyframeInput(true);
  }

  /** The init's config with the --decoder-blocks asked for, or a clear refusal. */
  private VaeConfig deepened(VaeConfig initConfig) {
    if (init == null || resume) {
      throw new IllegalArgumentException("--decoder-blocks deepens the VAE given with --init in a new run"
          + (resume ? "; a resumed run keeps the decoder it has" : ""));
    }
    if (initConfig.decoderBlocksPerLevel() != initConfig.blocksPerLevel() + 1) {
      throw new IllegalArgumentException("the VAE in " + init + " was deepened already ("
          + initConfig.decoderBlocksPerLevel() + " decoder blocks per level); deepen the VAE it came from");
    }
    if (decoderBlocks <= initConfig.decoderBlocksPerLevel()) {
      throw new IllegalArgumentException("--decoder-blocks must be more than the " + initConfig.decoderBlocksPerLevel()
          + " of " + init + ", got " + decoderBlocks);
    }
    System.out.printf("deepening the decoder of %s from %d to %d blocks per level (the new ones start as the identity)%n",
        init, initConfig.decoderBlocksPerLevel(), decoderBlocks);
    return initConfig.withDecoderBlocks(decoderBlocks);
  }

  /** Shows training on a progress bar and prints a line at each checkpoint. */
  private static final class ProgressListener implements VaeTrainer.Listener, AutoCloseable {
    private final boolean decoderOnly;
    private TrainingProgress progress;

    ProgressListener(boolean decoderOnly) {
      this.decoderOnly = decoderOnly;
    }

    @Override
    public void started(long step, long steps, String data, long parameters) {
      System.out.printf("training %s (%,d parameters in all) on %s from step %d of %d%n",
          decoderOnly ? "the VAE's decoder, encoder frozen" : "VAE", parameters, data, step, steps);
      progress = new TrainingProgress("train vae", steps, step);
    }

    @Override
    public void step(long step, double loss, double samplesPerSecond) {
      progress.step(step, loss, samplesPerSecond);
    }

    @Override
    public void checkpoint(long step, Path dir, double heldOutPsnr) {
      System.out.printf(Locale.ROOT, "%ncheckpoint at step %d: held-out psnr %.2f dB -> %s%n", step, heldOutPsnr, dir);
    }

    @Override
    public void close() {
      if (progress != null) {
        progress.close();
      }
    }
  }
}
