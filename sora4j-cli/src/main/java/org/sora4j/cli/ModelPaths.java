package org.sora4j.cli;

import java.nio.file.Files;
import java.nio.file.Path;

/** Where the shipped models live: {@code models/} in the sora4j checkout the launcher ran from. */
final class ModelPaths {
  private ModelPaths() {}

  /** {@code models/NAME} under the launcher's root ({@code -Dsora4j.home}), else under the working dir. */
  static Path shipped(String name) {
    return Path.of(System.getProperty("sora4j.home", ".")).resolve("models").resolve(name);
  }

  /** The model folder to use: the one given, else the shipped one; it must exist. */
  static Path resolve(Path given, String shippedName, String option) {
    Path dir = given != null ? given : shipped(shippedName);
    if (!Files.isDirectory(dir)) {
      throw new IllegalArgumentException("model folder " + dir + " does not exist"
          + (given == null ? " (the shipped model; pass " + option + " DIR to use another)" : ""));
    }
    return dir;
  }
}
