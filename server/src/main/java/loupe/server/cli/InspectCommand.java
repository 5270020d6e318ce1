// SPDX-License-Identifier: Apache-2.0
package loupe.server.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import loupe.psd.PsdReader;
import loupe.psd.PsdSummary;
import loupe.server.io.FileErrors;
import loupe.server.retouch.StoredMaskCheck;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** `loupe inspect`: the layer tree, masks, locks, paths, alpha channels and colour facts of a PSD/PSB. */
@Command(name = "inspect", mixinStandardHelpOptions = true, description = "Show a PSD/PSB's layers, masks, locks, paths, alpha channels and profile.")
final class InspectCommand implements Callable<Integer> {
  @Parameters(paramLabel = "FILE")
  Path file;

  @Option(names = "--json", description = "Print JSON instead of text.")
  boolean json;

  @Override
  public Integer call() throws Exception {
    FileErrors.requireFile(file);
    // Judged as a job would read it: a stale rendering of a vector mask shows as not usable.
    PsdSummary summary = PsdSummary.of(StoredMaskCheck.setAsideStale(PsdReader.read(file)));
    if (json) {
      System.out.println(new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(summary));
    } else {
      System.out.print(summary.toText());
    }
    return 0;
  }
}
