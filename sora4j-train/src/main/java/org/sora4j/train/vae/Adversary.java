package org.sora4j.train.vae;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.nn.Activation;
import ai.djl.nn.Parameter;
import ai.djl.training.GradientCollector;
import ai.djl.util.Pair;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.sora4j.core.checkpoint.SafeTensors;
import org.sora4j.core.optim.AdamW;
import org.sora4j.train.run.RunFolder;

/**
 * The adversarial part of VAE training: a {@link VideoDiscriminator} with its own optimiser, the
 * pull its judgement puts on the decoded pixels, and its checkpoint files.
 *
 * <p>The pull is balanced against the reconstruction loss's at the pixels: its norm is {@code
 * weight} times the reconstruction pull's, so the weight means the same whatever the losses'
 * scales (the adaptive weight of taming-transformers' VQGAN, measured at the decoder's output
 * rather than its last layer, which needs no second pass through the decoder). The weight ramps
 * up over the first {@value #RAMP_STEPS} steps, while the fresh discriminator learns what real
 * clips look like.
 */
final class Adversary {
  static final String WEIGHTS = "discriminator.safetensors";
  static final String OPTIMIZER = "discriminator_optimizer.safetensors";
  static final int RAMP_STEPS = 200;
  private static final int WIDTH = 32;

  private final VideoDiscriminator discriminator = new VideoDiscriminator(WIDTH);
  private final AdamW optimizer;
  private final double weight;

  Adversary(NDManager manager, double weight) {
    this.weight = weight;
    discriminator.initialize(manager);
    // GAN practice: a short first-moment memory, so the discriminator follows a moving generator
    optimizer = new AdamW(manager, 0.5, 0.9, 1e-8, 0.0);
  }

  /** The weight of the adversarial pull at a step, after the ramp. */
  double weightAt(long step) {
    return weight * Math.min(1.0, (double) step / RAMP_STEPS);
  }

  /**
   * The gradient of the generator's hinge loss (minus the mean logit) with respect to {@code
   * decoded}, a leaf that requires a gradient and holds {@code soFar}, a copy of the gradient it
   * has gathered already; call inside {@code collector}. The discriminator's own gradients from
   * this pass are dropped.
   */
  NDArray pull(GradientCollector collector, NDArray decoded, NDArray soFar) {
    collector.backward(discriminator.forward(decoded).mean().neg());
    NDArray pull = decoded.getGradient().sub(soFar);
    clearGradients();
    return pull;
  }

  /**
   * {@code reconstruction + adversarial * s}, with {@code s} such that the adversarial part's norm
   * is {@code weight} times the reconstruction part's.
   */
  static NDArray balance(NDArray reconstruction, NDArray adversarial, double weight) {
    double r = reconstruction.norm().getFloat();
    double a = adversarial.norm().getFloat();
    if (weight == 0 || !(a > 0)) {
      return reconstruction;
    }
    return reconstruction.add(adversarial.mul((float) (weight * r / a)));
  }

  /**
   * One discriminator step on the hinge loss: real clips pushed above +1, decoded ones below -1.
   *
   * @return the discriminator's loss before the step
   */
  double train(NDArray real, NDArray decoded, double learningRate) {
    NDArray loss;
    try (GradientCollector collector = Engine.getInstance().newGradientCollector()) {
      NDArray onReal = Activation.relu(discriminator.forward(real).neg().add(1f)).mean();
      NDArray onFake = Activation.relu(discriminator.forward(decoded.stopGradient()).add(1f)).mean();
      loss = onReal.add(onFake);
      collector.backward(loss);
    }
    optimizer.update(discriminator.getParameters(), learningRate, 1.0);
    return loss.getFloat();
  }

  private void clearGradients() {
    for (Pair<String, Parameter> p : discriminator.getParameters()) {
      NDArray w = p.getValue().getArray();
      if (w.hasGradient()) {
        w.getGradient().set(new NDIndex("..."), 0f);
      }
    }
  }

  /** The files a checkpoint keeps for an exact resume: weights and optimiser state. */
  Map<String, Map<String, NDArray>> checkpointFiles() {
    Map<String, NDArray> weights = new LinkedHashMap<>();
    discriminator.getParameters().forEach(p -> weights.put(p.getKey(), p.getValue().getArray()));
    return Map.of(WEIGHTS, weights, OPTIMIZER, optimizer.state());
  }

  /** Restores what {@link #checkpointFiles()} saved, from a checkpoint at {@code step}. */
  void resume(Path checkpoint, long step, NDManager manager) throws IOException {
    if (!Files.isRegularFile(checkpoint.resolve(WEIGHTS))) {
      throw new IllegalArgumentException(checkpoint + " holds no discriminator: the run trained without"
          + " --adversarial-weight; resume it without, or start a new run from its model with --init");
    }
    RunFolder.loadWeights(checkpoint.resolve(WEIGHTS), discriminator, manager);
    try (NDManager scratch = manager.newSubManager()) {
      optimizer.load(SafeTensors.read(checkpoint.resolve(OPTIMIZER), scratch), step);
    }
  }
}
