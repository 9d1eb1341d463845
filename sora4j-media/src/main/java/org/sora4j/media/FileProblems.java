package org.sora4j.media;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.nio.file.Path;

/** Plain-words reasons for file-system failures, and the checks every reader makes first. */
final class FileProblems {
  private FileProblems() {}

  /** Wraps a java.nio failure in an IOException that starts with the file and says why. */
  static IOException wrap(Path path, String doing, IOException cause) {
    return new IOException(path + ": cannot " + doing + ": " + reason(cause), cause);
  }

  private static String reason(IOException e) {
    if (e instanceof NoSuchFileException) {
      return "no such file or directory" + other(e);
    }
    if (e instanceof AccessDeniedException) {
      return "permission denied" + other(e);
    }
    if (e instanceof FileAlreadyExistsException) {
      return "a file is in the way" + other(e);
    }
    if (e instanceof NotDirectoryException) {
      return "not a directory" + other(e);
    }
    return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
  }

  private static String other(IOException e) {
    return e instanceof java.nio.file.FileSystemException fse && fse.getFile() != null
        ? " (" + fse.getFile() + ")"
        : "";
  }

  /** Fails unless {@code path} is a non-empty regular file. */
  static void requireReadableFile(Path path) throws IOException {
    if (!Files.exists(path)) {
      throw new IOException(path + ": no such file");
    }
    if (!Files.isRegularFile(path)) {
      throw new IOException(path + ": not a regular file");
    }
    if (!Files.isReadable(path)) {
      throw new IOException(path + ": permission denied");
    }
    if (Files.size(path) == 0) {
      throw new IOException(path + ": empty file");
    }
  }
}
