package org.sora4j.train.dit;

import ai.djl.ndarray.NDManager;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.sora4j.core.diffusion.FlowSampler;
import org.sora4j.core.pipeline.GenerateOptions;
import org.sora4j.core.pipeline.VideoPipeline;
import org.sora4j.core.video.FrameSize;
import org.sora4j.core.video.Video;
import org.sora4j.world.caption.PromptUpsampler;
import org.sora4j.world.judge.Judge;

/**
 * The videos a checkpoint is looked at by: a few fixed prompts, upsampled and generated with the
 * averaged weights, written as one contact sheet and scored by the judge.
 */
public final class DitSamples {
  static final List<String> PROMPTS = List.of(
      "a red ball bounces on the grass",
      "a blue box moves right in the snow at night",
      "two yellow balls collide in space",
      "a green triangle rolls on the sand at sunset",
      "a white ball passes behind a wall in a room",
      "a purple box is thrown across the sky, the camera pans left");

  private DitSamples() {}

  /** Generates the sample prompts at 64x64, 2 s, 8 fps; writes the sheet; returns the mean judge score. */
  public static double write(VideoPipeline pipeline, NDManager manager, Path png, int steps) throws IOException {
    Judge judge = new Judge();
    List<Video> rows = new ArrayList<>();
    double sum = 0;
    for (int i = 0; i < PROMPTS.size(); i++) {
      PromptUpsampler.Upsampled up = PromptUpsampler.upsample(PROMPTS.get(i), i);
      GenerateOptions options = new GenerateOptions(up.caption(), new FrameSize(64, 64), 2, 8, steps, 4.0,
          FlowSampler.named("euler"), i);
      Video video = pipeline.generate(options, manager, s -> {});
      rows.add(video);
      sum += judge.score(video, up.spec()).overall();
    }
    Files.createDirectories(png.getParent());
    org.sora4j.train.run.SampleSheet.write(rows, 8, png);
    return sum / PROMPTS.size();
  }
}
