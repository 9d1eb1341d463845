package org.sora4j.server.jobs;

import java.sql.SQLException;
import java.time.Instant;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.sora4j.server.api.ApiError;
import org.sora4j.server.store.VideoFolders;
import org.sora4j.server.store.VideoRow;
import org.sora4j.server.store.VideoStore;

/**
 * The bounded job queue and its workers. The store holds every job; this queue holds only ids in
 * the order they run, so on start it is refilled from the store (queued and interrupted jobs run
 * again), and a server stopped mid-job leaves that job to the next start.
 */
public final class JobQueue implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(JobQueue.class);

  private final VideoStore store;
  private final VideoFolders folders;
  private final VideoMaker maker;
  private final int limit;
  private final int workers;
  private final BlockingQueue<String> ids = new LinkedBlockingQueue<>();
  private final ExecutorService pool;
  /** Seconds the last job took: the basis of Retry-After. */
  private final AtomicLong lastJobSeconds = new AtomicLong(30);

  private final Consumer<String> events;

  /** {@code events} hears one line per job event (queued, done, failed) for the operator. */
  public JobQueue(VideoStore store, VideoFolders folders, VideoMaker maker, int workers, int limit, Consumer<String> events) {
    this.events = events;
    this.store = store;
    this.folders = folders;
    this.maker = maker;
    this.limit = limit;
    this.workers = workers;
    AtomicInteger n = new AtomicInteger();
    this.pool = Executors.newFixedThreadPool(workers, r -> {
      Thread t = new Thread(r, "sora4j-worker-" + n.incrementAndGet());
      t.setDaemon(true);
      return t;
    });
  }

  /** Requeues unfinished jobs of an earlier run and starts the workers. */
  public void start() throws SQLException {
    for (VideoRow row : store.unfinished()) {
      store.progress(row.id(), VideoRow.QUEUED, 0);
      ids.add(row.id());
      events.accept("requeued " + describe(row));
    }
    for (int i = 0; i < workers; i++) {
      pool.execute(this::work);
    }
  }

  /**
   * Stores and queues a new job.
   *
   * @throws ApiError 429 if {@code limit} jobs are already waiting
   */
  public synchronized void submit(VideoRow row) throws SQLException {
    int waiting = store.countQueued();
    if (waiting >= limit) {
      long wait = Math.max(1, lastJobSeconds.get() * (waiting + 1) / workers);
      throw ApiError.queueFull("the job queue is full (" + waiting + " waiting); try again later", (int) Math.min(wait, 3600));
    }
    store.insert(row);
    ids.add(row.id());
    events.accept("queued " + describe(row));
  }

  private static String describe(VideoRow row) {
    return row.id() + " (" + row.model() + ", " + row.size() + ", " + row.seconds() + " s)";
  }

  private void work() {
    while (!Thread.currentThread().isInterrupted()) {
      String id;
      try {
        id = ids.take();
      } catch (InterruptedException e) {
        return;
      }
      try {
        run(id);
      } catch (JobCancelled e) {
        if (Thread.currentThread().isInterrupted()) {
          return;
        }
      } catch (SQLException e) {
        LOG.error("job store failed on {}", id, e);
      }
    }
  }

  private void run(String id) throws SQLException {
    VideoRow row = store.get(id).orElse(null);
    if (row == null || row.finished() || !store.progress(id, VideoRow.IN_PROGRESS, 0)) {
      return;
    }
    long started = System.nanoTime();
    String code = null;
    String message = null;
    try {
      maker.make(row, percent -> {
        try {
          if (!store.progress(id, VideoRow.IN_PROGRESS, percent)) {
            throw new JobCancelled("the video was deleted");
          }
        } catch (SQLException e) {
          throw new IllegalStateException(e);
        }
      });
    } catch (JobCancelled e) {
      if (Thread.currentThread().isInterrupted()) {
        throw e; // stopping: the job stays in_progress and runs again on the next start
      }
      deleteFiles(id);
      events.accept(id + " deleted while it ran: stopped");
      return;
    } catch (IllegalArgumentException e) {
      code = "invalid_request";
      message = e.getMessage();
    } catch (Exception e) {
      LOG.error("job {} failed", id, e);
      code = "internal_error";
      message = "generation failed: " + e;
    }
    double seconds = (System.nanoTime() - started) / 1e9;
    lastJobSeconds.set(Math.max(1, (long) seconds));
    if (!store.finish(id, Instant.now().getEpochSecond(), code, message)) {
      deleteFiles(id); // deleted while it ran
      return;
    }
    events.accept(String.format(java.util.Locale.ROOT, "%s %s in %.1f s%s", id, code == null ? "completed" : "failed",
        seconds, code == null ? "" : ": " + message));
  }

  private void deleteFiles(String id) {
    try {
      folders.delete(id);
    } catch (java.io.IOException e) {
      LOG.warn("could not delete the files of {}", id, e);
    }
  }

  /** Stops the workers, interrupting a running job (it runs again on the next start). */
  @Override
  public void close() {
    pool.shutdownNow();
    try {
      pool.awaitTermination(60, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
