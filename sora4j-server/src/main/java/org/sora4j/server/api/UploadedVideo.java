package org.sora4j.server.api;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Locale;
import java.util.Set;
import org.sora4j.core.video.Video;
import org.sora4j.media.VideoFiles;

/**
 * A video file uploaded as {@code video} (the source of an edit or extension, or the clip a
 * character is made from), decoded to check it before anything is queued or stored. The bytes
 * wait in a temporary file until they are moved where they belong.
 *
 * @param file the temporary file, named with {@code extension} so it can be decoded again
 * @param extension the container: one of {@link #TYPES}
 * @param video the decoded frames
 */
record UploadedVideo(Path file, String extension, Video video) {
  static final Set<String> TYPES = Set.of("mp4", "webm", "mov", "gif", "png", "jpg", "jpeg");

  /**
   * Decodes an upload sent as {@code video}.
   *
   * @throws ApiError 400 if it is not a video or image of a known type, cannot be decoded or is
   *     longer than {@code maxSeconds}
   */
  static UploadedVideo read(RequestForm.Upload upload, double maxSeconds) {
    String name = upload.filename() == null ? "" : upload.filename().toLowerCase(Locale.ROOT);
    String ext = name.contains(".") ? name.substring(name.lastIndexOf('.') + 1) : sniff(upload.bytes());
    if (!TYPES.contains(ext)) {
      throw ApiError.badRequest("video", "the uploaded video must be one of " + TYPES + "; '"
          + (upload.filename() == null ? "(no name)" : upload.filename()) + "' is not");
    }
    Path temp = null;
    try {
      temp = Files.createTempFile("sora4j-upload", "." + ext);
      temp.toFile().deleteOnExit();
      Files.write(temp, upload.bytes());
      Video video = VideoFiles.read(temp);
      if (video.seconds() > maxSeconds) {
        throw ApiError.badRequest("video", "the uploaded video is longer than " + VideoRequests.format(maxSeconds) + " s");
      }
      return new UploadedVideo(temp, ext, video);
    } catch (ApiError e) {
      discard(temp);
      throw e;
    } catch (IOException | IllegalArgumentException e) {
      discard(temp);
      throw ApiError.badRequest("video", "the uploaded video could not be read: " + e.getMessage());
    }
  }

  /** Moves the file to {@code target}, making its folder. */
  void moveTo(Path target) throws IOException {
    Files.createDirectories(target.getParent());
    Files.move(file, target, StandardCopyOption.REPLACE_EXISTING);
  }

  /** Deletes the temporary file if it was not moved. */
  void discard() {
    discard(file);
  }

  private static void discard(Path temp) {
    try {
      if (temp != null) {
        Files.deleteIfExists(temp);
      }
    } catch (IOException e) {
      // a temporary file: deleted on exit all the same
    }
  }

  /** The container of a file sent without a name (the SDKs send byte arrays so), from its first bytes. */
  static String sniff(byte[] b) {
    if (b.length >= 12 && b[4] == 'f' && b[5] == 't' && b[6] == 'y' && b[7] == 'p') {
      return b[8] == 'q' && b[9] == 't' ? "mov" : "mp4";
    }
    if (b.length >= 4 && (b[0] & 0xff) == 0x1a && (b[1] & 0xff) == 0x45 && (b[2] & 0xff) == 0xdf && (b[3] & 0xff) == 0xa3) {
      return "webm";
    }
    if (b.length >= 4 && b[0] == 'G' && b[1] == 'I' && b[2] == 'F' && b[3] == '8') {
      return "gif";
    }
    if (b.length >= 4 && (b[0] & 0xff) == 0x89 && b[1] == 'P' && b[2] == 'N' && b[3] == 'G') {
      return "png";
    }
    if (b.length >= 3 && (b[0] & 0xff) == 0xff && (b[1] & 0xff) == 0xd8 && (b[2] & 0xff) == 0xff) {
      return "jpg";
    }
    return "";
  }
}
