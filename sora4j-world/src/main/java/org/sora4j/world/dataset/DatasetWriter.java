package org.sora4j.world.dataset;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.function.IntConsumer;
import java.util.stream.Stream;
import org.sora4j.core.video.FrameSize;
import org.sora4j.media.VideoFiles;
import org.sora4j.media.WriteReport;
import org.sora4j.world.caption.Captions;
import org.sora4j.world.scene.Scene;
import org.sora4j.world.scene.SceneSpec;
import org.sora4j.world.sim.Clip;
import org.sora4j.world.sim.RenderOptions;
import org.sora4j.world.sim.WorldRenderer;

/**
 * Writes a captioned dataset of world clips: {@code clips/clip_NNNNNN.mp4} (or {@code .png} for
 * images), {@code captions.jsonl} with captions, scene and ground truth per clip, and {@code
 * dataset.csv} in Open-Sora's layout {@code path,text,num_frames,height,width,fps} (text = the
 * detailed caption, path absolute).
 */
public final class DatasetWriter {
  /** The sub-folder holding the clip files. */
  public static final String CLIPS = "clips";
  /** One JSON object per clip: captions, format, seed, scene and ground truth. */
  public static final String CAPTIONS = "captions.jsonl";
  /** Open-Sora's index: {@code path,text,num_frames,height,width,fps}. */
  public static final String CSV = "dataset.csv";

  private DatasetWriter() {}

  /**
   * Writes the dataset. The same options write the same scenes, captions and pixels.
   *
   * @param progress told the number of entries written so far after each one
   * @throws IllegalArgumentException if the folder is not empty and overwriting was not asked for
   * @throws IOException naming the file that could not be written
   */
  public static DatasetSummary write(DatasetOptions options, IntConsumer progress) throws IOException {
    Path out = options.out();
    prepare(options);
    Path clips = out.resolve(CLIPS);
    Files.createDirectories(clips);
    ObjectMapper json = new ObjectMapper().setPropertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE);
    Path captionsFile = out.resolve(CAPTIONS);
    Path csvFile = out.resolve(CSV);
    SplittableRandom rng = new SplittableRandom(options.seed());
    int images = 0;
    long frames = 0;
    try (BufferedWriter captions = Files.newBufferedWriter(captionsFile, StandardCharsets.UTF_8);
        BufferedWriter csv = Files.newBufferedWriter(csvFile, StandardCharsets.UTF_8)) {
      csv.write(CsvRow.of(List.of("path", "text", "num_frames", "height", "width", "fps")));
      csv.write('\n');
      for (int i = 0; i < options.count(); i++) {
        long clipSeed = rng.nextLong();
        FrameSize size = options.sizes().get(rng.nextInt(options.sizes().size()));
        double seconds = options.seconds().get(rng.nextInt(options.seconds().size()));
        boolean image = rng.nextDouble() < options.imageFraction() || seconds == 0;
        Scene scene = SceneSpec.open().resolve(clipSeed);
        RenderOptions render = new RenderOptions(size.width(), size.height(), options.fps(), image ? 0 : seconds);
        Clip clip = WorldRenderer.render(scene, render, clipSeed);
        String name = String.format(Locale.ROOT, "clip_%06d.%s", i, image ? "png" : "mp4");
        Path file = clips.resolve(name);
        WriteReport report = VideoFiles.write(clip.video(), file);
        DatasetEntry entry = new DatasetEntry(CLIPS + "/" + name, Captions.shortCaption(scene),
            Captions.detailedCaption(scene), size.width(), size.height(), options.fps(),
            clip.video().frameCount(), clipSeed, scene.objects(), scene.motion(), scene.environment(),
            scene.time(), scene.lighting(), scene.camera(), scene.speed(), clip.truth().frames());
        captions.write(json.writeValueAsString(entry));
        captions.write('\n');
        // the file's own size: H.264 pads odd sizes to even ones
        csv.write(CsvRow.of(List.of(file.toAbsolutePath().normalize().toString(), entry.detailedCaption(),
            Integer.toString(entry.numFrames()), Integer.toString(report.height()),
            Integer.toString(report.width()), format(options.fps()))));
        csv.write('\n');
        images += image ? 1 : 0;
        frames += entry.numFrames();
        progress.accept(i + 1);
      }
    }
    return new DatasetSummary(options.count(), images, frames, captionsFile, csvFile);
  }

  /**
   * Checks that the output folder may be written, before any work starts.
   *
   * @throws IllegalArgumentException if it is a file, or a non-empty folder without overwrite
   */
  public static void checkOutput(DatasetOptions options) throws IOException {
    Path out = options.out();
    if (Files.exists(out) && !Files.isDirectory(out)) {
      throw new IllegalArgumentException(out + " exists and is not a folder");
    }
    if (!options.overwrite() && Files.isDirectory(out) && !isEmpty(out)) {
      throw new IllegalArgumentException(out + " is not empty; choose another folder or pass --overwrite");
    }
  }

  private static boolean isEmpty(Path dir) throws IOException {
    try (Stream<Path> entries = Files.list(dir)) {
      return entries.findAny().isEmpty();
    }
  }

  /** Makes the folder, or clears an earlier dataset from it: only files this writer makes. */
  private static void prepare(DatasetOptions options) throws IOException {
    checkOutput(options);
    Path out = options.out();
    Files.createDirectories(out);
    Files.deleteIfExists(out.resolve(CAPTIONS));
    Files.deleteIfExists(out.resolve(CSV));
    Path clips = out.resolve(CLIPS);
    if (Files.isDirectory(clips)) {
      try (DirectoryStream<Path> old = Files.newDirectoryStream(clips, "clip_*.{mp4,png}")) {
        for (Path p : old) {
          Files.delete(p);
        }
      }
    }
  }

  private static String format(double fps) {
    return fps == Math.rint(fps) ? Long.toString((long) fps) : Double.toString(fps);
  }
}
