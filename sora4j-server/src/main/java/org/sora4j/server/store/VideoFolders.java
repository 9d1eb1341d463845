package org.sora4j.server.store;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Where each video's files live: {@code DATA/videos/ID/}. Ids are checked against their exact
 * format before any path is made from one, so no id can name a path outside the data folder.
 */
public final class VideoFolders {
  private static final RandomIds IDS = RandomIds.withPrefix("video_");

  /** The delivered video. */
  public static final String VIDEO = "video.mp4";
  /** The middle frame. */
  public static final String THUMBNAIL = "thumbnail.png";
  /** A grid of frames. */
  public static final String SPRITESHEET = "spritesheet.jpg";
  /** The frames as generated, lossless PNGs: remix and extension start from them, not from the upscaled MP4. */
  public static final String NATIVE = "native";
  /** An image-to-video reference, re-encoded as PNG. */
  public static final String REFERENCE = "reference.png";
  /** A source video uploaded for an edit or an extension (its extension kept, so it can be decoded). */
  public static final String SOURCE = "source";

  private final Path root;

  public VideoFolders(Path dataDir) throws IOException {
    this.root = Files.createDirectories(dataDir.resolve("videos")).toRealPath();
  }

  /** A new random id. */
  public static String newId() {
    return IDS.next();
  }

  /** True if {@code id} has the format of an id this server makes. */
  public static boolean isValidId(String id) {
    return IDS.isValid(id);
  }

  /** The folder of a video (not created). */
  public Path folder(String id) {
    if (!isValidId(id)) {
      throw new IllegalArgumentException("not a video id: " + id);
    }
    return root.resolve(id);
  }

  /** A file in a video's folder. */
  public Path file(String id, String name) {
    return folder(id).resolve(name);
  }

  /** The uploaded source of a job, whatever its extension, or null. */
  public Path uploadedSource(String id) throws IOException {
    Path folder = folder(id);
    if (!Files.isDirectory(folder)) {
      return null;
    }
    try (var files = Files.list(folder)) {
      return files.filter(p -> p.getFileName().toString().startsWith(SOURCE + ".")).findFirst().orElse(null);
    }
  }

  /** Removes a video's folder and everything in it. */
  public void delete(String id) throws IOException {
    Path folder = folder(id);
    if (!Files.exists(folder)) {
      return;
    }
    try (var walk = Files.walk(folder)) {
      for (Path p : walk.sorted(java.util.Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(p);
      }
    }
  }
}
