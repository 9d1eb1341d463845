package org.sora4j.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import org.sora4j.server.ServerOptions;
import org.sora4j.server.VideoServer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code sora4j serve}: OpenAI's Videos API (/v1/videos) on the local model, and a web studio. */
@Command(name = "serve", mixinStandardHelpOptions = true,
    description = "Serve OpenAI's Videos API (/v1/videos) on the local model: point an OpenAI SDK's base URL at"
        + " the printed address and keep your code. The web studio is at /. Jobs and videos persist in --data;"
        + " a restarted server finishes the jobs it had.")
final class ServeCommand implements Callable<Integer> {
  @Option(names = "--port", defaultValue = "8080", description = "TCP port (default: ${DEFAULT-VALUE}; 0 picks a free one).")
  int port;

  @Option(names = "--host", description = "Address to bind (default: 127.0.0.1 without API keys, all interfaces with keys).")
  String host;

  @Option(names = "--data", defaultValue = "data/server", paramLabel = "DIR", description = "Jobs database and video files (default: ${DEFAULT-VALUE}).")
  Path data;

  @Option(names = "--api-key", paramLabel = "KEY", description = "An accepted Bearer key; repeat for more. Also read from SORA4J_API_KEYS (comma-separated).")
  List<String> apiKeys = new ArrayList<>();

  @Option(names = "--model", paramLabel = "DIR", description = "Denoiser model folder (default: the shipped models/dit).")
  Path model;

  @Option(names = "--vae", paramLabel = "DIR", description = "VAE model folder (default: the shipped models/vae).")
  Path vae;

  @Option(names = "--workers", defaultValue = "1", description = "Videos generated at once (default: ${DEFAULT-VALUE}).")
  int workers;

  @Option(names = "--queue", defaultValue = "16", description = "Jobs that may wait; more get 429 (default: ${DEFAULT-VALUE}).")
  int queue;

  @Option(names = "--steps", defaultValue = "24", description = "Sampler steps of sora-2; sora-2-pro takes twice as many, with Heun (default: ${DEFAULT-VALUE}).")
  int steps;

  @Option(names = "--max-upload-mb", defaultValue = "50", description = "Largest request body in MB (default: ${DEFAULT-VALUE}).")
  int maxUploadMb;

  @Option(names = "--no-upsample", description = "Pass prompts to the text encoder as written.")
  boolean noUpsample;

  @Override
  public Integer call() throws Exception {
    if (steps < 1 || steps > 500) {
      throw new IllegalArgumentException("--steps must be between 1 and 500, got " + steps);
    }
    if (maxUploadMb < 1) {
      throw new IllegalArgumentException("--max-upload-mb must be at least 1, got " + maxUploadMb);
    }
    List<String> keys = new ArrayList<>(apiKeys);
    String fromEnv = System.getenv("SORA4J_API_KEYS");
    if (fromEnv != null) {
      Arrays.stream(fromEnv.split(",")).map(String::strip).filter(k -> !k.isEmpty()).forEach(keys::add);
    }
    Path denoiserDir = ModelPaths.resolve(model, "dit", "--model");
    Path vaeDir = ModelPaths.resolve(vae, "vae", "--vae");
    ServerOptions defaults = ServerOptions.defaults(data, denoiserDir, vaeDir);
    ServerOptions options = new ServerOptions(host, port, data, keys, denoiserDir, vaeDir, workers, queue,
        (long) maxUploadMb << 20, steps, defaults.guidance(), defaults.fps(), defaults.pixelBudget(),
        defaults.maxSeconds(), !noUpsample);
    VideoServer server = VideoServer.start(options, System.out::println);
    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      // a job still running is left in the store and runs again on the next start
      server.close();
      stopped.countDown();
    }, "sora4j-serve-stop"));
    String root = server.baseUrl().replaceFirst("/v1$", "");
    System.out.println("sora4j: OpenAI Videos API at " + server.baseUrl());
    System.out.println("models: " + String.join(", ", server.models()) + " (" + denoiserDir + ", " + vaeDir + ")");
    System.out.println("studio: " + root + "/");
    System.out.println("data: " + data.toAbsolutePath());
    System.out.println(keys.isEmpty()
        ? "API keys: none (any key is accepted; listening on " + options.bindHost() + " only unless --host is given)"
        : "API keys: " + keys.size() + " (listening on " + options.bindHost() + ")");
    System.out.println("press Ctrl-C to stop");
    stopped.await();
    return 0;
  }
}
