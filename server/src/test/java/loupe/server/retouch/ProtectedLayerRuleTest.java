// SPDX-License-Identifier: Apache-2.0
package loupe.server.retouch;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import loupe.psd.PsdDocument;
import loupe.psd.PsdReader;
import org.junit.jupiter.api.Test;

/**
 * The jewelry layer is looked for among the layers the document shows. psd-rb's example keeps three
 * versions of one design in groups, two of them hidden, each with a full-frame "Matte".
 */
class ProtectedLayerRuleTest {
  static final Path VERSIONS = Path.of(System.getProperty("loupe.shared"), "psd-corpus/psdrb__example-groups-vectors.psd");

  /** The Mattes of the hidden versions were candidates ("several layers could hold the jewelry ([Matte, Matte])"). */
  @Test
  void layers_in_hidden_groups_are_not_candidates() throws Exception {
    PsdDocument doc = PsdReader.read(VERSIONS);
    // The shown version's Matte is the bottom layer, so nothing is left to guess: a photograph.
    assertThat(ProtectedLayerRule.find(doc, null, "versions.psd")).isNull();
  }

  /** --protect Matte took the topmost Matte, in hidden "Version C", which was then refused as hidden. */
  @Test
  void a_requested_name_means_the_layer_the_document_shows() throws Exception {
    PsdDocument doc = PsdReader.read(VERSIONS);
    assertThat(ProtectedLayerRule.find(doc, "Matte", "versions.psd").layerId()).isEqualTo(2);
    assertThat(ProtectedLayerRule.shown(doc, ProtectedLayerRule.find(doc, "Matte", "versions.psd"))).isTrue();
  }

  /** --protect naming an empty layer said "no pixel layer named 'Jewelry'" while the layer was there (a reviewer's probe). */
  @Test
  void a_requested_layer_that_is_empty_is_said_to_be_empty() throws Exception {
    PsdDocument doc = PsdReader.read(VERSIONS);
    doc.addLayer(doc.layers().size(), loupe.psd.PsdLayer.newPixelLayer("Jewelry", 0, 0, 0, 0, doc.depth(),
        new byte[][] {new byte[0], new byte[0], new byte[0]}, new byte[0]));
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> ProtectedLayerRule.find(doc, "Jewelry", "ring.psd"))
        .isInstanceOf(loupe.server.UserError.class).hasMessageStartingWith("ring.psd: the layer 'Jewelry' is empty");
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> ProtectedLayerRule.find(doc, "Nope", "ring.psd"))
        .hasMessageStartingWith("ring.psd: no pixel layer named 'Nope'");
  }
}
