package org.sora4j.core.vae;

import ai.djl.ndarray.NDArray;

/**
 * The encoder's diagonal Gaussian over latents.
 *
 * @param mean (B, Z, T', h, w)
 * @param logVar same shape, clamped to a sane range
 */
public record LatentDistribution(NDArray mean, NDArray logVar) {

  /** Splits the encoder output (B, 2Z, ...) into mean and log-variance. */
  public static LatentDistribution fromMoments(NDArray moments) {
    long z = moments.getShape().get(1) / 2;
    NDArray mean = moments.get(":, 0:" + z);
    NDArray logVar = moments.get(":, " + z + ":").clip(-30, 20);
    return new LatentDistribution(mean, logVar);
  }

  /** A sample by the reparameterisation trick, so gradients flow to mean and variance. */
  public NDArray sample() {
    NDArray eps = mean.getManager().randomNormal(mean.getShape());
    return mean.add(logVar.mul(0.5).exp().mul(eps));
  }

  /** KL divergence to the standard normal, averaged over every latent element. */
  public NDArray klMean() {
    return mean.square().add(logVar.exp()).sub(1).sub(logVar).mul(0.5).mean();
  }
}
