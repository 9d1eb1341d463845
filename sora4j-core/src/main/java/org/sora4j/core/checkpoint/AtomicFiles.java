package org.sora4j.core.checkpoint;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermissions;

/**
 * Writes files so that a crash never leaves a half-written file under the final name: the
 * content goes to a temporary file in the same directory, is fsynced, and is then renamed over
 * the target in one atomic step.
 */
final class AtomicFiles {
  private AtomicFiles() {}

  /** Writes the whole content of a file, given its (temporary) path. */
  @FunctionalInterface
  interface Content {
    void writeTo(Path file) throws IOException;
  }

  /** Writes {@code target} atomically. */
  static void write(Path target, Content content) throws IOException {
    commit(stage(target, content), target);
  }

  /**
   * Writes the content to a durable temporary file next to {@code target} and returns it; on any
   * failure the temporary file is deleted.
   */
  static Path stage(Path target, Content content) throws IOException {
    Path dir = target.toAbsolutePath().getParent();
    Files.createDirectories(dir);
    Path temp = Files.createTempFile(dir, "." + target.getFileName() + ".", ".tmp");
    try {
      readableByAll(temp);
      content.writeTo(temp);
      try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.WRITE)) {
        channel.force(true);
      }
      return temp;
    } catch (IOException | RuntimeException | Error e) {
      Files.deleteIfExists(temp);
      throw e;
    }
  }

  /**
   * A temporary file is created readable by its owner alone; a model folder is meant to be shared
   * (shipped, served), so it gets the usual rw-r--r-- where the file system has POSIX modes.
   */
  private static void readableByAll(Path file) throws IOException {
    if (Files.getFileStore(file).supportsFileAttributeView(PosixFileAttributeView.class)) {
      Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r--r--"));
    }
  }

  /** Renames a staged file over {@code target} and makes the rename itself durable. */
  static void commit(Path staged, Path target) throws IOException {
    Files.move(staged, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    syncDirectory(target.toAbsolutePath().getParent());
  }

  /** Deletes staged files after a failure, without hiding the failure itself. */
  static void discard(Iterable<Path> staged) {
    for (Path p : staged) {
      try {
        Files.deleteIfExists(p);
      } catch (IOException ignored) {
        // the original failure matters more than a leftover temporary file
      }
    }
  }

  private static void syncDirectory(Path dir) {
    try (FileChannel channel = FileChannel.open(dir, StandardOpenOption.READ)) {
      channel.force(true);
    } catch (IOException ignored) {
      // some file systems cannot open or sync a directory; the rename is still atomic there
    }
  }
}
