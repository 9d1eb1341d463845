package org.sora4j.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code sora4j} command: every tool of the project is a subcommand. */
@Command(
    name = "sora4j",
    mixinStandardHelpOptions = true,
    version = "sora4j 0.1.0",
    description = "Text-to-video diffusion on the JVM, with a physics world to learn from and a judge.",
    subcommands = {
      GenerateCommand.class,
      ImageCommand.class,
      AnimateCommand.class,
      ExtendCommand.class,
      ConnectCommand.class,
      EditCommand.class,
      InpaintCommand.class,
      OutpaintCommand.class,
      BlendCommand.class,
      EvalCommand.class,
      WorldCommand.class,
      JudgeCommand.class,
      TrainCommand.class,
      ExportCommand.class,
      VaeCommand.class,
      ServeCommand.class,
    })
public final class Sora4j implements Runnable {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(System.out);
  }

  /** Runs the command line and returns its exit code. */
  public static int execute(String... args) {
    CommandLine cli = new CommandLine(new Sora4j());
    cli.setExecutionExceptionHandler(new UserErrorHandler());
    // a mistyped option or value gets the one error line every other bad input gets, not the whole usage
    cli.setParameterExceptionHandler((e, given) -> {
      CommandLine failed = e.getCommandLine();
      failed.getErr().println(failed.getColorScheme().errorText("error: " + e.getMessage()
          + " (" + failed.getCommandSpec().qualifiedName() + " --help lists the options)"));
      return 2;
    });
    return cli.execute(args);
  }

  public static void main(String[] args) {
    System.exit(execute(args));
  }
}
