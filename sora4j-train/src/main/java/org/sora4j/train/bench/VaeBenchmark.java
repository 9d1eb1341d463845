package org.sora4j.train.bench;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.sora4j.core.vae.VideoTensors;
import org.sora4j.core.vae.VideoVae;
import org.sora4j.core.video.Video;
import org.sora4j.world.scene.SceneSpec;
import org.sora4j.world.sim.RenderOptions;
import org.sora4j.world.sim.WorldRenderer;

/**
 * Peak memory and speed of encoding plus decoding world clips of growing duration, chunked (the
 * causal cache) against whole-clip, to show that chunking keeps memory flat.
 */
public final class VaeBenchmark {

  /** One measured case. */
  public record Row(String mode, double seconds, int frames, double framesPerSecond, long peakBytes,
      long baselineBytes) {
    /** Memory the case added above what the process held before it. */
    public long addedBytes() {
      return peakBytes - baselineBytes;
    }
  }

  private VaeBenchmark() {}

  /**
   * Runs each duration in chunked mode, and in whole mode up to {@code wholeUpToSeconds}.
   *
   * @param fps frame rate of the clips
   */
  public static List<Row> run(VideoVae vae, int width, int height, double fps, List<Double> durations,
      double wholeUpToSeconds) throws IOException {
    List<Row> rows = new ArrayList<>();
    try (NDManager manager = NDManager.newBaseManager()) {
      measure(vae, clip(width, height, fps, 1), manager, true); // warm-up: engine start, allocator
      // every chunked case before any whole one: the allocator keeps what a whole clip took, which
      // would otherwise raise the resident baseline of the chunked cases after it
      for (double seconds : durations) {
        rows.add(measure(vae, clip(width, height, fps, seconds), manager, true));
      }
      for (double seconds : durations) {
        if (seconds <= wholeUpToSeconds) {
          rows.add(measure(vae, clip(width, height, fps, seconds), manager, false));
        }
      }
    }
    return rows;
  }

  private static Video clip(int width, int height, double fps, double seconds) {
    long seed = 42;
    return WorldRenderer.render(SceneSpec.open().resolve(seed), new RenderOptions(width, height, fps, seconds), seed).video();
  }

  private static Row measure(VideoVae vae, Video video, NDManager manager, boolean chunked) throws IOException {
    System.gc();
    PeakMemory.reset();
    long before = PeakMemory.residentBytes();
    long start = System.nanoTime();
    try (NDManager m = manager.newSubManager()) {
      NDArray x = vae.padFrames(VideoTensors.toTensor(m, video));
      int chunk = VideoVae.DEFAULT_CHUNK_LATENT_FRAMES;
      NDArray y = chunked
          ? vae.decodeChunked(vae.encodeChunked(x, chunk), chunk)
          : vae.decode(vae.encode(x).mean());
      y.toFloatArray(); // forces the work to finish
    }
    double elapsed = (System.nanoTime() - start) / 1e9;
    // the kernel's resident counters lag by up to a few hundred KB per thread, so a case that adds
    // almost nothing can read a peak just under the resident size it started from
    long peak = Math.max(PeakMemory.peakBytes(), before);
    return new Row(chunked ? "chunked" : "whole", video.seconds(), video.frameCount(),
        video.frameCount() / elapsed, peak, before);
  }
}
