package org.sora4j.cli;

import static org.assertj.core.api.Assertions.assertThat;

import ai.djl.ndarray.NDManager;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sora4j.core.checkpoint.ModelFolder;
import org.sora4j.core.checkpoint.StorageType;
import org.sora4j.core.pipeline.Denoiser;
import org.sora4j.core.pipeline.DenoiserConfig;
import org.sora4j.core.text.WordTokenizer;
import org.sora4j.core.vae.VaeConfig;
import org.sora4j.core.vae.VideoVae;
import org.sora4j.core.video.Video;
import org.sora4j.media.VideoFiles;
import org.sora4j.world.scene.SceneSpec;
import org.sora4j.world.sim.RenderOptions;
import org.sora4j.world.sim.WorldRenderer;

/** The generating commands end to end on tiny untrained models: files out, frames kept, bad input refused. */
class PromptingCommandsTest {
  @TempDir static Path dir;
  static Path dit;
  static Path vae;
  static Path clip;

  @BeforeAll
  static void models() throws IOException {
    dit = dir.resolve("dit");
    vae = dir.resolve("vae");
    try (NDManager manager = NDManager.newBaseManager()) {
      List<String> words = WordTokenizer.fit(List.of("One object: a small red ball. It falls and bounces on the grass,"
          + " at sunset, with natural light; the camera is static; normal speed.")).vocabulary();
      Denoiser denoiser = new Denoiser(DenoiserConfig.tiny(words, 8));
      denoiser.initialize(manager);
      ModelFolder.save(dit, denoiser.config(), denoiser, StorageType.F16);
      VideoVae model = new VideoVae(VaeConfig.tiny());
      model.initialize(manager);
      ModelFolder.save(vae, model.config(), model, StorageType.F16);
    }
    clip = dir.resolve("source.mp4");
    VideoFiles.write(WorldRenderer.render(SceneSpec.open().resolve(1), new RenderOptions(32, 32, 8, 1), 1).video(), clip);
  }

  private static int run(String... args) {
    List<String> all = new ArrayList<>(List.of(args));
    all.addAll(List.of("--model", dit.toString(), "--vae", vae.toString(), "--steps", "2"));
    return Sora4j.execute(all.toArray(String[]::new));
  }

  @Test
  void judgesEveryConditioningMode() {
    for (EvalCommand.Mode mode : EvalCommand.Mode.values()) {
      assertThat(run("eval", "--mode", mode.name(), "--limit", "1", "--size", "32x32")).as("mode %s", mode).isZero();
    }
    assertThat(run("eval", "--mode", "sideways", "--limit", "1")).isNotZero();
    assertThat(run("eval", "--mode", "loop", "--frame-by-frame", "--limit", "1")).isNotZero();
    assertThat(run("eval", "--mode", "edit", "--strength", "1.5", "--limit", "1")).isNotZero();
    assertThat(run("eval", "--mode", "image", "--long", "4", "--limit", "1")).isNotZero();
  }

  @Test
  void judgesEachPromptWithSeveralSeedsAndSaysHowFarTheScoreMoves() throws IOException {
    List<String> lines = VaeEvalCommandTest.run(0, "eval", "--seeds", "2", "--limit", "2", "--size", "32x32", "--json",
        "--model", dit.toString(), "--vae", vae.toString(), "--steps", "2");
    JsonNode out = new ObjectMapper().readTree(String.join("\n", lines));
    assertThat(out.get("prompts")).hasSize(4);
    assertThat(out.get("prompts").get(2).get("prompt").asText()).isEqualTo(out.get("prompts").get(0).get("prompt").asText());
    assertThat(out.get("prompts").get(3).get("seed").asLong()).isEqualTo(3);
    assertThat(out.get("seed_error").asDouble()).isBetween(0.0, 0.5);
    List<String> table = VaeEvalCommandTest.run(0, "eval", "--seeds", "2", "--limit", "1", "--size", "32x32",
        "--model", dit.toString(), "--vae", vae.toString(), "--steps", "2");
    assertThat(table.get(table.size() - 2)).startsWith("seed error: ");
    assertThat(table.get(table.size() - 1)).startsWith("score: ");
    assertThat(run("eval", "--seeds", "0", "--limit", "1")).isEqualTo(2);
    assertThat(run("eval", "--seeds", "2", "--long", "4", "--limit", "1")).isEqualTo(2);
  }

  @Test
  void steersAwayFromAWeakerModelWhenAskedAndRefusesHalfTheOptions() {
    // the tiny model guided away from itself: a run that loads both and samples through both
    assertThat(run("eval", "--limit", "1", "--size", "32x32", "--guide-model", dit.toString(), "--guide-weight", "2"))
        .isZero();
    assertThat(run("eval", "--limit", "1", "--guide-weight", "2")).isEqualTo(2);
    assertThat(run("eval", "--limit", "1", "--guide-model", dit.toString(), "--guide-weight", "-1")).isEqualTo(2);
    assertThat(run("eval", "--limit", "1", "--mode", "autoencoded", "--guide-model", dit.toString())).isEqualTo(2);
    assertThat(run("eval", "--limit", "1", "--guide-model", dir.resolve("nothing").toString())).isEqualTo(2);
  }

  @Test
  void judgesLongVideosWindowByWindow() {
    Path plot = dir.resolve("windows.png");
    assertThat(run("eval", "--long", "4", "--window", "2", "--limit", "2", "--size", "32x32", "--plot", plot.toString()))
        .isZero();
    assertThat(plot).isNotEmptyFile();
    assertThat(run("eval", "--plot", plot.toString(), "--limit", "1", "--size", "32x32")).isNotZero();
    // a plot that could not be written is refused before the evaluation, not after it
    assertThat(run("eval", "--long", "4", "--window", "2", "--limit", "1", "--plot", dir.resolve("no/such/w.png").toString()))
        .isEqualTo(2);
    assertThat(run("eval", "--long", "4", "--window", "2", "--limit", "1", "--plot", dir.resolve("w.jpg").toString()))
        .isEqualTo(2);
    assertThat(run("eval", "--long", "4", "--limit", "0", "--size", "32x32")).isNotZero();
    assertThat(run("eval", "--long", "1", "--window", "2", "--limit", "1", "--size", "32x32")).isNotZero();
  }

  @Test
  void generatesVideosImagesAndLoops() throws IOException {
    Path out = dir.resolve("gen.mp4");
    assertThat(run("generate", "a red ball bounces", "--size", "32x32", "--seconds", "1", "-o", out.toString())).isZero();
    assertThat(VideoFiles.read(out).frameCount()).isEqualTo(8);
    Path onePass = dir.resolve("one-pass.mp4");
    assertThat(run("generate", "a red ball bounces", "--size", "32x32", "--seconds", "1", "--one-pass",
        "-o", onePass.toString())).isZero();
    assertThat(VideoFiles.read(onePass).frameCount()).isEqualTo(8);
    Path image = dir.resolve("image.png");
    assertThat(run("image", "a red ball", "--size", "48x32", "-o", image.toString())).isZero();
    assertThat(VideoFiles.read(image).width()).isEqualTo(48);
    Path loop = dir.resolve("loop.gif");
    assertThat(run("generate", "a red ball", "--size", "32x32", "--seconds", "1", "--loop", "-o", loop.toString())).isZero();
    assertThat(VideoFiles.read(loop).frameCount()).isEqualTo(8);
  }

  @Test
  void animatesExtendsConnectsAndEdits() throws IOException {
    Video source = VideoFiles.read(clip);
    Path still = dir.resolve("still.png");
    VideoFiles.write(source.slice(0, 1), still);
    Path animated = dir.resolve("animated.mp4");
    assertThat(run("animate", still.toString(), "a red ball rolls", "--seconds", "1", "-o", animated.toString())).isZero();
    assertThat(VideoFiles.read(animated).frameCount()).isEqualTo(8);
    Path extended = dir.resolve("extended.mp4");
    assertThat(run("extend", clip.toString(), "a red ball", "--seconds", "1", "--backward", "-o", extended.toString())).isZero();
    assertThat(VideoFiles.read(extended).frameCount()).isEqualTo(16);
    Path joined = dir.resolve("joined.mp4");
    assertThat(run("connect", clip.toString(), clip.toString(), "a red ball", "--seconds", "1", "-o", joined.toString())).isZero();
    assertThat(VideoFiles.read(joined).frameCount()).isGreaterThan(16);
    // an image has no frame rate of its own: new frames around it come at --fps, not the 24 it is read at
    Path grown = dir.resolve("grown.mp4");
    assertThat(run("extend", still.toString(), "a red ball", "--seconds", "1", "-o", grown.toString())).isZero();
    assertThat(VideoFiles.read(grown).fps()).isEqualTo(8.0);
    assertThat(VideoFiles.read(grown).frameCount()).isEqualTo(9);
    // two videos at different rates, or --fps against a video's own rate, are refused
    Path fast = dir.resolve("fast.mp4");
    VideoFiles.write(source.withFps(24), fast);
    assertThat(run("connect", clip.toString(), fast.toString(), "a red ball", "--seconds", "1", "-o", dir.resolve("x.mp4").toString()))
        .isEqualTo(2);
    assertThat(run("extend", clip.toString(), "a red ball", "--seconds", "1", "--fps", "16", "-o", dir.resolve("y.mp4").toString()))
        .isEqualTo(2);
    Path edited = dir.resolve("edited.mp4");
    assertThat(run("edit", clip.toString(), "the ball is blue", "--strength", "0.5", "-o", edited.toString())).isZero();
    assertThat(VideoFiles.read(edited).frameCount()).isEqualTo(8);
  }

  @Test
  void inpaintsOutpaintsAndBlends() throws IOException {
    Path inpainted = dir.resolve("inpainted.mp4");
    assertThat(run("inpaint", clip.toString(), "a blue ball", "--box", "0,0,16,16,0,0.5", "-o", inpainted.toString())).isZero();
    assertThat(VideoFiles.read(inpainted).frameCount()).isEqualTo(8);
    Path wide = dir.resolve("wide.mp4");
    assertThat(run("outpaint", clip.toString(), "a red ball", "--size", "64x32", "-o", wide.toString())).isZero();
    assertThat(VideoFiles.read(wide).width()).isEqualTo(64);
    Path blended = dir.resolve("blended.mp4");
    assertThat(run("blend", clip.toString(), clip.toString(), "a red ball", "--weight", "0.3", "-o", blended.toString())).isZero();
    assertThat(VideoFiles.read(blended).frameCount()).isEqualTo(8);
    assertThat(run("inpaint", clip.toString(), "a ball", "--box", "0,0,40,8")).isEqualTo(2);
    assertThat(run("inpaint", clip.toString(), "a ball", "--box", "a,b")).isEqualTo(2);
    assertThat(run("inpaint", clip.toString(), "a ball", "--mask", dir.resolve("still.png").toString().replace("still", "none"))).isEqualTo(2);
    assertThat(run("outpaint", clip.toString(), "a ball", "--size", "16x16")).isEqualTo(2);
    assertThat(run("outpaint", clip.toString(), "a ball", "--size", "32x32")).isEqualTo(2); // its own size grows nothing
    assertThat(run("blend", clip.toString(), clip.toString(), "a ball", "--weight", "-1")).isEqualTo(2);
  }

  @Test
  void badInputExitsWithTwo() {
    assertThat(run("generate", " ", "-o", dir.resolve("x.mp4").toString())).isEqualTo(2);
    assertThat(run("generate", "a ball", "--size", "40x40", "-o", dir.resolve("x.mp4").toString())).isEqualTo(2);
    assertThat(run("generate", "a ball", "--seconds", "0")).isEqualTo(2);
    assertThat(run("generate", "a ball", "-o", dir.resolve("x.avi").toString())).isEqualTo(2);
    assertThat(run("edit", clip.toString(), "blue", "--strength", "1.5")).isEqualTo(2);
    assertThat(run("extend", dir.resolve("missing.mp4").toString(), "a ball", "--seconds", "1")).isEqualTo(2);
    assertThat(run("animate", clip.toString(), "a ball", "--at", "middle")).isEqualTo(2);
    assertThat(Sora4j.execute("generate", "a ball", "--model", dir.resolve("nothing").toString())).isEqualTo(2);
  }

  @Test
  void unreadableSourcesAndMasksOfTheWrongSizeExitWithTwo() throws IOException {
    Path garbage = dir.resolve("garbage.mp4");
    Files.write(garbage, new byte[] {1, 2, 3, 4, 5, 6, 7, 8});
    Files.write(dir.resolve("garbage.png"), new byte[] {1, 2, 3, 4, 5, 6, 7, 8});
    assertThat(run("extend", garbage.toString(), "a ball", "--seconds", "1")).isEqualTo(2);
    assertThat(run("animate", dir.resolve("garbage.png").toString(), "a ball")).isEqualTo(2);
    Path smallMask = dir.resolve("small-mask.png");
    VideoFiles.write(VideoFiles.read(clip).crop(0, 0, 16, 16).slice(0, 1), smallMask);
    assertThat(run("inpaint", clip.toString(), "a ball", "--mask", smallMask.toString())).isEqualTo(2);
    assertThat(run("edit", clip.toString(), "a ball", "--strength", "-0.1")).isEqualTo(2);
  }
}
