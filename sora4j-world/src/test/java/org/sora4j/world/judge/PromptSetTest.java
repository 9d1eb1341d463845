package org.sora4j.world.judge;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sora4j.world.parse.ParsedPrompt;
import org.sora4j.world.parse.PromptParser;
import org.sora4j.world.scene.CameraMove;
import org.sora4j.world.scene.Environment;
import org.sora4j.world.scene.Lighting;
import org.sora4j.world.scene.Motion;
import org.sora4j.world.scene.ObjectColor;
import org.sora4j.world.scene.ObjectSpec;
import org.sora4j.world.scene.SceneSpec;
import org.sora4j.world.scene.Shape;
import org.sora4j.world.scene.Size;
import org.sora4j.world.scene.Speed;
import org.sora4j.world.scene.TimeOfDay;

class PromptSetTest {
  @Test
  void thePublicSetParsesCleanlyAndCoversTheWholeVocabulary() {
    List<String> prompts = PromptSet.publicSet();
    assertThat(prompts).hasSizeGreaterThanOrEqualTo(60).doesNotHaveDuplicates();
    Set<Object> seen = new HashSet<>();
    for (String prompt : prompts) {
      ParsedPrompt p = PromptParser.parse(prompt);
      assertThat(p.unknownWords()).as(prompt).isEmpty();
      SceneSpec s = p.spec();
      assertThat(s.count()).as("every public prompt says how many objects: " + prompt).isNotNull();
      seen.add("count " + s.count());
      for (ObjectSpec o : s.objects()) {
        seen.add(o.color());
        seen.add(o.shape());
        seen.add(o.size());
      }
      List<Object> attributes = new ArrayList<>();
      attributes.add(s.motion());
      attributes.add(s.environment());
      attributes.add(s.time());
      attributes.add(s.lighting());
      attributes.add(s.camera());
      attributes.add(s.speed());
      seen.addAll(attributes);
      // resolving must keep the count: e.g. an open motion must not become a two-object collision
      for (long seed = 0; seed < 30; seed++) {
        assertThat(s.resolve(seed).objects()).as(prompt).hasSize(s.count());
      }
    }
    List<Object> vocabulary = new ArrayList<>(List.of("count 1", "count 2", "count 3"));
    vocabulary.addAll(List.of(ObjectColor.values()));
    vocabulary.addAll(List.of(Shape.values()));
    vocabulary.addAll(List.of(Size.values()));
    vocabulary.addAll(List.of(Motion.values()));
    vocabulary.addAll(List.of(Environment.values()));
    vocabulary.addAll(List.of(TimeOfDay.values()));
    vocabulary.addAll(List.of(Lighting.values()));
    vocabulary.addAll(List.of(CameraMove.values()));
    vocabulary.addAll(List.of(Speed.values()));
    assertThat(seen).containsAll(vocabulary);
  }

  @Test
  void readsAFileSkippingCommentsAndBlankLines(@TempDir Path dir) throws IOException {
    Path file = dir.resolve("p.txt");
    Files.writeString(file, "# header\n\n a red ball \n#x\na box\n");
    assertThat(PromptSet.read(file)).containsExactly("a red ball", "a box");
  }

  @Test
  void namesAMissingOrEmptyFile(@TempDir Path dir) throws IOException {
    Path missing = dir.resolve("nope.txt");
    assertThatThrownBy(() -> PromptSet.read(missing))
        .isInstanceOf(IOException.class).hasMessageContaining("nope.txt");
    Path empty = dir.resolve("empty.txt");
    Files.writeString(empty, "# only a comment\n");
    assertThatThrownBy(() -> PromptSet.read(empty))
        .isInstanceOf(IOException.class).hasMessageContaining("empty.txt").hasMessageContaining("no prompt");
  }
}
