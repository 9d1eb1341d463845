package org.sora4j.server;

import ai.djl.ndarray.NDManager;
import io.javalin.Javalin;
import io.javalin.config.SizeUnit;
import io.javalin.util.JavalinBindException;
import java.io.IOException;
import java.nio.file.Files;
import java.sql.SQLException;
import java.util.List;
import java.util.function.Consumer;
import org.sora4j.core.pipeline.VideoPipeline;
import org.sora4j.server.api.VideoRoutes;
import org.sora4j.server.jobs.JobQueue;
import org.sora4j.server.jobs.VideoMaker;
import org.sora4j.server.store.CharacterFiles;
import org.sora4j.server.store.VideoFolders;
import org.sora4j.server.store.VideoStore;

/**
 * A drop-in server for OpenAI's Videos API on the local model: a client changes its base URL and
 * API key and nothing else. Owns the model, the job store, the workers and the HTTP server, and
 * closes them in the order that loses no job.
 */
public final class VideoServer implements AutoCloseable {
  private final ServerOptions options;
  private final NDManager manager;
  private final VideoStore store;
  private final JobQueue queue;
  private final Javalin app;

  private VideoServer(ServerOptions options, NDManager manager, VideoStore store, JobQueue queue, Javalin app) {
    this.options = options;
    this.manager = manager;
    this.store = store;
    this.queue = queue;
    this.app = app;
  }

  /**
   * Loads the model, reopens the data folder (requeueing unfinished jobs) and starts listening.
   *
   * @throws IOException if a model folder cannot be read or the port cannot be bound
   */
  public static VideoServer start(ServerOptions options) throws IOException, SQLException {
    return start(options, line -> { });
  }

  /** As {@link #start(ServerOptions)}, telling {@code events} a line per job event (queued, completed, failed). */
  public static VideoServer start(ServerOptions options, Consumer<String> events) throws IOException, SQLException {
    Files.createDirectories(options.dataDir());
    NDManager manager = NDManager.newBaseManager();
    VideoStore store = null;
    JobQueue queue = null;
    try {
      VideoPipeline pipeline = VideoPipeline.load(options.denoiserDir(), options.vaeDir(), manager);
      store = new VideoStore(options.dataDir());
      VideoFolders folders = new VideoFolders(options.dataDir());
      VideoMaker maker = new VideoMaker(pipeline, folders, options);
      queue = new JobQueue(store, folders, maker, options.workers(), options.queueLimit(), events);
      VideoRoutes routes = new VideoRoutes(store, folders, new CharacterFiles(options.dataDir()), queue, maker, options);
      Javalin app = Javalin.create(config -> {
        config.startup.showJavalinBanner = false;
        config.http.maxRequestSize = options.maxUploadBytes();
        config.jetty.multipartConfig.maxFileSize(options.maxUploadBytes(), SizeUnit.BYTES);
        config.jetty.multipartConfig.maxTotalRequestSize(options.maxUploadBytes(), SizeUnit.BYTES);
        routes.register(config);
      });
      try {
        app.start(options.bindHost(), options.port());
      } catch (JavalinBindException e) {
        // a busy port is the user's to fix, not a bug: it reaches the CLI as an I/O error
        throw new IOException("cannot listen on " + options.bindHost() + ":" + options.port() + ": " + e.getMessage(), e);
      }
      queue.start();
      return new VideoServer(options, manager, store, queue, app);
    } catch (IOException | SQLException | RuntimeException e) {
      closeQuietly(queue, store, manager);
      throw e;
    }
  }

  /** The port it listens on (the one picked, if 0 was asked). */
  public int port() {
    return app.port();
  }

  /** The base URL a client uses, e.g. {@code http://127.0.0.1:8080/v1}. */
  public String baseUrl() {
    String host = options.bindHost().equals("0.0.0.0") ? "127.0.0.1" : options.bindHost();
    return "http://" + host + ":" + port() + "/v1";
  }

  /** The model names clients can ask for. */
  public List<String> models() {
    return VideoRoutes.modelNames();
  }

  /** Stops listening, then stops the workers (a running job is left to the next start), then closes the store and model. */
  @Override
  public void close() {
    app.stop();
    closeQuietly(queue, store, manager);
  }

  private static void closeQuietly(AutoCloseable... resources) {
    for (AutoCloseable r : resources) {
      if (r == null) {
        continue;
      }
      try {
        r.close();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      } catch (Exception e) {
        // closing on the way out: the first failure has been reported
      }
    }
  }
}
