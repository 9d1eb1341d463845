package org.sora4j.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import picocli.CommandLine;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.ParseResult;

/**
 * Turns a failure into one clear line on stderr and a non-zero exit code. Bad input (an {@link
 * IllegalArgumentException} or an I/O problem) exits with 2 like picocli's own usage errors; any
 * other failure is a bug, exits with 1 and keeps its stack trace.
 */
final class UserErrorHandler implements IExecutionExceptionHandler {
  @Override
  public int handleExecutionException(Exception e, CommandLine cli, ParseResult parsed) {
    Throwable cause = e;
    if (cause instanceof UncheckedIOException u) {
      cause = u.getCause();
    }
    boolean userError = cause instanceof IllegalArgumentException || cause instanceof IOException
        || cause instanceof IllegalStateException;
    String message = cause.getMessage() == null ? cause.toString() : cause.getMessage();
    cli.getErr().println(cli.getColorScheme().errorText("error: " + message));
    if (!userError) {
      cause.printStackTrace(cli.getErr());
      return 1;
    }
    return 2;
  }
}
