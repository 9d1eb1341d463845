package org.sora4j.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

/** Placeholder until the judge is built; its owner replaces this file. */
@Command(name = "judge", mixinStandardHelpOptions = true, description = "Score a video against a prompt (not built yet).")
final class JudgeCommand implements Callable<Integer> {
  @Override
  public Integer call() {
    System.err.println("judge: not built yet");
    return 1;
  }
}
