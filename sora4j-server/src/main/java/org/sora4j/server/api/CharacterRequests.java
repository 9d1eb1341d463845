package org.sora4j.server.api;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.sora4j.core.video.FrameSize;
import org.sora4j.core.video.Video;
import org.sora4j.server.ServerOptions;
import org.sora4j.server.media.FrameScaler;
import org.sora4j.server.store.CharacterFiles;
import org.sora4j.server.store.CharacterRow;
import org.sora4j.server.store.VideoStore;
import org.sora4j.world.judge.Judge;
import org.sora4j.world.scene.ObjectColor;
import org.sora4j.world.scene.ObjectSpec;
import org.sora4j.world.scene.Shape;
import org.sora4j.world.scene.Size;
import org.sora4j.world.scene.Word;

/**
 * Makes characters from uploaded clips. The local model learns no new subject from an upload, but
 * it knows the world's objects: the world's judge watches the clip, and the character is its main
 * subject in the world's words ("a small red ball"), which the owner's prompts then use by name.
 */
final class CharacterRequests {
  static final int MAX_NAME = 80;
  /** Clips are judged at the scale the world renders: frames this high (aspect kept) ... */
  private static final int JUDGE_HEIGHT = 64;
  /** ... and at most this many a second. */
  private static final double JUDGE_FPS = 8;

  private final VideoStore store;
  private final CharacterFiles files;
  private final ServerOptions options;
  private final Judge judge = new Judge();

  CharacterRequests(VideoStore store, CharacterFiles files, ServerOptions options) {
    this.store = store;
    this.files = files;
    this.options = options;
  }

  /**
   * Stores a character named {@code name} from the clip uploaded as {@code video}.
   *
   * @throws ApiError 400 if the name is missing or not allowed, the video is missing or unreadable,
   *     or the judge sees no object in it
   */
  CharacterRow create(RequestForm form, String owner) throws SQLException, IOException {
    String name = name(form.field("name"));
    RequestForm.Upload file = form.file("video");
    if (file == null) {
      throw ApiError.badRequest("video", "video is required: upload the clip that shows the character");
    }
    UploadedVideo upload = UploadedVideo.read(file, options.maxSeconds());
    try {
      List<ObjectSpec> subjects;
      try {
        subjects = judge.subjects(forJudge(upload.video()));
      } catch (IllegalArgumentException e) {
        throw ApiError.badRequest("video", "the uploaded video cannot be judged: " + e.getMessage());
      }
      if (subjects.isEmpty()) {
        throw ApiError.badRequest("video", "the world's judge found no subject in the video: it sees a "
            + words(Shape.values()) + " (" + words(Size.values()) + "; " + words(ObjectColor.values())
            + ") that shows for much of the clip");
      }
      CharacterRow row = new CharacterRow(CharacterFiles.newId(), owner, name, describe(subjects.get(0)),
          Instant.now().getEpochSecond());
      Path kept = files.video(row.id(), upload.extension());
      upload.moveTo(kept);
      try {
        store.insertCharacter(row);
      } catch (SQLException e) {
        Files.deleteIfExists(kept);
        throw e;
      }
      return row;
    } finally {
      upload.discard();
    }
  }

  private static String name(String text) {
    if (text == null || text.isBlank()) {
      throw ApiError.badRequest("name", "name is required and must not be empty");
    }
    String name = text.strip();
    if (name.length() > MAX_NAME) {
      throw ApiError.badRequest("name", "name is longer than " + MAX_NAME + " characters");
    }
    // a name is matched in prompts as whole words: nothing in it may be read as pattern or punctuation
    boolean allowed = name.codePoints().allMatch(c -> Character.isLetterOrDigit(c) || c == ' ' || c == '_' || c == '-');
    if (!allowed || name.codePoints().noneMatch(Character::isLetterOrDigit)) {
      throw ApiError.badRequest("name", "name may hold only letters, digits, spaces, '_' and '-', and at least one"
          + " letter or digit; got '" + name + "'");
    }
    return name;
  }

  /** The clip at the world's scale: full-size frames would cost much to judge and show it nothing more. */
  private static Video forJudge(Video video) {
    int step = Math.max(1, (int) Math.round(video.fps() / JUDGE_FPS));
    if (step == 1 && video.height() <= JUDGE_HEIGHT) {
      return video;
    }
    List<byte[]> frames = new ArrayList<>();
    for (int i = 0; i < video.frameCount(); i += step) {
      frames.add(video.frame(i));
    }
    Video sampled = Video.of(video.width(), video.height(), video.fps() / step, frames);
    if (video.height() <= JUDGE_HEIGHT) {
      return sampled;
    }
    int width = Math.max(1, (int) Math.round((double) JUDGE_HEIGHT * video.width() / video.height()));
    return FrameScaler.cover(sampled, new FrameSize(width, JUDGE_HEIGHT));
  }

  /** An object as a prompt names it: "a small red ball". */
  static String describe(ObjectSpec object) {
    String words = object.size().word() + " " + object.color().word() + " " + object.shape().word();
    return ("aeiou".indexOf(words.charAt(0)) >= 0 ? "an " : "a ") + words;
  }

  /** "ball, box or triangle". */
  private static String words(Word[] items) {
    List<String> words = new ArrayList<>();
    for (Word w : items) {
      words.add(w.word());
    }
    String last = words.remove(words.size() - 1);
    return words.isEmpty() ? last : String.join(", ", words) + " or " + last;
  }
}
