// SPDX-License-Identifier: Apache-2.0
package loupe.server.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import loupe.engine.recipe.FidelityViolationException;
import loupe.server.LoupeInfo;
import loupe.server.UserError;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The `loupe` command line: subcommands, and one place that turns failures into one-line errors. */
@Command(name = "loupe", mixinStandardHelpOptions = true, version = LoupeInfo.NAME + " " + LoupeInfo.VERSION,
    description = "Jewelry-safe retouching: automation on the background, every jewelry pixel as shot.",
    subcommands = {RetouchCommand.class, ServeCommand.class, InspectCommand.class, ConvertCommand.class,
        ModelsCommand.class, MaskCommand.class},
    footer = "%nAlso: loupe bench [--quick] [--json FILE] (benchmarks; see docs/benchmarks.md)")
public final class LoupeCli implements Runnable {
  @Override
  public void run() {
    CommandLine.usage(this, System.out);
  }

  public static void main(String[] args) {
    System.exit(execute(args));
  }

  /** Runs the CLI and returns its exit code (tests call this instead of main). */
  public static int execute(String... args) {
    CommandLine cli = new CommandLine(new LoupeCli());
    cli.setExecutionExceptionHandler((e, cmd, parsed) -> {
      cmd.getErr().println("loupe: " + message(e));
      return e instanceof UserError || e instanceof IOException || e instanceof UncheckedIOException ? 2 : 1;
    });
    cli.setParameterExceptionHandler((e, args1) -> {
      e.getCommandLine().getErr().println("loupe: " + e.getMessage());
      e.getCommandLine().getErr().println("(try: loupe " + e.getCommandLine().getCommandName() + " --help)");
      return 2;
    });
    return cli.execute(args);
  }

  /** One line a user can act on; internal errors name their type so a bug report is useful. */
  static String message(Throwable e) {
    if (e instanceof UncheckedIOException u && u.getCause() != null) {
      return u.getCause().getMessage();
    }
    if (e instanceof UserError || e instanceof IOException || e instanceof UncheckedIOException
        || e instanceof FidelityViolationException || e instanceof IllegalArgumentException) {
      return e.getMessage();
    }
    if (e instanceof OutOfMemoryError) {
      return "not enough memory for this file; raise it with LOUPE_JAVA_OPTS=-Xmx16g";
    }
    return "internal error (" + e.getClass().getSimpleName() + "): " + e.getMessage();
  }
}
