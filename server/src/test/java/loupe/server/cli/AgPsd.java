// SPDX-License-Identifier: Apache-2.0
package loupe.server.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Assumptions;

/**
 * ag-psd (Node, an independent reader) through {@code tools/agpsd-oracle/read.mjs}: its view of a
 * PSD as JSON. Skips the calling test, saying why, when the oracle is not installed.
 */
final class AgPsd {
  private AgPsd() {}

  /** @param options read.mjs options, e.g. {@code --pixels} */
  static JsonNode read(Path file, String... options) throws Exception {
    Path oracle = Path.of(System.getProperty("loupe.root"), "tools/agpsd-oracle");
    Assumptions.assumeTrue(Files.isDirectory(oracle.resolve("node_modules/ag-psd")),
        "ag-psd is not installed: run npm ci --prefix tools/agpsd-oracle (./run-tests does)");
    List<String> command = new ArrayList<>(List.of("node", oracle.resolve("read.mjs").toString()));
    command.addAll(List.of(options));
    command.add(file.toString());
    Process p = new ProcessBuilder(command).start();
    byte[] json = p.getInputStream().readAllBytes();
    assertThat(p.waitFor()).as(new String(p.getErrorStream().readAllBytes())).isZero();
    return new ObjectMapper().readTree(json);
  }
}
