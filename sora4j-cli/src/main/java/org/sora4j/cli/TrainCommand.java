package org.sora4j.cli;

import picocli.CommandLine.Command;

/** {@code sora4j train ...}: one subcommand per model that can be trained. */
@Command(
    name = "train",
    mixinStandardHelpOptions = true,
    description = "Train a model on world clips or a folder of videos.",
    subcommands = {TrainVaeCommand.class, TrainDitCommand.class})
final class TrainCommand implements Runnable {
  @picocli.CommandLine.Spec picocli.CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(System.out);
  }
}
