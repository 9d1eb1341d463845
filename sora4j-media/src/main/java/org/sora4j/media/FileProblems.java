package org.sora4j.media;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.nio.file.Path;

/** Plain-words reasons for file-system failures, and the checks every reader makes first. */
final class FileProblems {
  private FileProblems() {}

  /** Wraps a java.nio failure in an IOException that starts with the file and says why. */
  static IOException wrap(Path path, String doing, IOException cause) {
    return new IOException(path + ": cannot " + doing + ": " + reason(path, cause), cause);
  }

  private static String reason(Path path, IOException e) {
    if (e instanceof NoSuchFileException) {
      return "no such file or directory" + other(path, e);
    }
    if (e instanceof AccessDeniedException) {
      return "permission denied" + other(path, e);
    }
    if (e instanceof FileAlreadyExistsException) {
      return "a file is in the way" + other(path, e);
    }
    if (e instanceof NotDirectoryException) {
      return "not a directory" + other(path, e);
    }
    if (e instanceof FileSystemException fse && fse.getReason() != null) {
      return fse.getReason() + other(path, e); // the bare reason; the message repeats the path
    }
    return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
  }

  /** The file the failure was about, when it is not the one the message starts with. */
  private static String other(Path path, IOException e) {
    return e instanceof FileSystemException fse && fse.getFile() != null
            && !fse.getFile().equals(path.toString())
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

  /**
   * Deletes a file left half-written by a failed write. A failure to delete is ignored: the
   * exception already on its way says what went wrong, and must not be replaced by this one.
   */
  static void removeHalfWritten(Path path) {
    try {
      Files.deleteIfExists(path);
    } catch (IOException ignored) {
      // the caller is already throwing the write's own failure
    }
  }
}
