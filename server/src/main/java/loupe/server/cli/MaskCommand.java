// SPDX-License-Identifier: Apache-2.0
package loupe.server.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import loupe.engine.Progress;
import loupe.engine.UnsuitableInputException;
import loupe.engine.alg.lumamask.MaskSpec;
import loupe.engine.recipe.ModelUse;
import loupe.psd.PsdDocument;
import loupe.psd.SavedPath;
import loupe.server.masks.DocumentMasks;
import loupe.server.masks.MaskInput;
import loupe.server.masks.PngMaskFiles;
import loupe.server.masks.PsdMaskCopy;
import loupe.server.retouch.ProductMasks;
import loupe.server.UserError;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * `loupe mask`: the product mask (and luminosity masks) of a file as 16-bit PNGs (in a folder, or a
 * named file with the others beside it), or as alpha channels or group layer masks of a PSD/PSB copy.
 * Arguments and targets are checked before anything is computed, so a bad call writes nothing; the
 * input is only read.
 */
@Command(name = "mask", mixinStandardHelpOptions = true,
    description = "Write the product mask (and luminosity masks) as 16-bit gray PNGs, or add them to a copy of a "
        + "PSD/PSB (of a PNG, TIFF or JPEG: a PSD of its pixels) as alpha channels or layer masks.")
final class MaskCommand implements Callable<Integer> {
  @Parameters(index = "0", paramLabel = "FILE", description = "PSD, PSB, PNG, TIFF or JPEG.")
  Path input;

  @Option(names = {"--source", "--mask"}, paramLabel = "SOURCE",
      description = "layer, auto, auto:classical, auto:isnet, path[:NAME], channel:NAME or channel:N (N from 1, as "
          + "loupe inspect lists them) (default: layer when the document has a protected layer, else the file's clipping path (PSD, TIFF, JPEG), else auto: as retouch).")
  String source;

  @Option(names = "--protect", paramLabel = "LAYER",
      description = "Name of the protected jewelry layer (default: the documented rule).")
  String protect;

  @Option(names = "--luminosity", paramLabel = "NAMES",
      description = "Also these luminosity masks, comma-separated: lights1..6, darks1..6, midtones1..5, red-/green-/blue-/"
          + "neutral- versions, zone:A-B of two of those (e.g. zone:lights2-lights4), saturation, diamond-highlights, "
          + "metal-shadows.")
  String luminosity;

  @Option(names = "--out", required = true, paramLabel = "FOLDER|FILE.png|FILE.psd",
      description = "A folder for PNGs (<name>.mask.png, <name>.protection.png for an automatic mask, "
          + "<name>.lights3.png, ...); a .png file for the product mask (the others beside it: FILE.lights3.png, "
          + "...); or a .psd/.psb path for a copy of the input with the masks as alpha channels (of a PNG, TIFF or "
          + "JPEG: a PSD of its pixels).")
  Path out;

  @Option(names = "--as", paramLabel = "channels|layer-masks", converter = FormConverter.class,
      description = "How masks go into a PSD/PSB copy: alpha channels (default), or layer masks of empty groups in a "
          + "group '" + PsdMaskCopy.GROUP_NAME + "' on top (drop adjustment layers into a group to work through its mask).")
  PsdMaskCopy.Form form = PsdMaskCopy.Form.CHANNELS;

  @Option(names = "--force", description = "Replace outputs that already exist.")
  boolean force;

  @Override
  public Integer call() throws Exception {
    List<MaskSpec> specs = DocumentMasks.parseLuminosity(luminosity);
    MaskInput in = MaskInput.read(input);
    String name = out.getFileName() == null ? "" : out.getFileName().toString().toLowerCase(Locale.ROOT);
    boolean psd = name.endsWith(".psd") || name.endsWith(".psb");
    // A folder named like another image format (c.tif) is almost surely a mistyped file name.
    if (!Files.isDirectory(out) && name.matches(".*\\.(tiff?|jpe?g)")) {
      throw new UserError("--out " + out + ": masks are written as 16-bit gray PNGs; name a .png file, a folder, "
          + "or a .psd/.psb copy, not a " + name.substring(name.lastIndexOf('.') + 1).toUpperCase(Locale.ROOT) + " file");
    }
    if (!psd && form != PsdMaskCopy.Form.CHANNELS) {
      throw new UserError("--as " + FormConverter.name(form) + " needs a .psd/.psb --out (PNG masks are files of their own)");
    }
    String resolved = DocumentMasks.source(in, source, protect);
    requireSavedPath(in, resolved);
    boolean protection = DocumentMasks.hasProtection(resolved);
    PsdMaskCopy copy = psd ? PsdMaskCopy.plan(out, in, specs, protection, form, force) : null;
    PngMaskFiles pngs = psd ? null : PngMaskFiles.plan(out, input, specs, protection, force);
    // Tried before the masks are computed, so that a folder that cannot be written is named as --out at once.
    WritableFolder.require("--out", out, psd ? out.toAbsolutePath().getParent() : pngs.folder());
    DocumentMasks masks;
    try {
      masks = DocumentMasks.compute(in, source, protect, specs, new ProductMasks(), Progress.NONE);
    } catch (UnsuitableInputException e) {
      throw UserError.about(input, e);
    }
    if (copy != null) {
      System.out.println("✓ " + copy.write(masks) + ": " + (form == PsdMaskCopy.Form.CHANNELS ? "alpha channels "
          : "layer masks of the groups in '" + PsdMaskCopy.GROUP_NAME + "': ") + String.join(", ",
          quoted(PsdMaskCopy.channelNames(specs, protection))) + " (product mask from " + masks.source() + ")");
    } else {
      List<Path> files = pngs.write(masks);
      System.out.println("✓ product mask (" + masks.source() + ") → " + files.get(0));
      for (Path f : files.subList(1, files.size())) {
        System.out.println("  " + f);
      }
    }
    if (protection) {
      System.out.println("  the protection is what a retouch job keeps as shot: the automatic mask with its safety "
          + "margin (docs/recipes.md)");
    }
    for (ModelUse m : masks.models()) {
      System.out.println("  " + m.step() + " by " + m.id() + " " + m.variant() + " (sha256 " + m.sha256() + ")");
    }
    // As a retouch job's notes: which segmenter made an automatic mask, and why not the installed model.
    for (String note : masks.notes()) {
      System.out.println("  note: " + note);
    }
    return 0;
  }

  /**
   * A path source needs a path to use. Refused here, in this command's words (--source, not retouch's
   * --mask), and before any output is planned; a named path that is missing is refused with the others.
   */
  private static void requireSavedPath(MaskInput in, String source) {
    PsdDocument doc = in.document();
    if (!ProductMasks.kindOf(source).equals("path")) {
      return;
    }
    if (doc.paths().isEmpty()) {
      throw new UserError(in.file() + ": the document has no saved paths for --source " + source
          + " (use --source auto, or save the outline as a path in Photoshop)");
    }
    boolean named = source.contains(":") && !source.substring(source.indexOf(':') + 1).isEmpty();
    if (!named && doc.clippingPath() == null) {
      throw new UserError(in.file() + ": the document has no clipping path; name one of its saved paths with "
          + "--source path:NAME (" + String.join(", ", quoted(doc.paths().stream().map(SavedPath::name).toList())) + ")");
    }
  }

  /** {@code channels} / {@code layer-masks} on the command line. */
  static final class FormConverter implements CommandLine.ITypeConverter<PsdMaskCopy.Form> {
    @Override
    public PsdMaskCopy.Form convert(String value) {
      for (PsdMaskCopy.Form f : PsdMaskCopy.Form.values()) {
        if (name(f).equals(value.trim().toLowerCase(Locale.ROOT))) {
          return f;
        }
      }
      throw new CommandLine.TypeConversionException("'" + value + "' is not channels or layer-masks");
    }

    static String name(PsdMaskCopy.Form f) {
      return f.name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
  }

  private static List<String> quoted(List<String> names) {
    return names.stream().map(n -> "'" + n + "'").toList();
  }
}
