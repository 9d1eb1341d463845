package org.sora4j.server;

import java.nio.file.Path;
import java.util.List;

/**
 * How a server runs.
 *
 * @param host address to bind; null = 127.0.0.1 when there are no API keys, else all interfaces
 * @param port TCP port; 0 picks a free one
 * @param dataDir jobs database and video files
 * @param apiKeys accepted Bearer keys; empty = no authentication (then bound to loopback by default)
 * @param denoiserDir denoiser model folder
 * @param vaeDir VAE model folder
 * @param workers jobs generated at once
 * @param queueLimit jobs that may wait; one more is refused with 429
 * @param maxUploadBytes largest request body
 * @param steps sampler steps of sora-2 (sora-2-pro takes twice as many, with Heun)
 * @param guidance classifier-free guidance scale
 * @param fps frame rate of generated video
 * @param pixelBudget pixels per generated frame (the model's training size is 64x64)
 * @param maxSeconds longest video a request may ask for
 * @param upsample expand prompts into the detailed captions the model was trained on
 */
public record ServerOptions(
    String host,
    int port,
    Path dataDir,
    List<String> apiKeys,
    Path denoiserDir,
    Path vaeDir,
    int workers,
    int queueLimit,
    long maxUploadBytes,
    int steps,
    double guidance,
    double fps,
    int pixelBudget,
    double maxSeconds,
    boolean upsample) {

  public ServerOptions {
    apiKeys = List.copyOf(apiKeys);
    if (apiKeys.stream().anyMatch(k -> k.isBlank() || k.chars().anyMatch(Character::isWhitespace))) {
      throw new IllegalArgumentException("API keys must be non-empty and contain no spaces");
    }
    if (port < 0 || port > 65535) {
      throw new IllegalArgumentException("port must be between 0 and 65535, got " + port);
    }
    if (workers < 1 || queueLimit < 1) {
      throw new IllegalArgumentException("workers and queue limit must be at least 1");
    }
  }

  /**
   * Defaults for the shipped model: one worker (two cores), 16 waiting jobs, 50 MB uploads, 24 steps,
   * 8 fps, at most 20 s (a 20 s 1792x1024 video is about 1 GB of frames in memory while it is encoded).
   */
  public static ServerOptions defaults(Path dataDir, Path denoiserDir, Path vaeDir) {
    return new ServerOptions(null, 8080, dataDir, List.of(), denoiserDir, vaeDir, 1, 16, 50L << 20, 24, 4.0, 8,
        64 * 64, 20, true);
  }

  /** The address to bind. */
  public String bindHost() {
    return host != null ? host : apiKeys.isEmpty() ? "127.0.0.1" : "0.0.0.0";
  }

  public ServerOptions withPort(int newPort) {
    return new ServerOptions(host, newPort, dataDir, apiKeys, denoiserDir, vaeDir, workers, queueLimit, maxUploadBytes,
        steps, guidance, fps, pixelBudget, maxSeconds, upsample);
  }

  public ServerOptions withHost(String newHost) {
    return new ServerOptions(newHost, port, dataDir, apiKeys, denoiserDir, vaeDir, workers, queueLimit, maxUploadBytes,
        steps, guidance, fps, pixelBudget, maxSeconds, upsample);
  }

  public ServerOptions withApiKeys(List<String> keys) {
    return new ServerOptions(host, port, dataDir, keys, denoiserDir, vaeDir, workers, queueLimit, maxUploadBytes,
        steps, guidance, fps, pixelBudget, maxSeconds, upsample);
  }

  public ServerOptions withLimits(int newWorkers, int newQueueLimit, long newMaxUploadBytes) {
    return new ServerOptions(host, port, dataDir, apiKeys, denoiserDir, vaeDir, newWorkers, newQueueLimit,
        newMaxUploadBytes, steps, guidance, fps, pixelBudget, maxSeconds, upsample);
  }

  public ServerOptions withSampling(int newSteps, int newPixelBudget) {
    return new ServerOptions(host, port, dataDir, apiKeys, denoiserDir, vaeDir, workers, queueLimit, maxUploadBytes,
        newSteps, guidance, fps, newPixelBudget, maxSeconds, upsample);
  }
}
