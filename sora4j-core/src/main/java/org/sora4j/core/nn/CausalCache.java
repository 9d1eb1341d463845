package org.sora4j.core.nn;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDScope;
import java.util.HashMap;
import java.util.Map;

/**
 * What each causal layer remembers between chunks of a long video: the last input frames its
 * temporal kernel still needs. Encoding or decoding chunk by chunk with one cache gives the same
 * result as processing the whole video at once, with memory that does not grow with duration.
 *
 * <p>The cached arrays are kept out of any {@link NDScope} so a per-chunk scope can close the
 * chunk's temporaries; {@link #close()} frees them.
 */
public final class CausalCache implements AutoCloseable {
  private final Map<Object, NDArray> frames = new HashMap<>();
  private final Map<Object, Boolean> started = new HashMap<>();

  NDArray get(Object layer) {
    return frames.get(layer);
  }

  void put(Object layer, NDArray tail) {
    NDScope.unregister(tail);
    NDArray old = frames.put(layer, tail);
    if (old != null) {
      old.close();
    }
  }

  /** True the first time a layer asks; used by layers that treat the video's first frame apart. */
  public boolean firstCall(Object layer) {
    return started.put(layer, Boolean.TRUE) == null;
  }

  @Override
  public void close() {
    frames.values().forEach(NDArray::close);
    frames.clear();
    started.clear();
  }
}
