package org.sora4j.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.sora4j.core.video.Video;
import org.sora4j.media.VideoFiles;
import org.sora4j.world.judge.Judge;
import org.sora4j.world.judge.JudgeReport;
import org.sora4j.world.parse.ParsedPrompt;
import org.sora4j.world.parse.PromptParser;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code sora4j judge VIDEO "PROMPT"}: how well a video shows what a prompt asks for. */
@Command(
    name = "judge",
    mixinStandardHelpOptions = true,
    description = "Score a video against a prompt: each asked dimension in [0, 1], notes, and the overall score last.")
final class JudgeCommand implements Callable<Integer> {
  @Parameters(index = "0", paramLabel = "VIDEO", description = "The video: .mp4, .webm, .gif, .png or a folder of frames.")
  Path video;

  @Parameters(index = "1..*", arity = "1..*", paramLabel = "PROMPT", description = "What the video should show, e.g. \"a red ball falls on the grass\".")
  List<String> prompt;

  @Option(names = "--json", description = "Print the report as JSON instead.")
  boolean json;

  @Override
  public Integer call() throws Exception {
    String text = String.join(" ", prompt);
    ParsedPrompt parsed = PromptParser.parse(text);
    Video v = VideoFiles.read(video);
    JudgeReport report = new Judge().score(v, parsed.spec());
    if (json) {
      Map<String, Object> out = new LinkedHashMap<>();
      out.put("video", video.toString());
      out.put("prompt", text);
      out.put("unknownWords", parsed.unknownWords());
      out.put("dimensions", report.dimensions());
      out.put("notes", report.notes());
      out.put("score", round(report.overall()));
      System.out.println(new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(out));
      return 0;
    }
    if (!parsed.unknownWords().isEmpty()) {
      System.out.println("warning: ignored words: " + String.join(", ", parsed.unknownWords()));
    }
    System.out.printf(Locale.ROOT, "%s: %dx%d, %d frames at %s fps%n", video, v.width(), v.height(), v.frameCount(),
        v.fps() == Math.rint(v.fps()) ? Long.toString((long) v.fps()) : Double.toString(v.fps()));
    for (Map.Entry<String, Double> d : report.dimensions().entrySet()) {
      System.out.printf(Locale.ROOT, "  %-12s %.3f%n", d.getKey(), d.getValue());
    }
    for (String note : report.notes()) {
      System.out.println("  - " + note);
    }
    System.out.printf(Locale.ROOT, "score: %.3f%n", report.overall());
    return 0;
  }

  static double round(double v) {
    return Math.round(v * 1000) / 1000.0;
  }
}
