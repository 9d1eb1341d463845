package org.sora4j.cli;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import org.sora4j.core.video.FrameSize;
import org.sora4j.media.VideoFiles;
import org.sora4j.media.WriteReport;
import org.sora4j.world.caption.Captions;
import org.sora4j.world.dataset.DatasetOptions;
import org.sora4j.world.dataset.DatasetSummary;
import org.sora4j.world.dataset.DatasetWriter;
import org.sora4j.world.parse.ParsedPrompt;
import org.sora4j.world.parse.PromptParser;
import org.sora4j.world.scene.Scene;
import org.sora4j.world.sim.Clip;
import org.sora4j.world.sim.RenderOptions;
import org.sora4j.world.sim.WorldRenderer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code sora4j world ...}: the procedural physics world. Add tools to {@code subcommands}. */
@Command(
    name = "world",
    mixinStandardHelpOptions = true,
    description = "The procedural physics world: render prompts, write captioned datasets.",
    subcommands = {WorldCommand.Render.class, WorldCommand.Dataset.class, WorldBenchCommand.class})
final class WorldCommand implements Runnable {
  @Spec CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(System.out);
  }

  /** Renders what a prompt describes. */
  @Command(
      name = "render",
      mixinStandardHelpOptions = true,
      description = "Render a prompt with the world simulator; prints the detailed caption of what was rendered.")
  static final class Render implements Callable<Integer> {
    @Parameters(arity = "1..*", paramLabel = "PROMPT", description = "What to show, e.g. \"two red balls fall and bounce on the grass at night\".")
    List<String> prompt;

    @Option(names = {"-o", "--output"}, required = true, paramLabel = "FILE", description = "Where to write: .mp4, .gif, .png (one frame) or a folder of frames.")
    Path out;

    @Option(names = "--seconds", description = "Duration; 0 renders an image (default: 2, or 0 when writing a .png).")
    Double seconds;

    @Option(names = "--fps", defaultValue = "8", description = "Frames per second (default: ${DEFAULT-VALUE}).")
    double fps;

    @Option(names = "--size", defaultValue = "64x64", paramLabel = "WxH", description = "Frame size (default: ${DEFAULT-VALUE}).")
    String size;

    @Option(names = "--seed", defaultValue = "0", description = "Fills what the prompt leaves open and places the objects (default: ${DEFAULT-VALUE}).")
    long seed;

    @Override
    public Integer call() throws Exception {
      FrameSize frame = FrameSize.parse(size);
      boolean png = out.getFileName() != null && out.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".png");
      double duration = seconds != null ? seconds : png ? 0 : 2;
      RenderOptions options = new RenderOptions(frame.width(), frame.height(), fps, duration);
      ParsedPrompt parsed = PromptParser.parse(String.join(" ", prompt));
      Scene scene = parsed.spec().resolve(seed);
      Clip clip = WorldRenderer.render(scene, options, seed);
      WriteReport report = VideoFiles.write(clip.video(), out);
      System.out.println(Captions.detailedCaption(scene));
      if (!parsed.unknownWords().isEmpty()) {
        System.out.println("warning: ignored words: " + String.join(", ", parsed.unknownWords()));
      }
      if (report.adjustment() != null) {
        System.out.println("note: " + report.adjustment());
      }
      int frames = clip.video().frameCount();
      System.out.printf("wrote %s (%dx%d, %d %s at %s fps)%n", report.path(), frame.width(), frame.height(),
          frames, frames == 1 ? "frame" : "frames", fps == Math.rint(fps) ? Long.toString((long) fps) : Double.toString(fps));
      return 0;
    }
  }

  /** Writes a captioned dataset of random world clips. */
  @Command(
      name = "dataset",
      mixinStandardHelpOptions = true,
      description = "Write N captioned clips with ground truth: clips/, captions.jsonl and an Open-Sora dataset.csv.")
  static final class Dataset implements Callable<Integer> {
    @Option(names = "--count", required = true, description = "Number of clips.")
    int count;

    @Option(names = "--out", required = true, paramLabel = "DIR", description = "Output folder; must be missing or empty.")
    Path out;

    @Option(names = "--sizes", defaultValue = "64x64", paramLabel = "WxH,...", description = "Frame sizes to mix (default: ${DEFAULT-VALUE}).")
    String sizes;

    @Option(names = "--seconds", defaultValue = "2", split = ",", paramLabel = "S", description = "Durations to mix; 0 makes an image (default: ${DEFAULT-VALUE}).")
    List<Double> seconds;

    @Option(names = "--fps", defaultValue = "8", description = "Frames per second (default: ${DEFAULT-VALUE}).")
    double fps;

    @Option(names = "--seed", defaultValue = "0", description = "Dataset seed (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--images", defaultValue = "0", paramLabel = "FRACTION", description = "Share of entries written as single PNG images, 0 to 1 (default: ${DEFAULT-VALUE}).")
    double images;

    @Option(names = "--overwrite", description = "Write into a non-empty folder, replacing an earlier dataset there.")
    boolean overwrite;

    @Override
    public Integer call() throws Exception {
      DatasetOptions options = new DatasetOptions(count, out, FrameSize.parseList(sizes), seconds, fps, seed,
          images, overwrite);
      DatasetWriter.checkOutput(options);
      DatasetSummary summary;
      try (ProgressBar bar = new ProgressBarBuilder().setTaskName("clips").setInitialMax(count).build()) {
        summary = DatasetWriter.write(options, bar::stepTo);
      }
      System.out.printf("wrote %d clips (%d images, %d frames) to %s%n", summary.clips(), summary.images(),
          summary.frames(), out);
      System.out.println("captions: " + summary.captions());
      System.out.println("csv: " + summary.csv());
      return 0;
    }
  }
}
