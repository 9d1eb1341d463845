package org.sora4j.cli;

import ai.djl.ndarray.NDManager;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import org.sora4j.core.checkpoint.ModelFolder;
import org.sora4j.core.metrics.VideoMetrics;
import org.sora4j.core.vae.LatentStats;
import org.sora4j.core.vae.VaeConfig;
import org.sora4j.core.vae.VideoVae;
import org.sora4j.core.video.FrameSize;
import org.sora4j.core.video.Video;
import org.sora4j.train.bench.PeakMemory;
import org.sora4j.train.bench.VaeBenchmark;
import org.sora4j.train.vae.ClipOverfit;
import org.sora4j.train.vae.HeldOutClips;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code sora4j vae ...}: tools around the spatiotemporal VAE. */
@Command(
    name = "vae",
    mixinStandardHelpOptions = true,
    description = "Use the spatiotemporal VAE.",
    subcommands = {VaeCommand.Reconstruct.class, VaeCommand.Overfit.class, VaeCommand.Eval.class, VaeCommand.Bench.class,
      VaeCommand.Stats.class})
final class VaeCommand implements Runnable {
  @picocli.CommandLine.Spec picocli.CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(System.out);
  }

  /** Encodes and decodes a video and reports how close the result is. */
  @Command(
      name = "reconstruct",
      mixinStandardHelpOptions = true,
      description = "Round-trip a video through the VAE; prints PSNR, SSIM, flicker and PSNR where the clip moves, last line 'psnr: XX.XX'.")
  static final class Reconstruct implements Callable<Integer> {
    @Mixin VaeClipOptions clip;

    @Override
    public Integer call() throws Exception {
      Path dir = clip.modelDir();
      Video video = clip.read();
      try (NDManager manager = NDManager.newBaseManager()) {
        VideoVae vae = VideoVae.load(dir, manager);
        vae.checkSize(video.width(), video.height());
        Video recon = vae.reconstruct(video, manager);
        clip.write(recon);
        System.out.printf(Locale.ROOT, "ssim: %.4f%n", VideoMetrics.ssim(video, recon));
        if (video.frameCount() > 1) {
          System.out.printf(Locale.ROOT, "flicker: %.4f%n", VideoMetrics.flicker(video, recon));
          double moving = VideoMetrics.movingPsnr(video, recon);
          System.out.println(Double.isNaN(moving) ? "moving psnr: nothing moves" : String.format(Locale.ROOT, "moving psnr: %.2f", moving));
        }
        System.out.printf(Locale.ROOT, "psnr: %.2f%n", VideoMetrics.psnr(video, recon));
      }
      return 0;
    }
  }

  /** Fits a copy of the VAE to one clip: what it cannot draw even then, its design cannot. */
  @Command(
      name = "overfit",
      mixinStandardHelpOptions = true,
      description = "Train the VAE on one clip alone (nothing is saved but the reconstruction) and print its PSNR as"
          + " it goes, last line 'psnr: XX.XX': a probe of what the design can represent at all.")
  static final class Overfit implements Callable<Integer> {
    @Mixin VaeClipOptions clip;

    @Option(names = "--steps", defaultValue = "300", description = "Adam steps on the clip (default: ${DEFAULT-VALUE}).")
    int steps;

    @Option(names = "--lr", defaultValue = "2e-4", description = "Learning rate (default: ${DEFAULT-VALUE}).")
    double learningRate;

    @Option(names = "--decoder-only", description = "Fit the decoder alone, from the frozen encoder's latent.")
    boolean decoderOnly;

    @Override
    public Integer call() throws Exception {
      ClipOverfit.Options options = new ClipOverfit.Options(steps, learningRate, decoderOnly, 50);
      Path dir = clip.modelDir();
      Video video = clip.read();
      try (NDManager manager = NDManager.newBaseManager()) {
        VideoVae vae = VideoVae.load(dir, manager);
        Video fitted = ClipOverfit.run(vae, video, options, manager,
            (step, psnr) -> System.out.printf(Locale.ROOT, "step %d: psnr %.2f%n", step, psnr));
        clip.write(fitted);
        System.out.printf(Locale.ROOT, "psnr: %.2f%n", VideoMetrics.psnr(video, fitted));
      }
      return 0;
    }
  }

  /** Reconstruction quality on the held-out world clips, for comparing VAEs. */
  @Command(
      name = "eval",
      mixinStandardHelpOptions = true,
      description = "Reconstruct held-out world clips (never drawn in training); prints mean PSNR, SSIM, flicker and PSNR where the clips move,"
          + " last line 'psnr: XX.XX'.")
  static final class Eval implements Callable<Integer> {
    @Option(names = "--model", paramLabel = "DIR", description = "VAE model folder (default: models/vae).")
    Path model;

    @Option(names = "--clips", defaultValue = "24", description = "Held-out clips (default: ${DEFAULT-VALUE}).")
    int clips;

    @Option(names = "--size", defaultValue = "64x64", paramLabel = "WxH", description = "Frame size (default: ${DEFAULT-VALUE}).")
    String size;

    @Option(names = "--frames", defaultValue = "17", description = "Frames per clip at 8 fps (default: ${DEFAULT-VALUE}).")
    int frames;

    @Option(names = "--breakdown", description = "Also print PSNR by environment and by frame index, and flicker by frame step, to see where a VAE loses.")
    boolean breakdown;

    @Override
    public Integer call() throws Exception {
      if (clips < 1 || frames < 1) {
        throw new IllegalArgumentException("--clips and --frames must be at least 1");
      }
      Path dir = ModelPaths.resolve(model, "vae", "--model");
      FrameSize frame = FrameSize.parse(size);
      List<Video> held = HeldOutClips.world(clips, frame.width(), frame.height(), frames);
      double psnr = 0, ssim = 0, flicker = 0, moving = 0, still = 0;
      int movingClips = 0, stillClips = 0;
      Map<String, List<Double>> byEnvironment = new TreeMap<>();
      Map<String, List<Double>> byCamera = new TreeMap<>();
      double[] byFrame = new double[frames];
      double[] flickerByStep = new double[frames - 1];
      try (NDManager manager = NDManager.newBaseManager()) {
        VideoVae vae = VideoVae.load(dir, manager);
        vae.checkSize(frame.width(), frame.height());
        for (int i = 0; i < held.size(); i++) {
          Video clip = held.get(i);
          Video recon = vae.reconstruct(clip, manager);
          double clipPsnr = VideoMetrics.psnr(clip, recon);
          psnr += clipPsnr / clips;
          ssim += VideoMetrics.ssim(clip, recon) / clips;
          flicker += frames > 1 ? VideoMetrics.flicker(clip, recon) / clips : 0;
          double clipMoving = VideoMetrics.movingPsnr(clip, recon);
          if (!Double.isNaN(clipMoving)) {
            moving += clipMoving;
            movingClips++;
          }
          if (breakdown) {
            double clipStill = VideoMetrics.stillPsnr(clip, recon);
            if (!Double.isNaN(clipStill)) {
              still += clipStill;
              stillClips++;
            }
            byEnvironment.computeIfAbsent(HeldOutClips.scene(i).environment().toString().toLowerCase(Locale.ROOT),
                k -> new ArrayList<>()).add(clipPsnr);
            byCamera.computeIfAbsent(HeldOutClips.scene(i).camera().toString().toLowerCase(Locale.ROOT),
                k -> new ArrayList<>()).add(clipPsnr);
            for (int f = 0; f < frames; f++) {
              byFrame[f] += VideoMetrics.psnr(clip.slice(f, f + 1), recon.slice(f, f + 1)) / clips;
            }
            for (int f = 0; f + 1 < frames; f++) {
              flickerByStep[f] += VideoMetrics.flicker(clip.slice(f, f + 2), recon.slice(f, f + 2)) / clips;
            }
          }
        }
      }
      System.out.printf(Locale.ROOT, "%d held-out world clips, %s, %d frames, model %s%n", clips, frame, frames, dir);
      if (breakdown) {
        printMeans("psnr", byEnvironment);
        // a moving camera moves the whole background, which each latent step must then carry four times
        printMeans("psnr camera", byCamera);
        System.out.println(row("psnr by frame:", byFrame));
        if (frames > 1) {
          // where the frame-to-frame error lies: inside a latent step, or where one step hands over to the next
          System.out.println(row("flicker by frame step:", flickerByStep));
        }
        if (stillClips > 0) {
          // what the clips would score if everything that moves were drawn perfectly
          System.out.printf(Locale.ROOT, "still psnr: %.2f (%d clips)%n", still / stillClips, stillClips);
        }
      }
      System.out.printf(Locale.ROOT, "ssim: %.4f%n", ssim);
      if (frames > 1) {
        System.out.printf(Locale.ROOT, "flicker: %.4f%n", flicker);
      }
      if (movingClips > 0) {
        // the fast objects a whole clip's PSNR hardly notices when they are smeared
        System.out.printf(Locale.ROOT, "moving psnr: %.2f (%d clips with motion)%n", moving / movingClips, movingClips);
      }
      System.out.printf(Locale.ROOT, "psnr: %.2f%n", psnr);
      return 0;
    }
  }

  private static void printMeans(String label, Map<String, List<Double>> groups) {
    groups.forEach((name, values) -> System.out.printf(Locale.ROOT, "%s %-8s %6.2f  (%d clips)%n",
        label, name, values.stream().mapToDouble(Double::doubleValue).average().orElse(0), values.size()));
  }

  private static String row(String label, double[] values) {
    StringBuilder row = new StringBuilder(label);
    for (double value : values) {
      row.append(String.format(Locale.ROOT, " %.2f", value));
    }
    return row.toString();
  }

  /** Peak memory and speed of the VAE over growing durations. */
  @Command(
      name = "bench",
      mixinStandardHelpOptions = true,
      description = "Measure peak memory and frames per second of encode+decode for clips of growing duration.")
  static final class Bench implements Callable<Integer> {
    @Option(names = "--model", paramLabel = "DIR", description = "VAE model folder (default: models/vae).")
    Path model;

    @Option(names = "--seconds", defaultValue = "1,4,16,60", split = ",", description = "Durations (default: ${DEFAULT-VALUE}).")
    List<Double> seconds;

    @Option(names = "--size", defaultValue = "64x64", description = "Frame size (default: ${DEFAULT-VALUE}).")
    String size;

    @Option(names = "--fps", defaultValue = "8", description = "Frame rate (default: ${DEFAULT-VALUE}).")
    double fps;

    @Option(names = "--whole-up-to", defaultValue = "16", description = "Also run unchunked up to this many seconds (default: ${DEFAULT-VALUE}).")
    double wholeUpTo;

    @Override
    public Integer call() throws Exception {
      FrameSize frame = FrameSize.parse(size);
      if (!PeakMemory.available()) {
        throw new IllegalStateException("peak memory is read from /proc/self/status, which this system lacks");
      }
      Path dir = ModelPaths.resolve(model, "vae", "--model");
      try (NDManager manager = NDManager.newBaseManager()) {
        VideoVae vae = VideoVae.load(dir, manager);
        vae.checkSize(frame.width(), frame.height());
        System.out.println("| mode | seconds | frames | frames/s | peak RSS MB | added MB |");
        System.out.println("|---|---|---|---|---|---|");
        for (VaeBenchmark.Row row : VaeBenchmark.run(vae, frame.width(), frame.height(), fps, seconds, wholeUpTo)) {
          System.out.printf(Locale.ROOT, "| %s | %.0f | %d | %.1f | %.0f | %.0f |%n", row.mode(), row.seconds(), row.frames(),
              row.framesPerSecond(), row.peakBytes() / 1e6, row.addedBytes() / 1e6);
        }
      }
      return 0;
    }
  }
  /** Re-measures the latent statistics a VAE's config carries and writes them into it. */
  @Command(
      name = "stats",
      mixinStandardHelpOptions = true,
      description = "Measure each latent channel's mean and spread on held-out world clips and store them in the"
          + " model's config.json (the weights stay as they are). A denoiser trained on the old statistics no"
          + " longer fits: retrain or fine-tune it.")
  static final class Stats implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "DIR", description = "VAE model folder to update.")
    Path model;

    @Option(names = "--per-channel", negatable = true, defaultValue = "true", fallbackValue = "true",
        description = "One shift and scale per channel (default), or --no-per-channel for one over all channels.")
    boolean perChannel;

    @Option(names = "--clips", defaultValue = "64", description = "Held-out clips to measure on (default: ${DEFAULT-VALUE}).")
    int clips;

    @Option(names = "--dry-run", description = "Print the statistics without writing them.")
    boolean dryRun;

    @Override
    public Integer call() throws Exception {
      if (clips < 1) {
        throw new IllegalArgumentException("--clips must be at least 1, got " + clips);
      }
      Path dir = ModelPaths.resolve(model, "vae", "DIR");
      try (NDManager manager = NDManager.newBaseManager()) {
        VideoVae vae = VideoVae.load(dir, manager);
        LatentStats stats = LatentStats.measure(vae, HeldOutClips.world(clips, 64, 64, 17), manager);
        System.out.println("| channel | mean | std |");
        System.out.println("|---|---|---|");
        for (int c = 0; c < stats.means().size(); c++) {
          System.out.printf(Locale.ROOT, "| %d | %.4f | %.4f |%n", c, stats.means().get(c), stats.stds().get(c));
        }
        System.out.printf(Locale.ROOT, "| all | %.4f | %.4f |%n", stats.pooledMean(), stats.pooledStd());
        VaeConfig updated = stats.applyTo(vae.config(), perChannel);
        if (dryRun) {
          System.out.println("dry run: " + dir.resolve(ModelFolder.CONFIG) + " left as it was");
        } else {
          ModelFolder.saveConfig(dir, updated);
          System.out.println("wrote " + dir.resolve(ModelFolder.CONFIG) + (perChannel ? " (per channel)" : " (pooled)"));
        }
      }
      return 0;
    }
  }
}
