package org.sora4j.server.store;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Pattern;

/**
 * Where the videos characters were made from are kept: {@code DATA/characters/ID.EXT}, so a better
 * judge can describe them again. Ids and extensions are checked against their exact formats before
 * a path is made from them, so neither can name a path outside the data folder.
 */
public final class CharacterFiles {
  private static final RandomIds IDS = RandomIds.withPrefix("char_");
  private static final Pattern EXTENSION = Pattern.compile("[a-z0-9]{1,5}");

  private final Path root;

  public CharacterFiles(Path dataDir) throws IOException {
    this.root = Files.createDirectories(dataDir.resolve("characters")).toRealPath();
  }

  /** A new random id. */
  public static String newId() {
    return IDS.next();
  }

  /** True if {@code id} has the format of a character id this server makes. */
  public static boolean isValidId(String id) {
    return IDS.isValid(id);
  }

  /** The uploaded video of a character, with its container's extension (e.g. "mp4"). */
  public Path video(String id, String extension) {
    if (!isValidId(id) || extension == null || !EXTENSION.matcher(extension).matches()) {
      throw new IllegalArgumentException("not a character id and extension: " + id + ", " + extension);
    }
    return root.resolve(id + "." + extension);
  }
}
