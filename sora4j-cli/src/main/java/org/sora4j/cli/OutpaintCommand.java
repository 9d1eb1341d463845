package org.sora4j.cli;

import ai.djl.ndarray.NDManager;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.sora4j.core.pipeline.GenerateOptions;
import org.sora4j.core.pipeline.VideoPipeline;
import org.sora4j.core.pipeline.VideoPrompts;
import org.sora4j.core.video.FrameSize;
import org.sora4j.core.video.Video;
import org.sora4j.media.VideoFiles;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code sora4j outpaint VIDEO PROMPT --size WxH}. */
@Command(name = "outpaint", mixinStandardHelpOptions = true,
    description = "Extend the scene beyond the frame: the video sits in the middle of a larger frame whose rest is generated.")
final class OutpaintCommand implements Callable<Integer> {
  @Parameters(index = "0", paramLabel = "VIDEO", description = "The video (or image).")
  Path video;

  @Parameters(index = "1", paramLabel = "PROMPT", description = "What the whole scene shows.")
  String prompt;

  @Option(names = "--size", required = true, paramLabel = "WxH", description = "The new, larger frame size.")
  String size;

  @Mixin ModelOptions model;

  @Override
  public Integer call() throws Exception {
    FrameSize frame = FrameSize.parse(size);
    Video source = VideoFiles.read(video);
    VideoPrompts.checkOutpaintSize(source, frame); // before the models load
    Path out = model.output(source.frameCount() == 1 ? "out.png" : "out.mp4", source.frameCount());
    String caption = model.caption(prompt);
    model.fps = source.fps();
    GenerateOptions options = model.options(caption, frame, source.seconds());
    try (NDManager manager = NDManager.newBaseManager()) {
      VideoPipeline pipeline = model.load(manager);
      pipeline.checkSize(frame);
      pipeline.vae().checkSize(source.width(), source.height());
      model.warnUnknown(pipeline, caption);
      VideoPrompts prompts = new VideoPrompts(pipeline);
      model.write(model.withProgress("outpaint", p -> prompts.outpaint(source, options, manager, p)), out);
    }
    return 0;
  }
}
