// SPDX-License-Identifier: Apache-2.0
package loupe.server.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileSystemException;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import loupe.engine.UnsuitableInputException;
import loupe.engine.recipe.FidelityViolationException;
import loupe.models.ModelException;
import loupe.server.LoupeInfo;
import loupe.server.UserError;
import loupe.server.io.FileErrors;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The `loupe` command line: subcommands, and one place that turns failures into one-line errors. */
@Command(name = "loupe", mixinStandardHelpOptions = true, version = LoupeInfo.NAME + " " + LoupeInfo.VERSION,
    description = "Jewelry-safe retouching: automation on the background, every jewelry pixel as shot.",
    subcommands = {RetouchCommand.class, ServeCommand.class, InspectCommand.class, ConvertCommand.class,
        ModelsCommand.class, MaskCommand.class},
    footer = "%nAlso: loupe bench [--quick] [--json FILE] [--scenes DIR] [--only ID,...] [--list]"
        + " (benchmarks; see docs/benchmarks.md)")
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
    // Every subcommand's help offers -V; it prints the same line as `loupe --version`.
    giveVersion(cli, cli.getCommandSpec().version());
    cli.setExecutionExceptionHandler((e, cmd, parsed) -> {
      cmd.getErr().println("loupe: " + message(e));
      Throwable cause = unwrap(e);
      return cause instanceof UserError || cause instanceof IOException || cause instanceof UnsuitableInputException
          ? 2 : 1;
    });
    cli.setParameterExceptionHandler((e, args1) -> {
      e.getCommandLine().getErr().println("loupe: " + e.getMessage());
      e.getCommandLine().getErr().println("(try: " + e.getCommandLine().getCommandSpec().qualifiedName() + " --help)");
      return 2;
    });
    return run(cli, args);
  }

  /**
   * Runs a command line. picocli's handler sees only exceptions: an OutOfMemoryError (`loupe mask`
   * of a large file under a small heap) ended the JVM with a stack trace; it is said as the rest are.
   */
  static int run(CommandLine cli, String... args) {
    try {
      return cli.execute(args);
    } catch (OutOfMemoryError e) {
      cli.getErr().println("loupe: " + message(e));
      return 2;
    }
  }

  private static void giveVersion(CommandLine command, String[] version) {
    for (CommandLine sub : command.getSubcommands().values()) {
      sub.getCommandSpec().version(version);
      giveVersion(sub, version);
    }
  }

  /** One line a user can act on; internal errors name their type so a bug report is useful. */
  static String message(Throwable thrown) {
    for (Throwable t = thrown; t != null; t = t.getCause()) {
      if (t instanceof OutOfMemoryError) {
        return "not enough memory for this file; raise it with LOUPE_JAVA_OPTS=-Xmx16g";
      }
    }
    Throwable e = unwrap(thrown);
    if (FileErrors.isDiskFull(e)) {
      // The OS's words alone, printed after the input's name, read as if the input were at fault.
      String writing = e instanceof FileSystemException f && f.getFile() != null ? " writing " + f.getFile() : "";
      String reason = e instanceof FileSystemException f ? f.getReason() : e.getMessage();
      return "the disk is full" + writing + " (" + reason + "); free some space, or write the output to another disk";
    }
    if (e instanceof FileSystemException f) {
      return FileErrors.describe(f);
    }
    if (e instanceof UserError || e instanceof IOException || e instanceof FidelityViolationException
        || e instanceof IllegalArgumentException || e instanceof ModelException) {
      return e.getMessage() != null ? e.getMessage() : e.getClass().getSimpleName();
    }
    return "internal error (" + e.getClass().getSimpleName() + "): " + e.getMessage();
  }

  /** The failure itself, not the wrappers a thread pool or a lambda put around it. */
  static Throwable unwrap(Throwable e) {
    Throwable t = e;
    while ((t instanceof ExecutionException || t instanceof CompletionException || t instanceof UncheckedIOException)
        && t.getCause() != null) {
      t = t.getCause();
    }
    return t;
  }
}
