package org.sora4j.train.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The process's peak resident memory (Linux VmHWM), which counts the tensor engine's native
 * allocations that the JVM's own memory beans never see.
 */
public final class PeakMemory {
  private static final Path STATUS = Path.of("/proc/self/status");
  private static final Path CLEAR_REFS = Path.of("/proc/self/clear_refs");

  private PeakMemory() {}

  /** Whether this platform reports it (Linux). */
  public static boolean available() {
    return Files.isReadable(STATUS);
  }

  /** Resets the peak to the current resident size (writes 5 to clear_refs); false if refused. */
  public static boolean reset() {
    try {
      Files.writeString(CLEAR_REFS, "5");
      return true;
    } catch (IOException | SecurityException e) {
      return false;
    }
  }

  /** Peak resident set size in bytes since start or the last {@link #reset}. */
  public static long peakBytes() throws IOException {
    return field("VmHWM:");
  }

  /** Current resident set size in bytes. */
  public static long residentBytes() throws IOException {
    return field("VmRSS:");
  }

  private static long field(String name) throws IOException {
    for (String line : Files.readAllLines(STATUS)) {
      if (line.startsWith(name)) {
        String[] parts = line.substring(name.length()).trim().split("\\s+");
        return Long.parseLong(parts[0]) * 1024;
      }
    }
    throw new IOException(STATUS + " has no " + name + " line");
  }
}
