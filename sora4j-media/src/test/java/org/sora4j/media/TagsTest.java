package org.sora4j.media;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sora4j.core.video.Video;

/** Container metadata: what a file says about how it was made travels with it. */
class TagsTest {
  @TempDir Path dir;

  @Test
  void mp4KeepsItsCommentAndTitle() throws Exception {
    Video clip = SyntheticClips.movingGradient(32, 32, 4, 8);
    Path file = dir.resolve("tagged.mp4");
    String comment = "generated at 48x80 and upscaled to 720x1280 — ünïcode kept";
    VideoFiles.write(clip, file, Map.of("comment", comment, "title", "a red ball"));

    Map<String, String> tags = VideoFiles.readTags(file);
    assertThat(tags).containsEntry("comment", comment).containsEntry("title", "a red ball");
    assertThat(VideoFiles.read(file).frameCount()).isEqualTo(4);
  }

  @Test
  void untaggedFilesHaveNoComment() throws Exception {
    Path file = dir.resolve("plain.mp4");
    VideoFiles.write(SyntheticClips.movingGradient(32, 32, 2, 8), file);
    assertThat(VideoFiles.readTags(file)).doesNotContainKey("comment");
  }

  @Test
  void webmKeepsItsTagsAndStillFormatsIgnoreThem() throws Exception {
    Path webm = dir.resolve("tagged.webm");
    VideoFiles.write(SyntheticClips.movingGradient(32, 32, 3, 8), webm, Map.of("comment", "made by sora4j"));
    assertThat(VideoFiles.readTags(webm)).containsEntry("comment", "made by sora4j");
    Path png = dir.resolve("still.png");
    VideoFiles.write(SyntheticClips.movingGradient(32, 32, 1, 8), png, Map.of("comment", "dropped"));
    assertThat(png).isNotEmptyFile();
  }

  @Test
  void tagsOfAMissingOrBrokenFileNameTheFile() throws IOException {
    assertThatThrownBy(() -> VideoFiles.readTags(dir.resolve("missing.mp4")))
        .isInstanceOf(IOException.class).hasMessageContaining("missing.mp4");
    Path junk = Files.writeString(dir.resolve("junk.mp4"), "not a video");
    assertThatThrownBy(() -> VideoFiles.readTags(junk))
        .isInstanceOf(IOException.class).hasMessageContaining("junk.mp4");
  }
}
