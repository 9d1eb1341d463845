package org.sora4j.media;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.sora4j.core.video.Video;

/**
 * Video files in and out: MP4 (H.264) and WebM (VP8) through FFmpeg, GIF written by javax.imageio
 * and read by FFmpeg, PNG and JPEG through javax.imageio, and folders of numbered frames.
 */
public final class VideoFiles {
  /** Frame rate given to still images and frame folders read without one. */
  public static final double DEFAULT_FPS = FfmpegReader.DEFAULT_FPS;

  private static final String SUPPORTED_WRITES =
      ".mp4, .webm, .gif, .png (one frame), or a folder path without extension (PNG frames)";

  private VideoFiles() {}

  /**
   * Checks before any work is done that a video of {@code frames} frames could be written to
   * {@code path}: a known extension, frame count that fits it, and a folder that exists.
   *
   * @throws IllegalArgumentException naming the path and the problem
   */
  public static void checkWritable(Path path, int frames) {
    Objects.requireNonNull(path, "path");
    String extension = extension(path);
    if (!extension.isEmpty() && !List.of("mp4", "webm", "gif", "png").contains(extension)) {
      throw new IllegalArgumentException(
          path + ": cannot write ." + extension + " files; supported: " + SUPPORTED_WRITES);
    }
    if (extension.equals("png") && frames != 1) {
      throw new IllegalArgumentException(path + ": a .png holds one frame; write .mp4, .webm or .gif for a video");
    }
    Path parent = path.toAbsolutePath().getParent();
    if (parent != null && !Files.isDirectory(parent)) {
      throw new IllegalArgumentException(path + ": the folder " + parent + " does not exist");
    }
  }

  /**
   * Writes by extension: .mp4 (H.264 yuv420p faststart), .gif (animated), .png (one frame; a
   * multi-frame video to a .png path is an error), or a directory path without extension = folder
   * of PNG frames frame_00000.png... Also .webm (VP8), when the FFmpeg build has libvpx.
   *
   * @return what was written, including any adjustment such as padding to even sizes for H.264
   * @throws IllegalArgumentException for an unknown extension or a multi-frame video to .png
   * @throws IOException naming the file if it cannot be written
   */
  public static WriteReport write(Video video, Path path) throws IOException {
    return write(video, path, Map.of());
  }

  /**
   * As {@link #write(Video, Path)}, with metadata tags in the container (MP4 and WebM; GIF, PNG
   * and frame folders have no place for them and are written without). MP4 keeps the keys its
   * muxer knows, such as "title", "comment" and "description".
   */
  public static WriteReport write(Video video, Path path, Map<String, String> tags) throws IOException {
    Objects.requireNonNull(tags, "tags");
    Objects.requireNonNull(video, "video");
    Objects.requireNonNull(path, "path");
    String extension = extension(path);
    if (Files.isDirectory(path) || extension.isEmpty()) {
      return FrameFolder.write(video, path);
    }
    switch (extension) {
      case "mp4":
        return FfmpegWriter.write(video, path, Encoding.h264Mp4(), tags);
      case "webm":
        return FfmpegWriter.write(video, path, Encoding.vp8Webm(), tags);
      case "gif":
        return GifWriter.write(video, path);
      case "png":
        if (video.frameCount() != 1) {
          throw new IllegalArgumentException(path + ": a .png holds one frame but the video has "
              + video.frameCount() + "; write .mp4, .gif or a folder of frames instead");
        }
        StillImages.writePng(video.frame(0), video.width(), video.height(), path);
        return new WriteReport(path, video.width(), video.height(), 1, video.fps(), null);
      default:
        throw new IllegalArgumentException(
            path + ": cannot write ." + extension + " files; supported: " + SUPPORTED_WRITES);
    }
  }

  /**
   * The metadata tags of a video container (MP4, WebM, MOV...), as {@link #write(Video, Path, Map)}
   * stores them.
   *
   * @throws IOException naming the file if it is missing or not a container FFmpeg can open
   */
  public static Map<String, String> readTags(Path path) throws IOException {
    Objects.requireNonNull(path, "path");
    FileProblems.requireReadableFile(path);
    return FfmpegReader.tags(path);
  }

  /**
   * Reads MP4, WebM, MOV, MKV, GIF, PNG, JPEG (or a folder of PNG/JPEG frames, at an fps given by
   * readFrames) into a Video with its fps.
   *
   * <p>Containers take their fps from the stream, folders from the {@code fps.txt} that {@link
   * #write} leaves in them; still images, and folders without that file, get {@link
   * #DEFAULT_FPS}. Any other container FFmpeg can demux is tried too.
   *
   * @throws IOException naming the file and the reason if it is missing, empty, truncated, not a
   *     video or has no video stream
   */
  public static Video read(Path path) throws IOException {
    Objects.requireNonNull(path, "path");
    if (Files.isDirectory(path)) {
      return readFrames(path, FrameFolder.recordedRate(path, DEFAULT_FPS));
    }
    FileProblems.requireReadableFile(path);
    String extension = extension(path);
    if (extension.equals("png") || extension.equals("jpg") || extension.equals("jpeg")) {
      return StillImages.read(path, DEFAULT_FPS);
    }
    return FfmpegReader.read(path);
  }

  /**
   * Reads a folder of PNG/JPEG frames, sorted by name with numbers in numeric order, as a video
   * at {@code fps}.
   *
   * @throws IllegalArgumentException if {@code fps} is not positive
   * @throws IOException naming the folder or frame if it is missing, empty or frames differ in size
   */
  public static Video readFrames(Path dir, double fps) throws IOException {
    if (!(fps > 0) || Double.isInfinite(fps)) {
      throw new IllegalArgumentException("fps must be positive, got " + fps);
    }
    return FrameFolder.read(dir, fps);
  }

  private static String extension(Path path) {
    Path name = path.getFileName();
    if (name == null) {
      return "";
    }
    String text = name.toString();
    int dot = text.lastIndexOf('.');
    return dot <= 0 ? "" : text.substring(dot + 1).toLowerCase(Locale.ROOT);
  }
}
