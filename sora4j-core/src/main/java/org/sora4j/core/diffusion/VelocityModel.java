package org.sora4j.core.diffusion;

import ai.djl.ndarray.NDArray;

/** What a sampler integrates: the velocity at a latent with given per-frame times. */
@FunctionalInterface
public interface VelocityModel {
  /**
   * @param x latent (B, C, T, H, W)
   * @param time per-frame times (B, T)
   * @return velocity, same shape as {@code x}
   */
  NDArray velocity(NDArray x, NDArray time);
}
