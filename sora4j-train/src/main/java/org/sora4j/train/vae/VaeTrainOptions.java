package org.sora4j.train.vae;

import java.nio.file.Path;
import org.sora4j.train.run.LearningRate;
import org.sora4j.core.vae.VaeConfig;

/**
 * Everything {@code train vae} can be told.
 *
 * @param out run folder: checkpoints, loss log and samples go here
 * @param data a folder of videos, or null to render world clips on the fly
 * @param steps total optimiser steps (a resumed run continues up to this)
 * @param batch clips per step
 * @param resume continue from the checkpoint in {@code out}
 * @param seed seeds initialisation and the data order
 * @param learningRate peak learning rate
 * @param warmupSteps linear warm-up
 * @param cropSize side of the square training windows, a multiple of the spatial factor
 * @param clipFrames frames per training window, k*temporalFactor+1
 * @param imageFraction share of steps that train on single images (1-frame clips)
 * @param klWeight weight of the KL term
 * @param temporalWeight weight of the L1 loss on frame-to-frame differences (against flicker)
 * @param motionWeight extra weight of the reconstruction loss where the frame changes (moving
 *     objects): a pixel's weight is 1 + motionWeight x its change, 0 for the plain L1
 * @param checkpointMinutes wall-clock minutes between checkpoints
 * @param snapshotEvery also keep the model at every multiple of this many steps in {@code
 *     snapshots/} (0 = never), for comparing models at equal training budgets
 * @param model the model to train when not resuming; with {@code init}, only its latent channels
 *     count: more than the init's widen its latent ({@link org.sora4j.core.vae.LatentWidening})
 * @param init a VAE model folder whose weights a new run starts from, or null for random weights
 * @param decoderOnly train the decoder alone, the encoder frozen: the latents, and so a denoiser
 *     trained on them, stay valid while reconstructions improve
 * @param adversarialWeight 0, or the strength of a spacetime patch discriminator's pull on the
 *     decoded pixels relative to the reconstruction loss's ({@link Adversary})
 * @param motionWindows candidate windows drawn per clip, of which the one with the most moving
 *     pixels is trained on (1 = a plain random window)
 * @param latentNoise 0, or the largest strength of the noise added to the latent the decoder is
 *     trained on, in standard deviations of the diffusion latent ({@link LatentNoise})
 */
public record VaeTrainOptions(
    Path out,
    Path data,
    int steps,
    int batch,
    boolean resume,
    long seed,
    double learningRate,
    int warmupSteps,
    int cropSize,
    int clipFrames,
    double imageFraction,
    double klWeight,
    double temporalWeight,
    double motionWeight,
    double checkpointMinutes,
    int snapshotEvery,
    VaeConfig model,
    Path init,
    boolean decoderOnly,
    double adversarialWeight,
    int motionWindows,
    double latentNoise) {

  public VaeTrainOptions {
    if (steps < 1) {
      throw new IllegalArgumentException("--steps must be at least 1, got " + steps);
    }
    if (batch < 1) {
      throw new IllegalArgumentException("--batch must be at least 1, got " + batch);
    }
    if (cropSize % model.spatialFactor() != 0 || cropSize <= 0) {
      throw new IllegalArgumentException("crop size " + cropSize + " must be a positive multiple of " + model.spatialFactor());
    }
    if (model.validFrames(clipFrames) != clipFrames) {
      throw new IllegalArgumentException("clip frames " + clipFrames + " must be k*" + model.temporalFactor() + "+1");
    }
    if (!(temporalWeight >= 0)) {
      throw new IllegalArgumentException("--temporal-weight must be 0 or more, got " + temporalWeight);
    }
    if (!(motionWeight >= 0)) {
      throw new IllegalArgumentException("--motion-weight must be 0 or more, got " + motionWeight);
    }
    if (!(adversarialWeight >= 0)) {
      throw new IllegalArgumentException("--adversarial-weight must be 0 or more, got " + adversarialWeight);
    }
    if (motionWindows < 1) {
      throw new IllegalArgumentException("--motion-windows must be at least 1, got " + motionWindows);
    }
    if (!(latentNoise >= 0) || Double.isInfinite(latentNoise)) {
      throw new IllegalArgumentException("--latent-noise must be 0 or more, got " + latentNoise);
    }
    if (snapshotEvery < 0) {
      throw new IllegalArgumentException("--snapshot-every must be 0 (never) or positive, got " + snapshotEvery);
    }
    if (!(checkpointMinutes > 0)) {
      throw new IllegalArgumentException("checkpoint interval must be positive minutes");
    }
    if (decoderOnly && init == null && !resume) {
      throw new IllegalArgumentException("--decoder-only keeps a trained encoder: give one with --init");
    }
  }

  /** Learning rate at a step: linear warm-up, flat, then linear decay over the last fifth. */
  public double learningRateAt(long step) {
    return LearningRate.warmupFlatDecay(learningRate, step, steps, warmupSteps);
  }
}
