// SPDX-License-Identifier: Apache-2.0
package loupe.server.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import loupe.psd.Compression;
import loupe.psd.PsdReader;
import loupe.psd.PsdWriteOptions;
import loupe.psd.PsdWriteResult;
import loupe.psd.PsdWriter;
import loupe.server.io.FileErrors;
import loupe.server.UserError;
import loupe.server.io.SamePlace;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * `loupe convert`: rewrite a document through Loupe's reader and writer (PSD ↔ PSB by OUT's extension;
 * with --compression, every channel encoded anew, RLE ↔ ZIP).
 */
@Command(name = "convert", mixinStandardHelpOptions = true,
    description = "Rewrite a PSD/PSB through Loupe's reader and writer.")
final class ConvertCommand implements Callable<Integer> {
  @Parameters(index = "0", paramLabel = "IN")
  Path in;

  @Parameters(index = "1", paramLabel = "OUT")
  Path out;

  @Option(names = "--compression", paramLabel = "rle|zip",
      description = "Store every layer channel and layer mask in this compression (the composite is always RLE). "
          + "Without it, channels keep their stored bytes and compression, and only changed ones are written RLE.")
  String compression;

  @Option(names = "--force", description = "Overwrite OUT if it exists (default: refuse).")
  boolean force;

  @Override
  public Integer call() throws Exception {
    FileErrors.requireFile(in);
    if (SamePlace.is(in, out)) {
      throw new UserError("OUT must differ from IN: Loupe never modifies an input file");
    }
    // The format follows OUT's extension, as in Photoshop's Save As.
    String name = out.getFileName().toString().toLowerCase(Locale.ROOT);
    if (!name.endsWith(".psb") && !name.endsWith(".psd")) {
      throw new UserError(out + ": convert writes PSD or PSB; name OUT .psd or .psb");
    }
    if (Files.isDirectory(out)) {
      throw new UserError(out + ": is a folder; OUT names the file to write");
    }
    if (Files.exists(out) && !force) {
      throw new UserError(out + ": exists; use --force to overwrite it");
    }
    PsdWriteOptions options = compression == null ? PsdWriteOptions.DEFAULT
        : PsdWriteOptions.reencodingAll(switch (compression.toLowerCase(Locale.ROOT)) {
          case "rle" -> Compression.RLE;
          case "zip" -> Compression.ZIP;
          default -> throw new UserError("--compression must be rle or zip, got '" + compression + "'");
        });
    var doc = PsdReader.read(in);
    try {
      doc.setLargeFormat(name.endsWith(".psb"));
    } catch (IllegalArgumentException e) {
      throw new UserError(in + ": " + e.getMessage() + " (name OUT .psb)");
    }
    PsdWriteResult result = PsdWriter.write(doc, out, options);
    System.out.printf("%s → %s (%s, %,d bytes)%n", in, out, result.psb() ? "PSB" : "PSD", result.bytes());
    // The output differs from the input where the reader had to correct it: say where.
    doc.corrections().forEach(c -> System.out.println("  corrected: " + c));
    return 0;
  }
}
