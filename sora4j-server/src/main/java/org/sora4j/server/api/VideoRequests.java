package org.sora4j.server.api;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import javax.imageio.ImageIO;
import org.sora4j.core.video.FrameSize;
import org.sora4j.core.video.Video;
import org.sora4j.media.VideoFiles;
import org.sora4j.server.ServerOptions;
import org.sora4j.server.jobs.JobSpec;
import org.sora4j.server.jobs.ModelProfile;
import org.sora4j.server.jobs.VideoMaker;
import org.sora4j.server.store.VideoFolders;
import org.sora4j.server.store.VideoRow;
import org.sora4j.server.store.VideoStore;

/**
 * Turns create, remix, edit and extension requests into stored jobs, refusing bad input with a
 * 4xx that names the parameter. Uploads are checked (decoded) here, before a job is queued.
 */
final class VideoRequests {
  /** SDEdit strength of a remix: enough noise to follow the new prompt, little enough to keep the scene. */
  static final double REMIX_STRENGTH = 0.7;
  static final String DEFAULT_SECONDS = "4";
  static final String DEFAULT_SIZE = "720x1280";
  private static final Set<String> VIDEO_TYPES = Set.of("mp4", "webm", "mov", "gif", "png", "jpg", "jpeg");

  private final VideoStore store;
  private final VideoFolders folders;
  private final VideoMaker maker;
  private final ServerOptions options;

  VideoRequests(VideoStore store, VideoFolders folders, VideoMaker maker, ServerOptions options) {
    this.store = store;
    this.folders = folders;
    this.maker = maker;
    this.options = options;
  }

  /** A text-to-video (or image-to-video) job from a create request. */
  Pending create(RequestForm form, String owner) {
    String prompt = prompt(form);
    String model = model(form.field("model"));
    String seconds = seconds(form.field("seconds"), "seconds");
    String size = size(form.field("size"));
    BufferedImage reference = InputReference.decode(form);
    String id = VideoFolders.newId();
    Pending pending = new Pending(row(id, owner, model, prompt, seconds, size, null, new JobSpec.Generate(reference != null)));
    if (reference != null) {
      return pending.write(() -> {
        Files.createDirectories(folders.folder(id));
        ImageIO.write(reference, "png", folders.file(id, VideoFolders.REFERENCE).toFile());
      });
    }
    return pending;
  }

  /** A remix: the source, noised and denoised under the new prompt, at its size and duration. */
  Pending remix(VideoRow source, RequestForm form, String owner) {
    requireCompleted(source);
    String prompt = prompt(form);
    return new Pending(row(VideoFolders.newId(), owner, source.model(), prompt, source.seconds(), source.size(),
        source.id(), new JobSpec.Edit(new JobSpec.Source(source.id()), REMIX_STRENGTH)));
  }

  /** An edit of a finished video (by id) or of an uploaded one. */
  Pending edit(RequestForm form, String owner) throws SQLException {
    String prompt = prompt(form);
    String id = VideoFolders.newId();
    SourceVideo source = source(form, owner, id);
    return source.attach(new Pending(row(id, owner, source.model, prompt, source.seconds, source.size, null,
        new JobSpec.Edit(source.spec, REMIX_STRENGTH))));
  }

  /** An extension: the source followed by {@code seconds} more; the new video's seconds are the total. */
  Pending extend(RequestForm form, String owner) throws SQLException {
    String prompt = prompt(form);
    double add = Double.parseDouble(seconds(form.field("seconds"), "seconds"));
    String id = VideoFolders.newId();
    SourceVideo source = source(form, owner, id);
    double total = Double.parseDouble(source.seconds) + add;
    if (total > options.maxSeconds()) {
      throw ApiError.badRequest("seconds", "the extended video would be " + format(total) + " s; this server makes at most "
          + format(options.maxSeconds()) + " s");
    }
    return source.attach(new Pending(row(id, owner, source.model, prompt, format(total), source.size, null,
        new JobSpec.Extend(source.spec, add))));
  }

  private VideoRow row(String id, String owner, String model, String prompt, String seconds, String size,
      String remixedFrom, JobSpec job) {
    return new VideoRow(id, owner, model, prompt, seconds, size, VideoRow.QUEUED, 0, Instant.now().getEpochSecond(),
        null, remixedFrom, null, null, job, ThreadLocalRandom.current().nextLong(1L << 31));
  }

  private static String prompt(RequestForm form) {
    String prompt = form.field("prompt");
    if (prompt == null || prompt.isBlank()) {
      throw ApiError.badRequest("prompt", "prompt is required and must not be empty");
    }
    if (prompt.length() > 4000) {
      throw ApiError.badRequest("prompt", "prompt is longer than 4000 characters");
    }
    return prompt.strip();
  }

  private static String model(String model) {
    try {
      ModelProfile.named(model);
      return model == null || model.isBlank() ? ModelProfile.DEFAULT : model.strip();
    } catch (IllegalArgumentException e) {
      throw ApiError.badRequest("model", e.getMessage());
    }
  }

  private String seconds(String text, String param) {
    String value = text == null || text.isBlank() ? DEFAULT_SECONDS : text.strip();
    double seconds;
    try {
      seconds = Double.parseDouble(value);
    } catch (NumberFormatException e) {
      throw ApiError.badRequest(param, "seconds must be a number such as 4, 8 or 12, got '" + value + "'");
    }
    if (!(seconds > 0) || seconds > options.maxSeconds()) {
      throw ApiError.badRequest(param, "seconds must be above 0 and at most " + format(options.maxSeconds()) + ", got " + value);
    }
    return format(seconds);
  }

  private String size(String text) {
    String value = text == null || text.isBlank() ? DEFAULT_SIZE : text.strip();
    try {
      FrameSize size = FrameSize.parse(value);
      maker.plan(size);
      return size.toString();
    } catch (IllegalArgumentException e) {
      throw ApiError.badRequest("size", e.getMessage() + " (e.g. 720x1280, 1280x720, 1024x1792, 1792x1024)");
    }
  }

  private static void requireCompleted(VideoRow source) {
    if (!source.status().equals(VideoRow.COMPLETED)) {
      throw ApiError.conflict("video_not_ready", "video " + source.id() + " is " + source.status()
          + "; only a completed video can be remixed, edited or extended");
    }
  }

  /** The source of an edit or extension: {@code video} as an id (form or JSON) or as an uploaded file. */
  private SourceVideo source(RequestForm form, String owner, String newId) throws SQLException {
    RequestForm.Upload upload = form.file("video");
    if (upload != null) {
      return uploaded(upload, newId);
    }
    String id = firstNonNull(form.field("video[id]"), form.field("video_id"), form.field("video"));
    if (id == null || id.isBlank()) {
      throw ApiError.badRequest("video", "video is required: a video id ({\"id\": \"video_...\"}) or an uploaded file");
    }
    id = id.strip();
    if (id.startsWith("{")) {
      id = id.replaceAll(".*\"id\"\\s*:\\s*\"([^\"]*)\".*", "$1");
    }
    if (!VideoFolders.isValidId(id)) {
      throw ApiError.notFound("No video found with id '" + id + "'.");
    }
    String wanted = id;
    VideoRow row = store.get(id, owner).orElseThrow(() -> ApiError.notFound("No video found with id '" + wanted + "'."));
    requireCompleted(row);
    return new SourceVideo(new JobSpec.Source(row.id()), row.model(), row.seconds(), row.size(), null);
  }

  private SourceVideo uploaded(RequestForm.Upload upload, String newId) {
    String name = upload.filename() == null ? "" : upload.filename().toLowerCase(Locale.ROOT);
    String ext = name.contains(".") ? name.substring(name.lastIndexOf('.') + 1) : sniff(upload.bytes());
    if (!VIDEO_TYPES.contains(ext)) {
      throw ApiError.badRequest("video", "the uploaded video must be one of " + VIDEO_TYPES + "; '"
          + (upload.filename() == null ? "(no name)" : upload.filename()) + "' is not");
    }
    Path temp = null;
    try {
      temp = Files.createTempFile("sora4j-upload", "." + ext);
      temp.toFile().deleteOnExit();
      Files.write(temp, upload.bytes());
      Video video = VideoFiles.read(temp);
      if (video.seconds() > options.maxSeconds()) {
        throw ApiError.badRequest("video", "the uploaded video is longer than " + format(options.maxSeconds()) + " s");
      }
      String size = size(video.width() + "x" + video.height());
      String seconds = format(Math.max(1, Math.round(video.frameCount() * 1.0 / video.fps() * options.fps())) / options.fps());
      Path kept = temp;
      return new SourceVideo(JobSpec.Source.upload(), ModelProfile.DEFAULT, seconds, size, () -> {
        Files.createDirectories(folders.folder(newId));
        Files.move(kept, folders.file(newId, VideoFolders.SOURCE + "." + ext));
      });
    } catch (IOException | IllegalArgumentException e) {
      throw ApiError.badRequest("video", "the uploaded video could not be read: " + e.getMessage());
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

  static String firstNonNull(String... values) {
    for (String v : values) {
      if (v != null) {
        return v;
      }
    }
    return null;
  }

  /** Seconds as the API writes them: "4", "1.5". */
  static String format(double seconds) {
    return seconds == Math.rint(seconds) ? Long.toString((long) seconds) : Double.toString(Math.round(seconds * 1000) / 1000.0);
  }

  /** Writes files a job needs before it is queued. */
  interface FileWrite {
    void run() throws IOException;
  }

  /** A job about to be queued, and the files to write first (null: none). */
  record Pending(VideoRow row, FileWrite files) {
    Pending(VideoRow row) {
      this(row, null);
    }

    Pending write(FileWrite write) {
      return new Pending(row, write);
    }

    void writeFiles() throws IOException {
      if (files != null) {
        files.run();
      }
    }
  }

  private record SourceVideo(JobSpec.Source spec, String model, String seconds, String size, FileWrite upload) {
    Pending attach(Pending pending) {
      return upload == null ? pending : pending.write(upload);
    }
  }
}
