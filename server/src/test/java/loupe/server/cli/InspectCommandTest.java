// SPDX-License-Identifier: Apache-2.0
package loupe.server.cli;

import static loupe.server.cli.MaskFiles.CORPUS;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import loupe.psd.PsdReadOptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** `loupe inspect`: alpha channels and disabled vector masks shown, errors a user can act on. */
class InspectCommandTest {
  @TempDir
  Path tmp;

  /**
   * A file the reader had to correct says so, in inspect and in convert (whose output then differs
   * from the input in those bytes): luni-minimal counts padding it never wrote.
   */
  @Test
  void what_the_reader_corrected_is_reported_by_inspect_and_convert() throws Exception {
    String file = CORPUS.resolve("chinedufn__luni-minimal.psd").toString();
    CliRun text = CliRun.of("inspect", file);
    assertThat(text.exit()).as(text.err()).isZero();
    assertThat(text.out()).contains("Corrected when read: the last layer record declares");
    JsonNode json = new ObjectMapper().readTree(CliRun.of("inspect", file, "--json").out());
    assertThat(json.get("corrections")).hasSize(1);
    CliRun convert = CliRun.of("convert", file, tmp.resolve("luni.psd").toString());
    assertThat(convert.exit()).as(convert.err()).isZero();
    assertThat(convert.out()).contains("  corrected: the last layer record declares");
    CliRun clean = CliRun.of("inspect", CORPUS.resolve("twelvemonkeys__alpha-channels.psd").toString(), "--json");
    assertThat(new ObjectMapper().readTree(clean.out()).get("corrections")).isEmpty();
  }

  @Test
  void alpha_channels_are_listed_by_number_and_name_in_text_and_json() throws Exception {
    String file = CORPUS.resolve("twelvemonkeys__alpha-channels.psd").toString();
    CliRun text = CliRun.of("inspect", file);
    assertThat(text.exit()).as(text.err()).isZero();
    assertThat(text.out()).contains("Alpha channels: \n  1 \"Transparency\" (channel 3)\n  2 \"Alpha 1\" (channel 4)\n");
    CliRun json = CliRun.of("inspect", file, "--json");
    JsonNode alphas = new ObjectMapper().readTree(json.out()).get("alphaChannels");
    assertThat(alphas).hasSize(2);
    assertThat(alphas.get(1).get("index").asInt()).isEqualTo(2);
    assertThat(alphas.get(1).get("name").asText()).isEqualTo("Alpha 1");
  }

  /** "Lock all" is bit 31 of the stored flags: JSON gives them as stored, unsigned (it printed -2147483648). */
  @Test
  void lock_flags_are_given_unsigned_as_stored() throws Exception {
    loupe.psd.PsdDocument doc = loupe.psd.PsdReader.read(MaskFiles.EXAMPLE);
    loupe.psd.PsdLayer jewelry = doc.layers().stream().filter(l -> l.name().equals("Jewelry")).findFirst().orElseThrow();
    doc.lockLayer(jewelry, loupe.psd.PsdLayer.LOCK_ALL);
    Path locked = tmp.resolve("locked.psd");
    loupe.psd.PsdWriter.write(doc, locked);
    JsonNode json = new ObjectMapper().readTree(CliRun.of("inspect", locked.toString(), "--json").out());
    assertThat(json.findValues("lockFlags").stream().map(JsonNode::asLong)).contains(2147483648L)
        .allMatch(v -> v >= 0);
  }

  @Test
  void a_disabled_vector_mask_says_so() {
    CliRun run = CliRun.of("inspect", CORPUS.resolve("oovpsd__masks-vector-masks.psd").toString());
    assertThat(run.exit()).as(run.err()).isZero();
    assertThat(run.out()).containsPattern("\"vectorMask disabled\" .* vector-mask\\(disabled\\)");
  }

  @Test
  void a_truncated_header_is_named_once() throws Exception {
    Path file = Files.write(tmp.resolve("short.psd"), new byte[] {'8', 'B', 'P', 'S', 0, 1});
    CliRun run = CliRun.of("inspect", file.toString());
    assertThat(run.exit()).isEqualTo(2);
    assertThat(run.err()).contains("short.psd: file header: needs 26 bytes but only 6 remain").doesNotContain("the file header");
  }

  @Test
  void a_file_over_the_budget_is_refused_saying_how_to_raise_it() {
    System.setProperty(PsdReadOptions.MAX_SAMPLES_PROPERTY, "1000");
    try {
      CliRun run = CliRun.of("inspect", CORPUS.resolve("twelvemonkeys__alpha-channels.psd").toString());
      assertThat(run.exit()).isEqualTo(2);
      assertThat(run.err()).contains("over the budget of 1000 samples; set LOUPE_MAX_SAMPLES (or -Dloupe.maxSamples)")
          .doesNotContain("PsdReadOptions");
    } finally {
      System.clearProperty(PsdReadOptions.MAX_SAMPLES_PROPERTY);
    }
  }
}
