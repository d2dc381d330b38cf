package dev.scalpel.cli;

import dev.scalpel.core.data.DataFormatException;
import dev.scalpel.core.io.ModelFormatException;
import dev.scalpel.embed.EncoderException;
import java.io.UncheckedIOException;
import picocli.CommandLine;

/**
 * Turns the errors a user can cause (bad data, a bad model file, a missing encoder, an unreadable
 * file) into one line on stderr and exit code 1. Anything else is a bug in Scalpel and keeps its
 * stack trace.
 */
final class UserErrors implements CommandLine.IExecutionExceptionHandler {
  @Override
  public int handleExecutionException(
      Exception e, CommandLine commandLine, CommandLine.ParseResult parseResult) throws Exception {
    if (e instanceof DataFormatException
        || e instanceof ModelFormatException
        || e instanceof EncoderException
        || e instanceof UncheckedIOException
        || e instanceof CliException
        || e instanceof dev.scalpel.flywheel.RegistryException
        || e instanceof dev.scalpel.gateway.config.ConfigException
        || e instanceof dev.scalpel.gateway.accounting.RequestLogException
        || e instanceof dev.scalpel.gateway.review.ReviewException
        || e instanceof IllegalArgumentException) {
      commandLine.getErr().println("error: " + e.getMessage());
      return 1;
    }
    throw e;
  }
}
