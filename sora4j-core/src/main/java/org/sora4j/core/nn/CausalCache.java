package org.sora4j.core.nn;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDScope;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Supplier;

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
  private final Map<Object, NDArray> kept = new HashMap<>();

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

  /**
   * What a layer keeps for the whole video, made from its first chunk on the first call and given
   * back unchanged after (a decoder's keyframe).
   */
  public NDArray keepFirst(Object layer, Supplier<NDArray> first) {
    NDArray value = kept.get(layer);
    if (value == null) {
      value = first.get().duplicate();
      NDScope.unregister(value);
      kept.put(layer, value);
    }
    return value;
  }

  @Override
  public void close() {
    frames.values().forEach(NDArray::close);
    frames.clear();
    kept.values().forEach(NDArray::close);
    kept.clear();
    started.clear();
  }
}
