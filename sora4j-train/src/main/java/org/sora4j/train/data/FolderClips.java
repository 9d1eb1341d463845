package org.sora4j.train.data;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import org.sora4j.core.video.Video;
import org.sora4j.media.VideoFiles;

/**
 * Clips from a folder: the files listed in its {@code captions.jsonl} (as {@code world dataset}
 * writes it, with their detailed captions), or else every video and image file under it, uncaptioned.
 *
 * @param root the folder
 * @param entries the files and their captions, in a fixed order
 */
public record FolderClips(Path root, List<Entry> entries) implements ClipSource {
  private static final Set<String> EXTENSIONS = Set.of("mp4", "webm", "mov", "mkv", "gif", "png", "jpg", "jpeg");

  /** One file and its caption. */
  public record Entry(Path file, String caption) {}

  public FolderClips {
    entries = List.copyOf(entries);
  }

  /**
   * Lists the clips of a folder.
   *
   * @throws IOException if the folder is missing, unreadable, its captions.jsonl is malformed or
   *     names a missing file, or it holds no video
   */
  public static FolderClips open(Path root) throws IOException {
    if (!Files.isDirectory(root)) {
      throw new IOException("--data " + root + " is not a folder");
    }
    Path captions = root.resolve("captions.jsonl");
    List<Entry> entries = Files.exists(captions) ? fromCaptions(root, captions) : fromFiles(root);
    if (entries.isEmpty()) {
      throw new IOException("--data " + root + " holds no video or image files (" + String.join(", ", EXTENSIONS) + ")");
    }
    return new FolderClips(root, entries);
  }

  private static List<Entry> fromCaptions(Path root, Path captions) throws IOException {
    ObjectMapper json = new ObjectMapper();
    List<Entry> entries = new ArrayList<>();
    List<String> lines = Files.readAllLines(captions);
    for (int i = 0; i < lines.size(); i++) {
      if (lines.get(i).isBlank()) {
        continue;
      }
      JsonNode node;
      try {
        node = json.readTree(lines.get(i));
      } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
        throw new IOException(captions + " line " + (i + 1) + " is not JSON: " + e.getOriginalMessage(), e);
      }
      if (!node.hasNonNull("path")) {
        throw new IOException(captions + " line " + (i + 1) + " has no \"path\"");
      }
      Path file = root.resolve(node.get("path").asText());
      if (!Files.isRegularFile(file)) {
        throw new IOException(captions + " line " + (i + 1) + " names " + file + ", which does not exist");
      }
      String caption = node.hasNonNull("detailed_caption") ? node.get("detailed_caption").asText()
          : node.path("short_caption").asText("");
      entries.add(new Entry(file, caption));
    }
    return entries;
  }

  private static List<Entry> fromFiles(Path root) throws IOException {
    try (Stream<Path> files = Files.walk(root)) {
      return files.filter(Files::isRegularFile).filter(FolderClips::isMedia).sorted()
          .map(f -> new Entry(f, "")).toList();
    }
  }

  private static boolean isMedia(Path file) {
    String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
    int dot = name.lastIndexOf('.');
    return dot > 0 && EXTENSIONS.contains(name.substring(dot + 1));
  }

  @Override
  public CaptionedClip draw(SplittableRandom rng, int minFrames) throws IOException {
    // clips shorter than asked are skipped a few times, then the longest seen is used
    CaptionedClip best = null;
    for (int attempt = 0; attempt < 8; attempt++) {
      Entry entry = entries.get(rng.nextInt(entries.size()));
      Video video = VideoFiles.read(entry.file());
      CaptionedClip clip = new CaptionedClip(video, entry.caption());
      if (video.frameCount() >= minFrames) {
        return clip;
      }
      if (best == null || video.frameCount() > best.video().frameCount()) {
        best = clip;
      }
    }
    return best;
  }

  @Override
  public String describe() {
    return entries.size() + " files in " + root;
  }
}
