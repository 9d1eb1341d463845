package org.sora4j.media;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.bytedeco.ffmpeg.avcodec.AVCodec;
import org.bytedeco.ffmpeg.global.avcodec;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.Timeout.ThreadMode;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.sora4j.core.video.Video;

/**
 * Files that are not what they claim: each read fails fast with an IOException that starts with
 * the file's path, and bad writes name the path too. The timeout catches a reader that hangs.
 */
@Timeout(value = 20, unit = TimeUnit.SECONDS, threadMode = ThreadMode.SEPARATE_THREAD)
class BadInputTest {
  @TempDir Path dir;

  @ParameterizedTest
  @ValueSource(strings = {"gone.mp4", "gone.gif", "gone.png", "gone.jpg", "gone"})
  void missingFile(String name) {
    Path file = dir.resolve(name);

    assertReadFails(file, "no such");
  }

  @ParameterizedTest
  @ValueSource(strings = {"empty.mp4", "empty.webm", "empty.gif", "empty.png"})
  void emptyFile(String name) throws Exception {
    Path file = Files.createFile(dir.resolve(name));

    assertReadFails(file, "empty");
  }

  @ParameterizedTest
  @ValueSource(doubles = {0.02, 0.1, 0.3, 0.6, 0.9, 0.99})
  void truncatedMp4(double kept) throws Exception {
    Path whole = dir.resolve("whole.mp4");
    VideoFiles.write(SyntheticClips.movingGradient(64, 64, 12, 24), whole);
    Path file = cut(whole, kept, "cut.mp4");

    assertReadFails(file, "");
  }

  @ParameterizedTest
  @ValueSource(doubles = {0.05, 0.5, 0.9})
  void truncatedWebm(double kept) throws Exception {
    AVCodec vpx = avcodec.avcodec_find_encoder_by_name("libvpx");
    Assumptions.assumeTrue(vpx != null && !vpx.isNull(), "no libvpx encoder in this FFmpeg build");
    Path whole = dir.resolve("whole.webm");
    VideoFiles.write(SyntheticClips.movingGradient(64, 64, 12, 24), whole);
    Path file = cut(whole, kept, "cut.webm");

    // WebM has no frame index; the duration its header states gives the cut away
    assertReadFails(file, "truncated");
  }

  @Test
  void truncatedMp4MessageSuggestsTruncation() throws Exception {
    Path whole = dir.resolve("whole.mp4");
    VideoFiles.write(SyntheticClips.movingGradient(64, 64, 12, 24), whole);
    Path file = cut(whole, 0.9, "cut.mp4");

    assertReadFails(file, "truncated");
  }

  @ParameterizedTest
  @ValueSource(ints = {1, 2, 3, 4, 5, 6, 7, 8})
  void randomBytes(int seed) throws Exception {
    Random random = new Random(seed);
    byte[] noise = new byte[200 + random.nextInt(20_000)];
    random.nextBytes(noise);
    for (String name : new String[] {"noise.mp4", "noise.bin", "noise.gif", "noise.png"}) {
      Path file = Files.write(dir.resolve(name), noise);

      assertReadFails(file, "");
    }
  }

  @Test
  void textRenamedMp4() throws Exception {
    Path file = dir.resolve("notes.mp4");
    Files.writeString(file, "These are meeting notes, not a video.\nSecond line.\n");

    assertReadFails(file, "");
  }

  @Test
  void subtitlesRenamedMp4HaveNoVideoStream() throws Exception {
    Path file = dir.resolve("captions.mp4");
    Files.writeString(file, "1\n00:00:01,000 --> 00:00:02,000\nA red ball bounces.\n");

    assertReadFails(file, "no video stream");
  }

  @Test
  void audioOnlyFileHasNoVideoStream() throws Exception {
    Path file = Files.write(dir.resolve("tone.wav"), wave(8000, 4000));

    assertReadFails(file, "no video stream");
    assertThatThrownBy(() -> VideoFiles.read(file)).hasMessageContaining("audio");
  }

  @Test
  void truncatedPng() throws Exception {
    Path whole = dir.resolve("whole.png");
    VideoFiles.write(SyntheticClips.movingGradient(32, 32, 1, 24), whole);
    Path file = cut(whole, 0.5, "cut.png");

    assertReadFails(file, "");
  }

  @Test
  void unknownExtensionIsRefusedListingTheSupportedOnes() {
    Path file = dir.resolve("clip.avi");

    assertThatThrownBy(() -> VideoFiles.write(SyntheticClips.movingGradient(8, 8, 2, 24), file))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith(file.toString())
        .hasMessageContaining(".avi")
        .hasMessageContaining(".mp4")
        .hasMessageContaining(".webm")
        .hasMessageContaining(".gif")
        .hasMessageContaining(".png");
    assertThat(file).doesNotExist();
  }

  @ParameterizedTest
  @ValueSource(strings = {"clip.mp4", "clip.gif", "still.png", "frames"})
  void pathUnderARegularFileCannotBeWritten(String name) throws Exception {
    // a file where a folder should be stops even root, unlike permission bits
    Path blocker = Files.writeString(dir.resolve("blocker"), "a file, not a folder");
    Path file = blocker.resolve(name);
    Video video = SyntheticClips.movingGradient(16, 16, name.endsWith(".png") ? 1 : 2, 24);

    assertThatThrownBy(() -> VideoFiles.write(video, file))
        .isInstanceOf(IOException.class)
        .hasMessageStartingWith(file.toString())
        .message().containsIgnoringCase("not a directory")
        .containsOnlyOnce(file.toString());
  }

  @ParameterizedTest
  @ValueSource(strings = {"clip.mp4", "clip.gif", "still.png"})
  void pathInAMissingFolderCannotBeWritten(String name) {
    Path file = dir.resolve("no/such/folder").resolve(name);
    Video video = SyntheticClips.movingGradient(16, 16, name.endsWith(".png") ? 1 : 2, 24);

    assertThatThrownBy(() -> VideoFiles.write(video, file))
        .isInstanceOf(IOException.class)
        .hasMessageStartingWith(file.toString())
        .message().containsIgnoringCase("no such file");
  }

  @Test
  void frameFolderPathTakenByAFileCannotBeWritten() throws Exception {
    Path file = Files.writeString(dir.resolve("frames"), "in the way");

    assertThatThrownBy(() -> VideoFiles.write(SyntheticClips.movingGradient(8, 8, 2, 24), file))
        .isInstanceOf(IOException.class)
        .hasMessageStartingWith(file.toString())
        .hasMessageContaining("in the way");
  }

  @Test
  void rateBeyondWhatContainersStoreIsRefused() {
    Video tooFast = SyntheticClips.movingGradient(16, 16, 2, 5000);

    assertThatThrownBy(() -> VideoFiles.write(tooFast, dir.resolve("fast.mp4")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("fps");
  }

  /** Reading fails with an IOException whose message starts with the file and holds {@code why}. */
  private static void assertReadFails(Path file, String why) {
    assertThatThrownBy(() -> VideoFiles.read(file))
        .isInstanceOf(IOException.class)
        .hasMessageStartingWith(file + ": ")
        .hasMessageContaining(why);
  }

  /** A copy of the first {@code kept} share of {@code whole}. */
  private Path cut(Path whole, double kept, String name) throws IOException {
    byte[] bytes = Files.readAllBytes(whole);
    return Files.write(dir.resolve(name), Arrays.copyOf(bytes, (int) (bytes.length * kept)));
  }

  /** A mono 16-bit PCM WAV file: a sine tone. */
  private static byte[] wave(int sampleRate, int samples) {
    ByteBuffer b = ByteBuffer.allocate(44 + 2 * samples).order(ByteOrder.LITTLE_ENDIAN);
    b.put("RIFF".getBytes(StandardCharsets.US_ASCII)).putInt(36 + 2 * samples)
        .put("WAVEfmt ".getBytes(StandardCharsets.US_ASCII)).putInt(16)
        .putShort((short) 1).putShort((short) 1).putInt(sampleRate).putInt(2 * sampleRate)
        .putShort((short) 2).putShort((short) 16)
        .put("data".getBytes(StandardCharsets.US_ASCII)).putInt(2 * samples);
    for (int i = 0; i < samples; i++) {
      b.putShort((short) (3000 * Math.sin(i * 0.1)));
    }
    return b.array();
  }
}
