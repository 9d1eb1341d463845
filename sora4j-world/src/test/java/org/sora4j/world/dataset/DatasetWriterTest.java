package org.sora4j.world.dataset;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sora4j.core.video.FrameSize;
import org.sora4j.core.video.Video;
import org.sora4j.media.VideoFiles;
import org.sora4j.world.caption.Captions;
import org.sora4j.world.scene.Scene;
import org.sora4j.world.scene.SceneSpec;

class DatasetWriterTest {
  @TempDir Path tmp;

  private DatasetOptions options(Path out, int count, boolean overwrite) {
    return new DatasetOptions(count, out, FrameSize.parseList("32x32,48x32"), List.of(0.5, 1.0), 4, 7, 0.4, overwrite);
  }

  @Test
  void writesClipsCaptionsAndCsvWithMatchingRows() throws IOException {
    Path out = tmp.resolve("data");
    List<Integer> progress = new ArrayList<>();
    DatasetSummary summary = DatasetWriter.write(options(out, 6, false), progress::add);
    assertThat(progress).containsExactly(1, 2, 3, 4, 5, 6);
    assertThat(summary.clips()).isEqualTo(6);
    try (var files = Files.list(out.resolve("clips"))) {
      assertThat(files.count()).isEqualTo(6);
    }
    List<String> lines = Files.readAllLines(out.resolve("captions.jsonl"));
    List<String> csv = Files.readAllLines(out.resolve("dataset.csv"));
    assertThat(lines).hasSize(6);
    assertThat(csv).hasSize(7);
    assertThat(csv.get(0)).isEqualTo("path,text,num_frames,height,width,fps");
    ObjectMapper json = new ObjectMapper();
    int images = 0;
    for (int i = 0; i < lines.size(); i++) {
      JsonNode e = json.readTree(lines.get(i));
      Path file = out.resolve(e.get("path").asText());
      assertThat(file).exists();
      int frames = e.get("num_frames").asInt();
      assertThat(e.get("ground_truth")).hasSize(frames);
      assertThat(e.get("ground_truth").get(0).get("objects").get(0).has("visibility")).isTrue();
      boolean image = file.toString().endsWith(".png");
      images += image ? 1 : 0;
      // 0.5 s or 1 s at 4 fps
      if (image) {
        assertThat(frames).isEqualTo(1);
      } else {
        assertThat(frames).isIn(2, 4);
      }
      // the scene fields and seed reproduce the captions
      Scene scene = SceneSpec.open().resolve(e.get("seed").asLong());
      assertThat(e.get("motion").asText()).isEqualTo(scene.motion().name());
      assertThat(e.get("objects")).hasSize(scene.objects().size());
      assertThat(e.get("detailed_caption").asText()).isEqualTo(Captions.detailedCaption(scene));
      assertThat(e.get("short_caption").asText()).isEqualTo(Captions.shortCaption(scene));
      String expectedRow = "\"" + file.toAbsolutePath().normalize() + "\"";
      String row = csv.get(i + 1);
      String text = "\"" + e.get("detailed_caption").asText().replace("\"", "\"\"") + "\"";
      String tail = "," + frames + "," + e.get("height").asInt() + "," + e.get("width").asInt() + ",4";
      assertThat(row).isIn(file.toAbsolutePath().normalize() + "," + text + tail, expectedRow + "," + text + tail);
      Video v = VideoFiles.read(file);
      assertThat(v.frameCount()).isEqualTo(frames);
      assertThat(v.width()).isEqualTo(e.get("width").asInt());
    }
    assertThat(summary.images()).isEqualTo(images);
  }

  @Test
  void theSameOptionsWriteTheSameDataset() throws IOException {
    DatasetWriter.write(options(tmp.resolve("a"), 3, false), n -> { });
    DatasetWriter.write(options(tmp.resolve("b"), 3, false), n -> { });
    assertThat(Files.readString(tmp.resolve("a/captions.jsonl")))
        .isEqualTo(Files.readString(tmp.resolve("b/captions.jsonl")));
  }

  @Test
  void refusesANonEmptyFolderUnlessOverwriting() throws IOException {
    Path out = tmp.resolve("full");
    DatasetWriter.write(options(out, 3, false), n -> { });
    assertThatThrownBy(() -> DatasetWriter.write(options(out, 2, false), n -> { }))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("not empty").hasMessageContaining("--overwrite");
    DatasetWriter.write(options(out, 2, true), n -> { });
    try (var files = Files.list(out.resolve("clips"))) {
      assertThat(files.count()).as("old clips removed").isEqualTo(2);
    }
    assertThat(Files.readAllLines(out.resolve("captions.jsonl"))).hasSize(2);
    Path file = tmp.resolve("plain.txt");
    Files.writeString(file, "x");
    assertThatThrownBy(() -> DatasetWriter.write(options(file, 1, true), n -> { }))
        .hasMessageContaining("not a folder");
  }

  @Test
  void badOptionsGetClearMessages() {
    Path out = tmp.resolve("x");
    List<FrameSize> sizes = List.of(new FrameSize(64, 64));
    assertThatThrownBy(() -> new DatasetOptions(0, out, sizes, List.of(1.0), 8, 0, 0, false)).hasMessageContaining("count");
    assertThatThrownBy(() -> new DatasetOptions(1, out, List.of(), List.of(1.0), 8, 0, 0, false)).hasMessageContaining("frame size");
    assertThatThrownBy(() -> new DatasetOptions(1, out, sizes, List.of(-1.0), 8, 0, 0, false)).hasMessageContaining("seconds");
    assertThatThrownBy(() -> new DatasetOptions(1, out, sizes, List.of(1.0), 0, 0, 0, false)).hasMessageContaining("fps");
    assertThatThrownBy(() -> new DatasetOptions(1, out, sizes, List.of(1.0), 8, 0, 1.5, false)).hasMessageContaining("image fraction");
    assertThatThrownBy(() -> FrameSize.parseList("64by64")).hasMessageContaining("WIDTHxHEIGHT");
    assertThatThrownBy(() -> FrameSize.parseList("0x64")).hasMessageContaining("positive");
  }

  @Test
  void csvQuotesCommasAndQuotes() {
    assertThat(CsvRow.of(List.of("a", "b,c", "say \"hi\""))).isEqualTo("a,\"b,c\",\"say \"\"hi\"\"\"");
    assertThat(CsvRow.of(List.of("line\nbreak"))).isEqualTo("\"line\nbreak\"");
  }
}
