package org.sora4j.cli;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import org.sora4j.train.dit.BatchSize;
import org.sora4j.train.dit.Bucket;
import org.sora4j.train.dit.DitTrainOptions;
import org.sora4j.train.dit.DitTrainer;
import org.sora4j.train.dit.FrameMasks;
import org.sora4j.train.log.TrainingProgress;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code sora4j train dit}: trains the text encoder and diffusion transformer, resumable. */
@Command(
    name = "dit",
    mixinStandardHelpOptions = true,
    description = "Train the text encoder and diffusion transformer on VAE latents of world clips (or of --data),"
        + " cached in OUT/latents.")
final class TrainDitCommand implements Callable<Integer> {
  @Option(names = "--vae", paramLabel = "DIR", description = "The trained VAE's model folder (default: the shipped models/vae).")
  Path vae;

  @Option(names = "--out", required = true, description = "Run folder (checkpoint/, latents/, loss.csv, loss.png, samples/).")
  Path out;

  @Option(names = "--data", description = "Folder of captioned clips written by 'world dataset' (default: world clips).")
  Path data;

  @Option(names = "--steps", defaultValue = "20000", description = "Total optimiser steps (default: ${DEFAULT-VALUE}).")
  int steps;

  @Option(names = "--batch", defaultValue = "16", description = "Clips per step (default: ${DEFAULT-VALUE}).")
  int batch;

  @Option(names = "--batch-tokens", paramLabel = "N", description = "Instead of --batch: fill each step with as many"
      + " clips of its bucket as fit in N transformer tokens, so image steps carry many images (the shipped model has"
      + " 64 tokens an image, 320 a 64x64x17 clip).")
  Integer batchTokens;

  @Spec CommandSpec spec;

  @Option(names = "--resume", description = "Continue the run in --out from its last checkpoint.")
  boolean resume;

  @Option(names = "--seed", defaultValue = "0", description = "Seed of initialisation, cached clips and data order (default: ${DEFAULT-VALUE}).")
  long seed;

  @Option(names = "--lr", defaultValue = "3e-4", description = "Peak learning rate (default: ${DEFAULT-VALUE}).")
  double learningRate;

  @Option(names = "--clips", defaultValue = "3000", description = "World clips encoded into the latent cache (default: ${DEFAULT-VALUE}).")
  int clips;

  @Option(names = "--checkpoint-minutes", defaultValue = "10", description = "Minutes between checkpoints (default: ${DEFAULT-VALUE}).")
  double checkpointMinutes;

  @Option(names = "--snapshot-every", defaultValue = "0", description = "Also keep the model every N steps in snapshots/ (default: never).")
  int snapshotEvery;

  @Option(names = "--tiny", description = "Train the tiny test-sized model.")
  boolean tiny;

  @Option(names = "--init", paramLabel = "DIR", description = "Start a new run from this denoiser model folder's weights"
      + " (e.g. the shipped models/dit) with a fresh optimiser.")
  Path init;

  @Option(names = "--patch", paramLabel = "N", defaultValue = "0", description = "Patches of NxN latent cells"
      + " (default: the --init model's, or 8x8 pixels' worth); with --init, the layers this changes start afresh.")
  int patch;

  @Option(names = "--depth", paramLabel = "N", defaultValue = "0", description = "Transformer blocks (default: the"
      + " --init model's, or 8); with --init, at least its count: added blocks start as the identity.")
  int depth;

  @Option(names = "--motion-weight", paramLabel = "W", defaultValue = "0", description = "Count latent positions that"
      + " move W times more in the loss (1 + W where they move most; default: ${DEFAULT-VALUE}, every position alike).")
  double motionWeight;

  @Option(names = "--buckets", paramLabel = "MIX", description = "Sizes and durations trained on, with their shares:"
      + " WxHxFRAMES:WEIGHT,... with FRAMES k*4+1, 1 for images (default: the world mix,"
      + " 64x64x17:0.45,64x64x9:0.15,64x64x1:0.1,96x64x17:0.15,64x96x17:0.15).")
  String buckets;

  @Option(names = "--self-condition", description = "Give the transformer its own previous estimate of the clean"
      + " latent as a second input (self-conditioning); from an --init model without it, the new input starts at zero.")
  boolean selfCondition;

  @Option(names = "--first-frame-share", paramLabel = "P", defaultValue = "0.2", description = "Share of video examples"
      + " trained with the first latent frame alone held clean, as image to video and the second pass of text to"
      + " video sample; the other conditions keep their proportions (default: ${DEFAULT-VALUE}, the base mix).")
  double firstFrameShare;

  @Override
  public Integer call() throws Exception {
    Path vaeDir = ModelPaths.resolve(vae, "vae", "--vae");
    List<Bucket> mix = buckets == null ? Bucket.worldMix() : Bucket.parseList(buckets);
    if (batchTokens != null && spec.commandLine().getParseResult().hasMatchedOption("--batch")) {
      throw new IllegalArgumentException("give --batch (clips per step) or --batch-tokens (tokens per step), not both");
    }
    BatchSize batchSize = batchTokens == null ? new BatchSize.Clips(batch) : new BatchSize.Tokens(batchTokens);
    DitTrainOptions options = new DitTrainOptions(out, vaeDir, data, steps, batchSize, resume, seed, learningRate,
        Math.min(500, steps / 10), clips, mix, 0.1, 0.999, checkpointMinutes, snapshotEvery, tiny, init, patch,
        depth, motionWeight, selfCondition, new FrameMasks(firstFrameShare));
    try (ProgressListener listener = new ProgressListener()) {
      Path checkpoint = new DitTrainer(options, listener).run();
      System.out.println("model: " + checkpoint);
      return 0;
    }
  }

  /** A bar while the latents are cached, then the training bar and a line per checkpoint. */
  private static final class ProgressListener implements DitTrainer.Listener, AutoCloseable {
    private ProgressBar caching;
    private TrainingProgress progress;

    @Override
    public void caching(int done, int total) {
      if (caching == null) {
        caching = new ProgressBarBuilder().setTaskName("encode latents").setInitialMax(total).build();
      }
      caching.stepTo(done);
    }

    @Override
    public void started(long step, long steps, String data, long parameters) {
      if (caching != null) {
        caching.close();
        caching = null;
      }
      System.out.printf("training denoiser (%,d parameters) on %s from step %d of %d%n", parameters, data, step, steps);
      progress = new TrainingProgress("train dit", steps, step);
    }

    @Override
    public void note(String message) {
      System.out.println(message);
    }

    @Override
    public void step(long step, double loss, double samplesPerSecond) {
      progress.step(step, loss, samplesPerSecond);
    }

    @Override
    public void checkpoint(long step, Path dir, double sampleScore) {
      System.out.printf(Locale.ROOT, "%ncheckpoint at step %d: judge score of the samples %.3f -> %s%n", step, sampleScore, dir);
    }

    @Override
    public void close() {
      if (caching != null) {
        caching.close();
      }
      if (progress != null) {
        progress.close();
      }
    }
  }
}
