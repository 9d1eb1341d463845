package org.sora4j.cli;

import ai.djl.ndarray.NDManager;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import org.sora4j.core.diffusion.FlowSampler;
import org.sora4j.core.pipeline.GenerateOptions;
import org.sora4j.core.pipeline.VideoPipeline;
import org.sora4j.core.video.FrameSize;
import org.sora4j.core.video.Video;
import org.sora4j.media.VideoFiles;
import org.sora4j.world.caption.PromptUpsampler;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code sora4j generate PROMPT}: text to video (or to an image) with the neural model. */
@Command(
    name = "generate",
    mixinStandardHelpOptions = true,
    description = "Generate a video from a text prompt with the diffusion model. The prompt is first expanded"
        + " into a detailed caption (what it leaves open is chosen from the seed) unless --no-upsample.")
final class GenerateCommand implements Callable<Integer> {
  @Parameters(index = "0", paramLabel = "PROMPT", description = "What the video shows, e.g. \"a red ball bounces on the grass at sunset\".")
  String prompt;

  @Option(names = {"-o", "--output"}, paramLabel = "FILE", description = "Output file: .mp4, .webm, .gif or .png (default: out.mp4, or out.png with --image).")
  Path output;

  @Option(names = "--seconds", defaultValue = "2", description = "Duration in seconds (default: ${DEFAULT-VALUE}).")
  double seconds;

  @Option(names = "--fps", defaultValue = "8", description = "Frames per second (default: ${DEFAULT-VALUE}).")
  double fps;

  @Option(names = "--size", defaultValue = "64x64", paramLabel = "WxH", description = "Frame size, a multiple of 16 on each side (default: ${DEFAULT-VALUE}).")
  String size;

  @Option(names = "--image", description = "Generate a single image instead of a video.")
  boolean image;

  @Option(names = "--steps", defaultValue = "24", description = "Sampler steps (default: ${DEFAULT-VALUE}).")
  int steps;

  @Option(names = "--cfg", defaultValue = "4", description = "Classifier-free guidance scale, 1 = none (default: ${DEFAULT-VALUE}).")
  double cfg;

  @Option(names = "--sampler", defaultValue = "euler", description = "euler or heun (default: ${DEFAULT-VALUE}).")
  String sampler;

  @Option(names = "--seed", defaultValue = "0", description = "Same seed, same video (default: ${DEFAULT-VALUE}).")
  long seed;

  @Option(names = "--model", paramLabel = "DIR", description = "Denoiser model folder (default: the shipped models/dit).")
  Path model;

  @Option(names = "--vae", paramLabel = "DIR", description = "VAE model folder (default: the shipped models/vae).")
  Path vae;

  @Option(names = "--no-upsample", description = "Pass the prompt to the text encoder as written.")
  boolean noUpsample;

  @Override
  public Integer call() throws Exception {
    long start = System.nanoTime();
    if (prompt == null || prompt.isBlank()) {
      throw new IllegalArgumentException("the prompt is empty");
    }
    if (!image && !(seconds > 0)) {
      throw new IllegalArgumentException("--seconds must be above 0, got " + seconds + " (use --image for a single image)");
    }
    FrameSize frame = FrameSize.parse(size);
    Path out = output != null ? output : Path.of(image ? "out.png" : "out.mp4");
    VideoFiles.checkWritable(out, image ? 1 : 2);
    FlowSampler flow = FlowSampler.named(sampler);
    Path denoiserDir = ModelPaths.resolve(model, "dit", "--model");
    Path vaeDir = ModelPaths.resolve(vae, "vae", "--vae");
    String text = prompt.strip();
    if (!noUpsample) {
      PromptUpsampler.Upsampled up = PromptUpsampler.upsample(text, seed);
      if (!up.unknownWords().isEmpty()) {
        System.out.println("not understood: " + String.join(", ", up.unknownWords()));
      }
      text = up.caption();
      System.out.println("caption: " + text);
    }
    GenerateOptions options = new GenerateOptions(text, frame, image ? 0 : seconds, fps, steps, cfg, flow, seed);
    try (NDManager manager = NDManager.newBaseManager()) {
      VideoPipeline pipeline = VideoPipeline.load(denoiserDir, vaeDir, manager);
      pipeline.checkSize(frame);
      List<String> unknown = pipeline.denoiser().tokenizer().unknownWords(text);
      if (!unknown.isEmpty()) {
        System.out.println("words the text encoder never saw (ignored): " + String.join(", ", unknown));
      }
      int evaluations = steps * flow.evaluationsPerStep();
      Video video;
      try (ProgressBar bar = new ProgressBarBuilder().setTaskName("generate").setInitialMax(steps)
          .setUnit(" steps", 1).build()) {
        video = pipeline.generate(options, manager, bar::stepTo);
      }
      VideoFiles.write(video, out);
      System.out.printf(Locale.ROOT, "%d frames of %s at %s fps, %d model evaluations%n", video.frameCount(), frame,
          BenchTable.trim(fps), evaluations * (cfg != 1.0 ? 2 : 1));
    }
    System.out.printf(Locale.ROOT, "wrote %s in %.1f s%n", out, (System.nanoTime() - start) / 1e9);
    return 0;
  }
}
