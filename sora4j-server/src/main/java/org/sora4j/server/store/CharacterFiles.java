package org.sora4j.server.store;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.regex.Pattern;

/**
 * Where the videos characters were made from are kept: {@code DATA/characters/ID.EXT}, so a better
 * judge can describe them again. Ids and extensions are checked against their exact formats before
 * a path is made from them, so neither can name a path outside the data folder.
 */
public final class CharacterFiles {
  private static final Pattern ID = Pattern.compile("char_[0-9a-f]{32}");
  private static final Pattern EXTENSION = Pattern.compile("[a-z0-9]{1,5}");
  private static final SecureRandom RANDOM = new SecureRandom();

  private final Path root;

  public CharacterFiles(Path dataDir) throws IOException {
    this.root = Files.createDirectories(dataDir.resolve("characters")).toRealPath();
  }

  /** A new random id. */
  public static String newId() {
    byte[] bytes = new byte[16];
    RANDOM.nextBytes(bytes);
    return "char_" + HexFormat.of().formatHex(bytes);
  }

  /** True if {@code id} has the format of a character id this server makes. */
  public static boolean isValidId(String id) {
    return id != null && ID.matcher(id).matches();
  }

  /** The uploaded video of a character, with its container's extension (e.g. "mp4"). */
  public Path video(String id, String extension) {
    if (!isValidId(id) || extension == null || !EXTENSION.matcher(extension).matches()) {
      throw new IllegalArgumentException("not a character id and extension: " + id + ", " + extension);
    }
    return root.resolve(id + "." + extension);
  }
}
