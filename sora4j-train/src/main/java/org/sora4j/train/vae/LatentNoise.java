package org.sora4j.train.vae;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.Shape;
import java.util.SplittableRandom;
import org.sora4j.core.vae.VideoVae;

/**
 * Gaussian noise added to the latent a decoder is trained on, measured in the denoiser's units
 * (unit-variance latents), each clip of a batch at its own strength drawn uniformly up to a maximum.
 *
 * <p>A denoiser's latents are never exactly the encoder's: a decoder that has only seen the
 * encoder's renders their small errors as blotches and doubled objects. Trained on nearby latents
 * too, it maps them back to clean video (the noise augmentation of cascaded diffusion models);
 * clips drawn near zero keep it exact on the encoder's own.
 */
final class LatentNoise {
  private LatentNoise() {}

  /**
   * The latent with noise added, or the latent itself when {@code maxSigma} is 0.
   *
   * @param z unscaled latents (B, Z, T', h, w)
   * @param maxSigma the largest noise strength, in standard deviations of the diffusion latent
   * @param rng draws each clip's strength, so a run's noise depends on its seed and step alone
   */
  static NDArray apply(VideoVae vae, NDArray z, double maxSigma, SplittableRandom rng) {
    if (maxSigma == 0) {
      return z;
    }
    long batch = z.getShape().get(0);
    float[] sigmas = new float[(int) batch];
    for (int i = 0; i < sigmas.length; i++) {
      sigmas[i] = (float) (rng.nextDouble() * maxSigma);
    }
    NDArray sigma = z.getManager().create(sigmas, new Shape(batch, 1, 1, 1, 1));
    NDArray noise = z.getManager().randomNormal(z.getShape()).mul(sigma);
    return vae.fromDiffusion(vae.toDiffusion(z).add(noise));
  }
}
