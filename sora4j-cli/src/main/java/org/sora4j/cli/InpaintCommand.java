package org.sora4j.cli;

import ai.djl.ndarray.NDManager;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.sora4j.core.pipeline.GenerateOptions;
import org.sora4j.core.pipeline.RegionMask;
import org.sora4j.core.pipeline.VideoPipeline;
import org.sora4j.core.pipeline.VideoPrompts;
import org.sora4j.core.video.Video;
import org.sora4j.media.VideoFiles;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code sora4j inpaint VIDEO PROMPT (--mask MASK | --box x,y,w,h[,t0,t1])}. */
@Command(name = "inpaint", mixinStandardHelpOptions = true,
    description = "Regenerate a region of a video in space and time under the prompt; every other pixel is kept.")
final class InpaintCommand implements Callable<Integer> {
  @Parameters(index = "0", paramLabel = "VIDEO", description = "The video (or image).")
  Path video;

  @Parameters(index = "1", paramLabel = "PROMPT", description = "What the whole video should show.")
  String prompt;

  @ArgGroup(exclusive = true, multiplicity = "1")
  Region region;

  /** Either a mask file or a box. */
  static final class Region {
    @Option(names = "--mask", paramLabel = "MASK", description = "Image or video of the video's size: white is regenerated.")
    Path mask;

    @Option(names = "--box", paramLabel = "x,y,w,h[,t0,t1]", description = "Pixels to regenerate, optionally from second t0 to t1.")
    String box;
  }

  @Mixin ModelOptions model;

  @Override
  public Integer call() throws Exception {
    Video source = VideoFiles.read(video);
    RegionMask mask = region.mask != null ? RegionMask.of(VideoFiles.read(region.mask), source) : parseBox(region.box, source);
    Path out = model.output(source.frameCount() == 1 ? "out.png" : "out.mp4", source.frameCount());
    String caption = model.caption(prompt);
    model.fps = source.fps();
    GenerateOptions options = model.options(caption, VideoPrompts.sizeOf(source), source.seconds());
    try (NDManager manager = NDManager.newBaseManager()) {
      VideoPipeline pipeline = model.prepare(manager, VideoPrompts.sizeOf(source), caption);
      VideoPrompts prompts = new VideoPrompts(pipeline);
      model.write(model.withProgress("inpaint", p -> prompts.inpaint(source, mask, options, manager, p)), out);
    }
    return 0;
  }

  static RegionMask parseBox(String text, Video video) {
    String[] parts = text.split(",");
    if (parts.length != 4 && parts.length != 6) {
      throw new IllegalArgumentException("--box takes x,y,w,h or x,y,w,h,t0,t1, got " + text);
    }
    try {
      int x = Integer.parseInt(parts[0].strip());
      int y = Integer.parseInt(parts[1].strip());
      int w = Integer.parseInt(parts[2].strip());
      int h = Integer.parseInt(parts[3].strip());
      int first = 0;
      int end = video.frameCount();
      if (parts.length == 6) {
        first = (int) Math.round(Double.parseDouble(parts[4].strip()) * video.fps());
        end = (int) Math.round(Double.parseDouble(parts[5].strip()) * video.fps());
      }
      return RegionMask.box(video.width(), video.height(), video.frameCount(), x, y, w, h, first, Math.min(end, video.frameCount()));
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("--box takes numbers: x,y,w,h[,t0,t1] in pixels and seconds, got " + text);
    }
  }
}
