package org.sora4j.train.dit;

import java.nio.file.Path;
import org.sora4j.train.run.LearningRate;
import java.util.List;
import java.util.Objects;

/**
 * Everything {@code train dit} can be told.
 *
 * @param out run folder: checkpoints, latent cache, loss log and samples go here
 * @param vae the trained VAE's model folder; its latents are what the transformer learns
 * @param data a folder of captioned clips, or null for world clips
 * @param steps total optimiser steps (a resumed run continues up to this)
 * @param batch clips per step: a fixed count, or as many as fit in a token budget
 * @param resume continue from the checkpoint in {@code out}
 * @param seed seeds initialisation, the cached clips and the data order
 * @param learningRate peak learning rate
 * @param warmupSteps linear warm-up
 * @param clips world clips to encode into the latent cache
 * @param buckets the sizes and durations trained on, with their shares
 * @param captionDropout share of captions replaced by the empty text (for guidance)
 * @param emaDecay decay of the weight average that is saved and sampled
 * @param checkpointMinutes wall-clock minutes between checkpoints
 * @param snapshotEvery also keep the model at every multiple of this many steps (0 = never)
 * @param tiny train the tiny test-sized model instead of the shipped size
 * @param init a denoiser model folder to start a new run from (its config and weights, a fresh
 *     optimiser), or null to start from random weights
 * @param spatialPatch side of the transformer's patches in latent cells, or 0 for the init
 *     model's (or, for a new model, 16 pixels' worth); with {@code init}, weights that no longer
 *     fit (the patch embedding and output layer) start afresh
 * @param depth transformer blocks, or 0 for the init model's (or the shipped size's); with
 *     {@code init}, as many or more than it has: the added blocks start as the identity
 * @param motionWeight how many times over the loss counts latent positions that move
 *     ({@link MotionWeights}); 0 weighs every position alike
 * @param selfCondition give the model its own clean-latent estimate as a second input
 *     (self-conditioning); with {@code init} from a model without it, the new input starts at zero
 *     weight, so the model first computes what the init model did
 * @param masks which latent frames the examples hold clean
 */
public record DitTrainOptions(
    Path out,
    Path vae,
    Path data,
    int steps,
    BatchSize batch,
    boolean resume,
    long seed,
    double learningRate,
    int warmupSteps,
    int clips,
    List<Bucket> buckets,
    double captionDropout,
    double emaDecay,
    double checkpointMinutes,
    int snapshotEvery,
    boolean tiny,
    Path init,
    int spatialPatch,
    int depth,
    double motionWeight,
    boolean selfCondition,
    FrameMasks masks) {

  public DitTrainOptions {
    buckets = List.copyOf(buckets);
    Objects.requireNonNull(batch, "batch");
    Objects.requireNonNull(masks, "masks");
    if (steps < 1) {
      throw new IllegalArgumentException("--steps must be at least 1, got " + steps);
    }
    if (clips < 1) {
      throw new IllegalArgumentException("--clips must be at least 1, got " + clips);
    }
    if (!(captionDropout >= 0 && captionDropout < 1)) {
      throw new IllegalArgumentException("caption dropout must be in [0, 1), got " + captionDropout);
    }
    if (!(checkpointMinutes > 0)) {
      throw new IllegalArgumentException("checkpoint interval must be positive minutes");
    }
    if (snapshotEvery < 0) {
      throw new IllegalArgumentException("--snapshot-every must be 0 (never) or positive, got " + snapshotEvery);
    }
    if (spatialPatch < 0) {
      throw new IllegalArgumentException("--patch must be positive (or 0 for the default), got " + spatialPatch);
    }
    if (depth < 0) {
      throw new IllegalArgumentException("--depth must be positive (or 0 for the default), got " + depth);
    }
    if (!(motionWeight >= 0 && motionWeight < Double.POSITIVE_INFINITY)) {
      throw new IllegalArgumentException("--motion-weight must be 0 or more, got " + motionWeight);
    }
    if (buckets.isEmpty()) {
      throw new IllegalArgumentException("no training bucket");
    }
  }

  /** Learning rate at a step: linear warm-up, flat, then linear decay over the last fifth. */
  public double learningRateAt(long step) {
    return LearningRate.warmupFlatDecay(learningRate, step, steps, warmupSteps);
  }
}
