package org.sora4j.cli;

import ai.djl.ndarray.NDManager;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import org.sora4j.core.diffusion.FlowSampler;
import org.sora4j.core.pipeline.GenerateOptions;
import org.sora4j.core.pipeline.VideoPipeline;
import org.sora4j.core.video.FrameSize;
import org.sora4j.core.video.Video;
import org.sora4j.world.caption.PromptUpsampler;
import org.sora4j.world.judge.BenchOptions;
import org.sora4j.world.judge.BenchResult;
import org.sora4j.world.judge.Benchmark;
import org.sora4j.world.judge.PromptSet;
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

  @Option(names = "--sampler", defaultValue = "euler", description = "euler or heun (default: ${DEFAULT-VALUE}).")
  String sampler;

  @Option(names = "--frame-by-frame", description = "Generate each frame as its own image with independent noise"
      + " (the frame-independent baseline) instead of the video at once.")
  boolean frameByFrame;

  @Option(names = "--json", description = "Print the results as JSON instead.")
  boolean json;

  @Override
  public Integer call() throws Exception {
    FrameSize frame = FrameSize.parse(size);
    BenchOptions options = new BenchOptions(frame.width(), frame.height(), fps, seconds);
    List<String> set = prompts != null ? PromptSet.read(prompts) : PromptSet.publicSet();
    FlowSampler flow = FlowSampler.named(sampler);
    Path denoiserDir = ModelPaths.resolve(model, "dit", "--model");
    Path vaeDir = ModelPaths.resolve(vae, "vae", "--vae");
    try (NDManager manager = NDManager.newBaseManager()) {
      VideoPipeline pipeline = VideoPipeline.load(denoiserDir, vaeDir, manager);
      pipeline.checkSize(frame);
      Benchmark.VideoMaker maker = (prompt, spec, seed, bench) -> {
        String caption = PromptUpsampler.upsample(prompt, seed).caption();
        GenerateOptions generate = new GenerateOptions(caption, frame, seconds, fps, steps, cfg, flow, seed);
        return frameByFrame ? frameByFrame(pipeline, generate, manager) : pipeline.generate(generate, manager, s -> {});
      };
      BenchResult result;
      try (ProgressBar bar = new ProgressBarBuilder().setTaskName("eval").setInitialMax(set.size())
          .setUnit(" prompts", 1).build()) {
        result = Benchmark.run(set, options, maker, bar::stepTo);
      }
      BenchTable.print(result, set.size() + " prompts at " + frame + ", " + BenchTable.trim(fps) + " fps, "
          + BenchTable.trim(seconds) + " s, " + steps + " " + sampler + " steps, cfg " + BenchTable.trim(cfg)
          + (frameByFrame ? ", frame by frame" : ""), json, size, fps, seconds);
    }
    return 0;
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
