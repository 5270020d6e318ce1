// SPDX-License-Identifier: Apache-2.0
package loupe.server.cli;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import loupe.engine.Progress;
import loupe.engine.alg.lumamask.MaskSpec;
import loupe.engine.recipe.ModelUse;
import loupe.server.masks.DocumentMasks;
import loupe.server.masks.MaskInput;
import loupe.server.masks.PngMaskFolder;
import loupe.server.masks.PsdMaskCopy;
import loupe.server.retouch.ProductMasks;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * `loupe mask`: the product mask (and luminosity masks) of a file as 16-bit PNGs in a folder, or as
 * alpha channels of a PSD/PSB copy. Arguments and targets are checked before anything is computed,
 * so a bad call writes nothing; the input is only read.
 */
@Command(name = "mask", mixinStandardHelpOptions = true,
    description = "Write the product mask (and luminosity masks) as 16-bit gray PNGs, or add them to a copy of a "
        + "PSD/PSB as alpha channels.")
final class MaskCommand implements Callable<Integer> {
  @Parameters(index = "0", paramLabel = "FILE", description = "PSD, PSB, PNG, TIFF or JPEG.")
  Path input;

  @Option(names = {"--source", "--mask"}, paramLabel = "SOURCE",
      description = "layer, auto, auto:isnet, path[:NAME] or channel:NAME "
          + "(default: layer when the document has a protected layer, else auto).")
  String source;

  @Option(names = "--protect", paramLabel = "LAYER",
      description = "Name of the protected jewelry layer (default: the documented rule).")
  String protect;

  @Option(names = "--luminosity", paramLabel = "NAMES",
      description = "Also these luminosity masks, comma-separated: lights1..6, darks1..6, midtones1..5, red-/green-/blue-/"
          + "neutral- versions, zone:A-B, saturation, diamond-highlights, metal-shadows.")
  String luminosity;

  @Option(names = "--out", required = true, paramLabel = "FOLDER|FILE.psd",
      description = "A folder for PNGs (<name>.mask.png, <name>.lights3.png, ...), or a .psd/.psb path for a copy "
          + "of the input with the masks as alpha channels.")
  Path out;

  @Option(names = "--force", description = "Replace outputs that already exist.")
  boolean force;

  @Override
  public Integer call() throws Exception {
    List<MaskSpec> specs = DocumentMasks.parseLuminosity(luminosity);
    MaskInput in = MaskInput.read(input);
    String name = out.getFileName() == null ? "" : out.getFileName().toString().toLowerCase(Locale.ROOT);
    boolean psd = name.endsWith(".psd") || name.endsWith(".psb");
    PsdMaskCopy copy = psd ? PsdMaskCopy.plan(out, in, specs, force) : null;
    PngMaskFolder folder = psd ? null : PngMaskFolder.plan(out, input, specs, force);
    DocumentMasks masks = DocumentMasks.compute(in, source, protect, specs, new ProductMasks(), Progress.NONE);
    if (copy != null) {
      System.out.println("✓ " + copy.write(in, masks) + ": alpha channels " + String.join(", ",
          quoted(DocumentMasks.PRODUCT_CHANNEL_NAME, specs)) + " (product mask from " + masks.source() + ")");
    } else {
      List<Path> files = folder.write(masks);
      System.out.println("✓ product mask (" + masks.source() + ") → " + files.get(0));
      for (Path f : files.subList(1, files.size())) {
        System.out.println("  " + f);
      }
    }
    for (ModelUse m : masks.models()) {
      System.out.println("  " + m.step() + " by " + m.id() + " " + m.variant() + " (sha256 " + m.sha256() + ")");
    }
    return 0;
  }

  private static List<String> quoted(String product, List<MaskSpec> specs) {
    return java.util.stream.Stream.concat(java.util.stream.Stream.of(product), specs.stream().map(MaskSpec::name))
        .map(n -> "'" + n + "'").toList();
  }
}
