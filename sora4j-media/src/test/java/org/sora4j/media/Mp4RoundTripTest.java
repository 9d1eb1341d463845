package org.sora4j.media;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sora4j.core.video.Video;

class Mp4RoundTripTest {
  @TempDir Path dir;

  @Test
  void smoke() throws Exception {
    Video clip = SyntheticClips.movingGradient(64, 64, 24, 24);
    Path file = dir.resolve("clip.mp4");
    WriteReport report = VideoFiles.write(clip, file);
    Video back = VideoFiles.read(file);
    System.out.println(report + " -> " + back + " mae=" + SyntheticClips.meanAbsError(clip, back));
  }
}
