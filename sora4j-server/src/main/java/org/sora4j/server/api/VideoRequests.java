package org.sora4j.server.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.sql.SQLException;
import java.time.Instant;
import java.util.concurrent.ThreadLocalRandom;
import javax.imageio.ImageIO;
import org.sora4j.core.video.FrameSize;
import org.sora4j.core.video.Video;
import org.sora4j.server.ServerOptions;
import org.sora4j.server.jobs.JobSpec;
import org.sora4j.server.jobs.ModelProfile;
import org.sora4j.server.jobs.VideoMaker;
import org.sora4j.server.store.VideoFolders;
import org.sora4j.server.store.VideoRow;
import org.sora4j.server.store.VideoStore;

/**
 * Turns create, remix, edit and extension requests into stored jobs, refusing bad input with a
 * 4xx that names the parameter. Uploads are checked (decoded) here, before a job is queued, and a
 * prompt that names one of the owner's characters reaches the model with the character's looks.
 */
final class VideoRequests {
  /** SDEdit strength of a remix: enough noise to follow the new prompt, little enough to keep the scene. */
  static final double REMIX_STRENGTH = 0.7;
  static final String DEFAULT_SECONDS = "4";
  static final String DEFAULT_SIZE = "720x1280";
  /** OpenAI's limit for a video prompt. */
  static final int MAX_PROMPT_CHARS = 32_000;

  private final VideoStore store;
  private final VideoFolders folders;
  private final VideoMaker maker;
  private final ServerOptions options;
  private final ObjectMapper json;

  VideoRequests(VideoStore store, VideoFolders folders, VideoMaker maker, ServerOptions options, ObjectMapper json) {
    this.store = store;
    this.folders = folders;
    this.maker = maker;
    this.options = options;
    this.json = json;
  }

  /** A text-to-video (or image-to-video) job from a create request. */
  Pending create(RequestForm form, String owner) throws SQLException {
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
  Pending remix(VideoRow source, RequestForm form, String owner) throws SQLException {
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

  /** A queued job; the model is given the prompt with the owner's characters named by their looks. */
  private VideoRow row(String id, String owner, String model, String prompt, String seconds, String size,
      String remixedFrom, JobSpec job) throws SQLException {
    String modelPrompt = CharacterMentions.of(store.characters(owner)).resolve(prompt);
    return new VideoRow(id, owner, model, prompt, modelPrompt, seconds, size, VideoRow.QUEUED, 0,
        Instant.now().getEpochSecond(), null, remixedFrom, null, null, job, ThreadLocalRandom.current().nextLong(1L << 31));
  }

  private static String prompt(RequestForm form) {
    String prompt = form.field("prompt");
    if (prompt == null || prompt.isBlank()) {
      throw ApiError.badRequest("prompt", "prompt is required and must not be empty");
    }
    if (prompt.length() > MAX_PROMPT_CHARS) {
      throw ApiError.badRequest("prompt", "prompt is longer than " + MAX_PROMPT_CHARS + " characters");
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

  /** The {@code id} of a {@code video} sent as a JSON object in a form field, pretty-printed or not. */
  private String jsonId(String object) {
    try {
      String id = json.readTree(object).path("id").asText("");
      if (id.isBlank()) {
        throw ApiError.badRequest("video", "video is an object without an id: send {\"id\": \"video_...\"}");
      }
      return id.strip();
    } catch (JsonProcessingException e) {
      throw ApiError.badRequest("video", "video is not valid JSON: " + e.getOriginalMessage());
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
      id = jsonId(id);
    }
    if (!VideoFolders.isValidId(id)) {
      throw ApiError.notFound("No video found with id '" + id + "'.");
    }
    String wanted = id;
    VideoRow row = store.get(id, owner).orElseThrow(() -> ApiError.notFound("No video found with id '" + wanted + "'."));
    requireCompleted(row);
    return new SourceVideo(new JobSpec.Source(row.id()), row.model(), row.seconds(), row.size(), null);
  }

  private SourceVideo uploaded(RequestForm.Upload file, String newId) {
    UploadedVideo upload = UploadedVideo.read(file, options.maxSeconds());
    Video video = upload.video();
    String size;
    try {
      size = size(video.width() + "x" + video.height());
    } catch (ApiError e) {
      upload.discard();
      throw e;
    }
    String seconds = format(Math.max(1, Math.round(video.frameCount() * 1.0 / video.fps() * options.fps())) / options.fps());
    return new SourceVideo(JobSpec.Source.upload(), ModelProfile.DEFAULT, seconds, size,
        () -> upload.moveTo(folders.file(newId, VideoFolders.SOURCE + "." + upload.extension())));
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
