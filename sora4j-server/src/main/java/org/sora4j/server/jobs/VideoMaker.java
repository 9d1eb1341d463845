package org.sora4j.server.jobs;

import ai.djl.ndarray.NDManager;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.function.IntConsumer;
import javax.imageio.ImageIO;
import org.sora4j.core.pipeline.GenerateOptions;
import org.sora4j.core.pipeline.VideoPipeline;
import org.sora4j.core.pipeline.VideoPrompts;
import org.sora4j.core.video.FrameSize;
import org.sora4j.core.video.Video;
import org.sora4j.media.VideoFiles;
import org.sora4j.server.ServerOptions;
import org.sora4j.server.media.FrameScaler;
import org.sora4j.server.media.Previews;
import org.sora4j.server.media.SizePlan;
import org.sora4j.server.store.VideoFolders;
import org.sora4j.server.store.VideoRow;
import org.sora4j.world.caption.PromptUpsampler;

/**
 * Runs one job on the model: samples at the planned size, keeps those frames (lossless) for later
 * remixes and extensions, and writes the delivered MP4 scaled to the size asked for, with its
 * thumbnail and spritesheet.
 */
public final class VideoMaker {
  private final VideoPipeline pipeline;
  private final VideoPrompts prompts;
  private final VideoFolders folders;
  private final ServerOptions options;

  public VideoMaker(VideoPipeline pipeline, VideoFolders folders, ServerOptions options) {
    this.pipeline = pipeline;
    this.prompts = new VideoPrompts(pipeline);
    this.folders = folders;
    this.options = options;
  }

  /** The size plan for a delivered size on this model. */
  public SizePlan plan(FrameSize delivered) {
    return SizePlan.of(delivered, pipeline.sizeMultiple(), options.pixelBudget());
  }

  /** Makes the job's files; {@code percent} hears progress from 0 to 99. */
  public void make(VideoRow row, IntConsumer percent) throws IOException {
    SizePlan plan = plan(FrameSize.parse(row.size()));
    ModelProfile profile = ModelProfile.named(row.model());
    // characters named in the prompt reach the model by their looks; the video keeps the prompt as written
    String prompt = row.modelPrompt();
    String caption = options.upsample() ? PromptUpsampler.upsample(prompt, row.seed()).caption() : prompt;
    GenerateOptions base = new GenerateOptions(caption, plan.generated(), Double.parseDouble(row.seconds()),
        options.fps(), profile.steps(options.steps()), options.guidance(), profile.flowSampler(), row.seed());
    Video made;
    try (NDManager manager = NDManager.newBaseManager()) {
      // release 17: no pattern switch, so the sealed variants are told apart with instanceof
      JobSpec job = row.job();
      if (job instanceof JobSpec.Generate g) {
        made = generate(row, g, base, manager, percent);
      } else if (job instanceof JobSpec.Edit e) {
        made = edit(row, e, base, manager, percent);
      } else {
        made = extend(row, (JobSpec.Extend) job, base, manager, percent);
      }
    }
    // the file says how it was made: the API's clients see the size they asked for, not the model's
    Map<String, String> tags = Map.of(
        "comment", "sora4j " + row.model() + ": " + plan.describe(),
        "description", row.prompt());
    write(row.id(), made, plan, tags);
  }

  private Video generate(VideoRow row, JobSpec.Generate job, GenerateOptions options, NDManager manager, IntConsumer percent)
      throws IOException {
    if (!job.withReference()) {
      return prompts.generate(options, manager,
          new ProgressMeter((long) options.steps() * ProgressMeter.passesFor(options.frames()), percent));
    }
    ProgressMeter meter = new ProgressMeter((long) options.steps() * ProgressMeter.windowsFor(options.frames()), percent);
    BufferedImage image = ImageIO.read(folders.file(row.id(), VideoFolders.REFERENCE).toFile());
    if (image == null) {
      throw new IOException("the reference image of " + row.id() + " is unreadable");
    }
    // the reference is cropped to the aspect ratio asked for: it becomes the first frame
    Video still = FrameScaler.cover(Previews.video(image, options.fps()), options.size());
    return prompts.animate(still, false, options, manager, meter);
  }

  private Video edit(VideoRow row, JobSpec.Edit job, GenerateOptions options, NDManager manager, IntConsumer percent)
      throws IOException {
    Video source = source(row, job.source(), options.size());
    // SDEdit starts part-way down the noise schedule: it runs about strength x steps
    ProgressMeter meter = new ProgressMeter(Math.round(options.steps() * job.strength()), percent);
    return prompts.edit(source, job.strength(), options.withFrames(source.frameCount()), manager, meter);
  }

  private Video extend(VideoRow row, JobSpec.Extend job, GenerateOptions options, NDManager manager, IntConsumer percent)
      throws IOException {
    Video source = source(row, job.source(), options.size());
    GenerateOptions added = options.withFrames(Math.max(1, (int) Math.round(job.addSeconds() * options.fps())));
    ProgressMeter meter = new ProgressMeter((long) options.steps() * ProgressMeter.windowsToAdd(added.frames()), percent);
    return prompts.extend(source, false, added, manager, meter);
  }

  /** A source video at the generation size: another video's own frames, or the upload scaled down. */
  private Video source(VideoRow row, JobSpec.Source source, FrameSize size) throws IOException {
    if (source.uploaded()) {
      Path upload = folders.uploadedSource(row.id());
      if (upload == null) {
        throw new IOException("the uploaded source of " + row.id() + " is missing");
      }
      return FrameScaler.cover(VideoFiles.read(upload).withFps(options.fps()), size);
    }
    Path frames = folders.file(source.videoId(), VideoFolders.NATIVE);
    if (!Files.isDirectory(frames)) {
      throw new IllegalArgumentException("the source video " + source.videoId() + " has been deleted");
    }
    return FrameScaler.cover(VideoFiles.readFrames(frames, options.fps()), size);
  }

  private void write(String id, Video made, SizePlan plan, Map<String, String> tags) throws IOException {
    Path folder = Files.createDirectories(folders.folder(id));
    Path nativeFrames = folder.resolve(VideoFolders.NATIVE);
    // the folder writer clears frames of an interrupted earlier run first
    VideoFiles.write(made, nativeFrames);
    Video delivered = FrameScaler.cover(made, plan.delivered());
    VideoFiles.write(delivered, folder.resolve(VideoFolders.VIDEO), tags);
    Previews.writeThumbnail(delivered, folder.resolve(VideoFolders.THUMBNAIL));
    Previews.writeSpritesheet(delivered, folder.resolve(VideoFolders.SPRITESHEET));
  }
}
