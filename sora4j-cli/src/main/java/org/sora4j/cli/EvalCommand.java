package org.sora4j.cli;

import ai.djl.ndarray.NDManager;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import org.sora4j.core.diffusion.FlowSampler;
import org.sora4j.core.metrics.LoopSeam;
import org.sora4j.core.pipeline.Denoiser;
import org.sora4j.core.pipeline.GenerateOptions;
import org.sora4j.core.pipeline.RegionMask;
import org.sora4j.core.pipeline.VideoPipeline;
import org.sora4j.core.pipeline.VideoPrompts;
import org.sora4j.core.vae.VideoVae;
import org.sora4j.core.video.FrameSize;
import org.sora4j.core.video.Video;
import org.sora4j.world.caption.PromptUpsampler;
import org.sora4j.world.judge.BenchOptions;
import org.sora4j.world.judge.BenchResult;
import org.sora4j.world.judge.Benchmark;
import org.sora4j.world.judge.PromptSet;
import org.sora4j.world.judge.WindowBenchmark;
import org.sora4j.world.parse.PromptParser;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code sora4j eval}: generates every prompt of a set with the model and judges each video. */
@Command(
    name = "eval",
    mixinStandardHelpOptions = true,
    description = "Generate each prompt of a set with the diffusion model, judge it against the prompt, print the"
        + " table and the mean score last.")
final class EvalCommand implements Callable<Integer> {
  @Option(names = "--prompts", paramLabel = "FILE", description = "One prompt per line, '#' comments (default: the public set).")
  Path prompts;

  @Option(names = "--model", paramLabel = "DIR", description = "Denoiser model folder (default: the shipped models/dit).")
  Path model;

  @Option(names = "--vae", paramLabel = "DIR", description = "VAE model folder (default: the shipped models/vae).")
  Path vae;

  @Option(names = "--guide-model", paramLabel = "DIR", description = "Autoguidance: a weaker denoiser of the same VAE"
      + " latent (an earlier or smaller model) whose prompted velocity the sampler steers away from.")
  Path guideModel;

  @Option(names = "--guide-weight", paramLabel = "A", description = "How strongly --guide-model steers: A times the"
      + " difference between the two models' prompted velocities, added to the guided one (default: 1).")
  Double guideWeight;

  @Option(names = "--size", defaultValue = "64x64", paramLabel = "WxH", description = "Frame size (default: ${DEFAULT-VALUE}).")
  String size;

  @Option(names = "--seconds", defaultValue = "2", description = "Clip length (default: ${DEFAULT-VALUE}).")
  double seconds;

  @Option(names = "--fps", defaultValue = "8", description = "Frames per second (default: ${DEFAULT-VALUE}).")
  double fps;

  @Option(names = "--steps", defaultValue = "24", description = "Sampler steps (default: ${DEFAULT-VALUE}).")
  int steps;

  @Option(names = "--cfg", defaultValue = "4", description = "Guidance scale (default: ${DEFAULT-VALUE}).")
  double cfg;

  @Option(names = "--sampler", defaultValue = "euler", description = "euler, heun, or euler-a (Euler that renoises part of each step, seeded)"
      + " (default: ${DEFAULT-VALUE}).")
  String sampler;

  @Option(names = "--one-pass", description = "Sample each clip's first frame together with the rest, in one pass,"
      + " instead of first as an image of its own and then the clip animated from it.")
  boolean onePass;

  @Option(names = "--frame-by-frame", description = "Generate each frame as its own image with independent noise"
      + " (the frame-independent baseline) instead of the video at once.")
  boolean frameByFrame;

  /** How each video is made; the conditioning frames come from a world render of the prompt. */
  enum Mode {
    /** Text to video. */
    text,
    /** The render's first frame animated. */
    animate,
    /** The render's last frame, led into. */
    animate_end,
    /** The render's first half continued. */
    extend,
    /** The render's second half led into. */
    extend_backward,
    /** A seamless loop (text only). */
    loop,
    /** The render's first and last quarters connected. */
    connect,
    /** Text to image: one frame. */
    image,
    /** SDEdit: the render of the next prompt in the set, edited under this one at --strength. */
    edit,
    /** The render with the middle of its frame (half the width and height, every frame) regenerated. */
    inpaint,
    /** The middle of the render (half the width and height) grown back to the full frame. */
    outpaint,
    /** The render blended with the next prompt's (weight 0.5, --strength), under this prompt. */
    blend,
    /** The render itself through the VAE, no diffusion: the ceiling the VAE sets for every other mode. */
    autoencoded
  }

  @Option(names = "--strength", defaultValue = "0.6", description = "How much edit and blend redraw, 0 to 1"
      + " (default: ${DEFAULT-VALUE}).")
  double strength;

  @Option(names = "--mode", defaultValue = "text", paramLabel = "MODE", description = "How each video is made: ${COMPLETION-CANDIDATES}"
      + " (default: ${DEFAULT-VALUE}). The other modes condition on frames of a world render of the prompt and judge"
      + " the whole result; autoencoded judges the render through the VAE alone (the ceiling the VAE sets).")
  Mode mode;

  @Option(names = "--json", description = "Print the results as JSON instead.")
  boolean json;

  @Option(names = "--long", paramLabel = "SECONDS", description = "Make each prompt this long (by extending over"
      + " overlapping windows) and judge it window by window, beside world renders of the same prompts; replaces"
      + " --seconds.")
  Double longSeconds;

  @Option(names = "--window", defaultValue = "5", paramLabel = "SECONDS", description = "Window length for --long"
      + " (default: ${DEFAULT-VALUE}).")
  double window;

  @Option(names = "--limit", paramLabel = "N", description = "Only the first N prompts of the set.")
  Integer limit;

  @Option(names = "--seeds", paramLabel = "N", defaultValue = "1", description = "Make and judge each prompt with N"
      + " seeds (its own, then further ones) and print how far the score moves with the seed (default: ${DEFAULT-VALUE}).")
  int seeds;

  @Option(names = "--plot", paramLabel = "FILE.png", description = "With --long, also draw the scores per window.")
  Path plot;

  /** The seam of each loop made in {@code --mode loop}, in prompt order. */
  private final List<LoopSeam> seams = new ArrayList<>();

  @Override
  public Integer call() throws Exception {
    FrameSize frame = FrameSize.parse(size);
    if (limit != null && limit < 1) {
      throw new IllegalArgumentException("--limit must be at least 1, got " + limit);
    }
    if (frameByFrame && mode != Mode.text) {
      throw new IllegalArgumentException("--frame-by-frame makes text-to-video frames; it does not combine with --mode "
          + mode);
    }
    if (!(strength > 0 && strength <= 1)) {
      throw new IllegalArgumentException("--strength must be above 0 and at most 1, got " + strength);
    }
    if (mode == Mode.image && longSeconds != null) {
      throw new IllegalArgumentException("--mode image makes one frame; it does not combine with --long");
    }
    if (seeds < 1) {
      throw new IllegalArgumentException("--seeds must be at least 1, got " + seeds);
    }
    if (seeds > 1 && longSeconds != null) {
      throw new IllegalArgumentException("--seeds judges clips of --seconds; it does not combine with --long");
    }
    if (plot != null && longSeconds == null) {
      throw new IllegalArgumentException("--plot draws the windows of --long; give --long SECONDS too");
    }
    if (plot != null && !plot.getFileName().toString().toLowerCase(java.util.Locale.ROOT).endsWith(".png")) {
      throw new IllegalArgumentException("--plot writes a PNG: give a FILE.png, got " + plot);
    }
    Path plotDir = plot == null ? null : plot.toAbsolutePath().getParent();
    if (plotDir != null && !Files.isDirectory(plotDir)) {
      // checked before the evaluation, which can take an hour, rather than after it
      throw new IllegalArgumentException("--plot " + plot + ": the folder " + plotDir + " does not exist");
    }
    if (guideWeight != null && guideModel == null) {
      throw new IllegalArgumentException("--guide-weight steers away from --guide-model; give --guide-model DIR too");
    }
    if (guideModel != null && mode == Mode.autoencoded) {
      throw new IllegalArgumentException("--mode autoencoded samples nothing, so --guide-model has nothing to steer");
    }
    double length = longSeconds != null ? longSeconds : seconds;
    BenchOptions options = new BenchOptions(frame.width(), frame.height(), fps, length);
    List<String> set = prompts != null ? PromptSet.read(prompts) : PromptSet.publicSet();
    if (limit != null && limit < set.size()) {
      set = set.subList(0, limit);
    }
    FlowSampler flow = FlowSampler.named(sampler);
    Path vaeDir = ModelPaths.resolve(vae, "vae", "--vae");
    try (NDManager manager = NDManager.newBaseManager()) {
      Benchmark.VideoMaker maker = mode == Mode.autoencoded
          ? autoencoder(VideoVae.load(vaeDir, manager), frame, manager)
          : generator(pipeline(vaeDir, manager), frame, length, flow, set, manager);
      if (longSeconds != null) {
        return judgeWindows(set, options, maker);
      }
      BenchResult result;
      try (ProgressBar bar = new ProgressBarBuilder().setTaskName("eval").setInitialMax((long) set.size() * seeds)
          .setUnit(" videos", 1).build()) {
        result = Benchmark.run(set, options, maker, seeds, bar::stepTo);
      }
      String how = mode == Mode.autoencoded ? "world renders through the VAE"
          : steps + " " + sampler + " steps, cfg " + BenchTable.trim(cfg) + (frameByFrame ? ", frame by frame" : "")
              + (mode == Mode.text ? "" : ", mode " + mode) + (onePass ? ", one pass" : "");
      if (!seams.isEmpty() && !json) {
        printSeams();
      }
      String prompted = set.size() + " prompts" + (seeds > 1 ? " x " + seeds + " seeds" : "");
      BenchTable.print(result, prompted + " at " + frame + ", " + BenchTable.trim(fps) + " fps, "
          + BenchTable.trim(seconds) + " s, " + how, json, size, fps, seconds);
    }
    return 0;
  }

  /** How the loops closed: the step from last frame to first against the steps inside each loop. */
  private void printSeams() {
    long closed = seams.stream().filter(LoopSeam::closes).count();
    double ratio = seams.stream().mapToDouble(LoopSeam::ratio).average().orElse(Double.NaN);
    System.out.printf(Locale.ROOT, "loop seam: %d of %d loops close (the step from the last frame to the first no bigger"
        + " than the largest inside); on average the seam is %.2f, a step inside %.2f (median) and %.2f (largest),"
        + " seam / median step %.2f%n", closed, seams.size(), seams.stream().mapToDouble(LoopSeam::seam).average().orElse(0),
        seams.stream().mapToDouble(LoopSeam::medianStep).average().orElse(0),
        seams.stream().mapToDouble(LoopSeam::largestStep).average().orElse(0), ratio);
  }

  /** Makes each prompt's video with the diffusion model in the chosen mode. */
  private VideoPipeline pipeline(Path vaeDir, NDManager manager) throws java.io.IOException {
    VideoPipeline pipeline = VideoPipeline.load(ModelPaths.resolve(model, "dit", "--model"), vaeDir, manager);
    if (guideModel == null) {
      return pipeline;
    }
    Denoiser weak = Denoiser.load(ModelPaths.resolve(guideModel, "dit", "--guide-model"), manager);
    return pipeline.withAutoGuidance(new VideoPipeline.AutoGuidance(weak, guideWeight == null ? 1 : guideWeight));
  }

  private Benchmark.VideoMaker generator(VideoPipeline pipeline, FrameSize frame, double length, FlowSampler flow,
      List<String> set, NDManager manager) {
    pipeline.checkSize(frame);
    if (mode == Mode.outpaint) {
      pipeline.checkSize(middle(frame, pipeline.sizeMultiple()));
    }
    return (prompt, spec, seed, bench) -> {
      String caption = PromptUpsampler.upsample(prompt, seed).caption();
      GenerateOptions generate = new GenerateOptions(caption, frame, mode == Mode.image ? 0 : length, fps, steps, cfg,
          flow, seed, onePass ? GenerateOptions.FirstFrame.WITH_CLIP : GenerateOptions.FirstFrame.IMAGE_FIRST);
      if (frameByFrame) {
        return frameByFrame(pipeline, generate, manager);
      }
      // the conditioning modes cut their frames from the world's render of the prompt
      Video render = switch (mode) {
        case text, loop, image -> null;
        default -> Benchmark.WORLD.make(prompt, spec, seed, bench);
      };
      Video other = mode == Mode.edit || mode == Mode.blend ? nextRender(set, seed, bench) : null;
      return make(pipeline, generate, render, other, manager);
    };
  }

  /**
   * The world render of the prompt after the one of seed {@code seed} in the set (the first after
   * the last), as its own eval row renders it: in round k the benchmark seeds prompt i with i + k * n.
   */
  private static Video nextRender(List<String> set, long seed, BenchOptions bench) {
    int n = set.size();
    int next = (int) ((seed + 1) % n);
    long nextSeed = seed / n * n + next;
    return Benchmark.WORLD.make(set.get(next), PromptParser.parse(set.get(next)).spec(), nextSeed, bench);
  }

  /** Half the frame's width and height, rounded down to the model's grid (at least one cell). */
  private static FrameSize middle(FrameSize frame, int multiple) {
    return new FrameSize(Math.max(multiple, frame.width() / 2 / multiple * multiple),
        Math.max(multiple, frame.height() / 2 / multiple * multiple));
  }

  /** Each prompt's world render encoded and decoded by the VAE alone: no denoiser is loaded. */
  private static Benchmark.VideoMaker autoencoder(VideoVae vae, FrameSize frame, NDManager manager) {
    vae.checkSize(frame.width(), frame.height());
    return (prompt, spec, seed, bench) -> vae.reconstruct(Benchmark.WORLD.make(prompt, spec, seed, bench), manager);
  }

  /**
   * The video of one prompt in the chosen mode; {@code render} is the world's clip of the prompt
   * (null for the modes that take none) and {@code other} the next prompt's (edit and blend only).
   */
  private Video make(VideoPipeline pipeline, GenerateOptions options, Video render, Video other, NDManager manager) {
    VideoPrompts prompts = new VideoPrompts(pipeline);
    int n = render == null ? 0 : render.frameCount();
    switch (mode) {
      case edit:
        return prompts.edit(other, strength, options, manager, s -> {});
      case blend:
        return prompts.blend(render, other, 0.5, strength, options, manager, s -> {});
      case inpaint: {
        int w = render.width(), h = render.height();
        return prompts.inpaint(render, RegionMask.box(w, h, n, w / 4, h / 4, w / 2, h / 2, 0, n), options, manager,
            s -> {});
      }
      case outpaint: {
        FrameSize inner = middle(options.size(), pipeline.sizeMultiple());
        Video centre = render.crop((render.width() - inner.width()) / 2, (render.height() - inner.height()) / 2,
            inner.width(), inner.height());
        return prompts.outpaint(centre, options, manager, s -> {});
      }
      case animate:
        return prompts.animate(render.slice(0, 1), false, options, manager, s -> {});
      case animate_end:
        return prompts.animate(render.slice(n - 1, n), true, options, manager, s -> {});
      case extend:
        return prompts.extend(render.slice(0, n / 2), false, options.withFrames(n - n / 2), manager, s -> {});
      case extend_backward:
        return prompts.extend(render.slice(n / 2, n), true, options.withFrames(n / 2), manager, s -> {});
      case loop: {
        Video looped = prompts.loop(options, manager, s -> {});
        seams.add(LoopSeam.of(looped));
        return looped;
      }
      case connect:
        return prompts.connect(render.slice(0, n / 4), render.slice(n - n / 4, n),
            options.withFrames(n - 2 * (n / 4)), manager, s -> {});
      default:
        // long videos go past one window by extension; within one window this is pipeline.generate
        return prompts.generate(options, manager, s -> {});
    }
  }

  /** The long-video benchmark: the model's videos and world renders judged per window. */
  private Integer judgeWindows(List<String> set, BenchOptions options, Benchmark.VideoMaker maker) throws Exception {
    List<WindowBenchmark.Window> model;
    try (ProgressBar bar = new ProgressBarBuilder().setTaskName("eval --long").setInitialMax(set.size())
        .setUnit(" prompts", 1).build()) {
      model = WindowBenchmark.run(set, options, window, maker, bar::stepTo);
    }
    List<WindowBenchmark.Window> world = WindowBenchmark.run(set, options, window, Benchmark.WORLD, i -> {});
    System.out.printf(Locale.ROOT, "%-11s  %6s  %11s  %7s  %10s  %12s%n", "window", "model", "consistency", "physics",
        "permanence", "world render");
    double sum = 0;
    for (int w = 0; w < model.size(); w++) {
      WindowBenchmark.Window m = model.get(w);
      System.out.printf(Locale.ROOT, "%-11s  %6.3f  %11s  %7s  %10s  %12.3f%n",
          BenchTable.trim(m.from()) + "-" + BenchTable.trim(m.to()) + " s", m.result().score(),
          dimension(m, "consistency"), dimension(m, "physics"), dimension(m, "permanence"),
          world.get(w).result().score());
      sum += m.result().score();
    }
    String setting = set.size() + " prompts at " + size + ", " + BenchTable.trim(fps) + " fps, "
        + BenchTable.trim(longSeconds) + " s in " + BenchTable.trim(window) + " s windows, " + steps + " " + sampler
        + " steps, cfg " + BenchTable.trim(cfg);
    if (plot != null) {
      WindowChart.write(plot, setting, model, world);
      System.out.println("plot: " + plot);
    }
    System.out.println(setting);
    System.out.printf(Locale.ROOT, "score: %.3f%n", sum / model.size());
    return 0;
  }

  private static String dimension(WindowBenchmark.Window w, String key) {
    Double v = w.result().dimensionMeans().get(key);
    return v == null ? "-" : String.format(Locale.ROOT, "%.3f", v);
  }

  /** Every frame an image of its own from its own noise: no shared latent, no temporal model. */
  private static Video frameByFrame(VideoPipeline pipeline, GenerateOptions options, NDManager manager) {
    Video video = null;
    for (int f = 0; f < options.frames(); f++) {
      GenerateOptions one = new GenerateOptions(options.prompt(), options.size(), 0, options.fps(), options.steps(),
          options.guidance(), options.sampler(), options.seed() * 1_000_003L + f);
      Video image = pipeline.generate(one, manager, s -> {});
      video = video == null ? image : video.concat(image);
    }
    return video;
  }
}
