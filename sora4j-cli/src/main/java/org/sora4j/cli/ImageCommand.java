package org.sora4j.cli;

import ai.djl.ndarray.NDManager;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.sora4j.core.pipeline.GenerateOptions;
import org.sora4j.core.pipeline.VideoPipeline;
import org.sora4j.core.video.FrameSize;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code sora4j image PROMPT}: text to image, a 1-frame video. */
@Command(name = "image", mixinStandardHelpOptions = true,
    description = "Generate an image (a 1-frame video), at any size that is a multiple of the model's size step (8 for the shipped models).")
final class ImageCommand implements Callable<Integer> {
  @Parameters(index = "0", paramLabel = "PROMPT", description = "What the image shows.")
  String prompt;

  @Option(names = "--size", defaultValue = "64x64", paramLabel = "WxH", description = "Image size (default: ${DEFAULT-VALUE}).")
  String size;

  @Mixin ModelOptions model;

  @Override
  public Integer call() throws Exception {
    FrameSize frame = FrameSize.parse(size);
    Path out = model.output("out.png", 1);
    String caption = model.caption(prompt);
    GenerateOptions options = model.options(caption, frame, 0);
    try (NDManager manager = NDManager.newBaseManager()) {
      VideoPipeline pipeline = model.prepare(manager, frame, caption);
      model.write(model.withProgress("image", p -> pipeline.generate(options, manager, p)), out);
    }
    return 0;
  }
}
