package org.sora4j.cli;

import ai.djl.ndarray.NDManager;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.function.IntConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import org.sora4j.core.diffusion.FlowSampler;
import org.sora4j.core.pipeline.GenerateOptions;
import org.sora4j.core.pipeline.VideoPipeline;
import org.sora4j.core.video.FrameSize;
import org.sora4j.core.video.Video;
import org.sora4j.media.VideoFiles;
import org.sora4j.world.caption.PromptUpsampler;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** The options every generating command shares: model, sampler, guidance, seed, upsampling, output. */
final class ModelOptions {
  @Option(names = {"-o", "--output"}, paramLabel = "FILE", description = "Output file: .mp4, .webm, .gif or .png (one frame).")
  Path output;

  @Option(names = "--steps", defaultValue = "24", description = "Sampler steps (default: ${DEFAULT-VALUE}).")
  int steps;

  @Option(names = "--cfg", defaultValue = "4", description = "Classifier-free guidance scale, 1 = none (default: ${DEFAULT-VALUE}).")
  double cfg;

  @Option(names = "--sampler", defaultValue = "euler", description = "euler, heun, or euler-a (Euler that renoises part of each step, seeded)"
      + " (default: ${DEFAULT-VALUE}).")
  String sampler;

  @Option(names = "--seed", defaultValue = "0", description = "Same seed, same video (default: ${DEFAULT-VALUE}).")
  long seed;

  @Option(names = "--fps", defaultValue = "8", description = "Frames per second of new video; new frames around a"
      + " source video take its rate (default: ${DEFAULT-VALUE}).")
  double fps;

  @Spec(Spec.Target.MIXEE) CommandSpec command;

  @Option(names = "--model", paramLabel = "DIR", description = "Denoiser model folder (default: the shipped models/dit).")
  Path model;

  @Option(names = "--vae", paramLabel = "DIR", description = "VAE model folder (default: the shipped models/vae).")
  Path vae;

  @Option(names = "--no-upsample", description = "Pass the prompt to the text encoder as written.")
  boolean noUpsample;

  @Option(names = "--one-pass", description = "Sample a new clip's first frame together with the rest, in one pass,"
      + " instead of first as an image of its own and then the clip animated from it.")
  boolean onePass;

  private final long started = System.nanoTime();

  /** The output path, or {@code fallback}; checked writable for {@code frames} frames before any work. */
  Path output(String fallback, int frames) {
    Path out = output != null ? output : Path.of(fallback);
    VideoFiles.checkWritable(out, frames);
    return out;
  }

  /** The caption the model gets: the prompt expanded (printed), or as written. */
  String caption(String prompt) {
    if (prompt == null || prompt.isBlank()) {
      throw new IllegalArgumentException("the prompt is empty");
    }
    String text = prompt.strip();
    if (noUpsample) {
      return text;
    }
    PromptUpsampler.Upsampled up = PromptUpsampler.upsample(text, seed);
    if (!up.unknownWords().isEmpty()) {
      System.out.println("not understood: " + String.join(", ", up.unknownWords()));
    }
    System.out.println("caption: " + up.caption());
    return up.caption();
  }

  /** Generation options for the caption at a size and duration (0 seconds = an image). */
  GenerateOptions options(String caption, FrameSize size, double seconds) {
    return new GenerateOptions(caption, size, seconds, fps, steps, cfg, FlowSampler.named(sampler), seed,
        onePass ? GenerateOptions.FirstFrame.WITH_CLIP : GenerateOptions.FirstFrame.IMAGE_FIRST);
  }

  /**
   * The frame rate of new frames joined to {@code sources}: the videos' own, which must agree,
   * or --fps where every source is an image (an image has no rate; files read as one get a
   * default that means nothing). Sets --fps to it.
   *
   * @throws IllegalArgumentException if two source videos play at different rates, or --fps was
   *     given and differs from theirs
   */
  double joinRate(List<Path> files, List<Video> sources) {
    Double rate = null;
    Path from = null;
    for (int i = 0; i < sources.size(); i++) {
      Video v = sources.get(i);
      if (v.frameCount() < 2) {
        continue;
      }
      if (rate == null) {
        rate = v.fps();
        from = files.get(i);
      } else if (Math.abs(rate - v.fps()) > 1e-6) {
        throw new IllegalArgumentException(from + " plays at " + BenchTable.trim(rate) + " fps but " + files.get(i)
            + " at " + BenchTable.trim(v.fps()) + "; give two videos of one frame rate");
      }
    }
    if (rate != null && command.commandLine().getParseResult().hasMatchedOption("--fps") && Math.abs(rate - fps) > 1e-6) {
      throw new IllegalArgumentException("--fps " + BenchTable.trim(fps) + " differs from the " + BenchTable.trim(rate)
          + " fps of " + from + "; new frames join a video at its own rate");
    }
    if (rate != null) {
      fps = rate;
    }
    return fps;
  }

  /** Loads the models (checking that both folders exist first). */
  VideoPipeline load(NDManager manager) throws IOException {
    FlowSampler.named(sampler);
    Path denoiserDir = ModelPaths.resolve(model, "dit", "--model");
    Path vaeDir = ModelPaths.resolve(vae, "vae", "--vae");
    VideoPipeline pipeline = VideoPipeline.load(denoiserDir, vaeDir, manager);
    return pipeline;
  }

  /**
   * Loads the models, checks that {@code size} can be generated and warns about unknown words:
   * what every generating command does before it samples.
   */
  VideoPipeline prepare(NDManager manager, FrameSize size, String caption) throws IOException {
    VideoPipeline pipeline = load(manager);
    pipeline.checkSize(size);
    warnUnknown(pipeline, caption);
    return pipeline;
  }

  /** Warns about words of the caption the text encoder never saw. */
  void warnUnknown(VideoPipeline pipeline, String caption) {
    List<String> unknown = pipeline.denoiser().tokenizer().unknownWords(caption);
    if (!unknown.isEmpty()) {
      System.out.println("words the text encoder never saw (ignored): " + String.join(", ", unknown));
    }
  }

  /** Runs {@code work} under a progress bar of sampler steps. */
  Video withProgress(String task, java.util.function.Function<IntConsumer, Video> work) {
    try (ProgressBar bar = new ProgressBarBuilder().setTaskName(task).setUnit(" steps", 1).setInitialMax(steps).build()) {
      long[] done = {0};
      return work.apply(step -> {
        // several sampling windows each count their steps from 1
        if (step == 1 && done[0] > 0) {
          bar.maxHint(bar.getMax() + steps);
        }
        done[0]++;
        bar.stepTo(done[0]);
      });
    }
  }

  /** Writes the video and prints what was written and the time since the command started. */
  void write(Video video, Path out) throws IOException {
    VideoFiles.write(video, out);
    System.out.printf(Locale.ROOT, "%d %s of %dx%d at %s fps%n", video.frameCount(),
        video.frameCount() == 1 ? "frame" : "frames", video.width(), video.height(),
        BenchTable.trim(video.fps()));
    System.out.printf(Locale.ROOT, "wrote %s in %.1f s%n", out, (System.nanoTime() - started) / 1e9);
  }
}
