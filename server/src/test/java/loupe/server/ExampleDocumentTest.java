// SPDX-License-Identifier: Apache-2.0
package loupe.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import loupe.psd.PsdChannel;
import loupe.psd.PsdDocument;
import loupe.psd.PsdLayer;
import loupe.psd.PsdReader;
import loupe.psd.PsdWriter;
import org.junit.jupiter.api.Test;

/**
 * The bundled example is exactly what {@link ExampleDocuments} builds from the shared dev01 scene.
 * Regenerate it with {@code mvn -pl server test -Dtest=ExampleDocumentTest -Dloupe.writeExamples=true}.
 */
class ExampleDocumentTest {
  static final Path ROOT = Path.of(System.getProperty("loupe.root", ".."));
  static final Path SHARED = Path.of(System.getProperty("loupe.shared", "../../shared"));
  static final Path SOLITAIRE = ROOT.resolve("examples/solitaire.psd");

  @Test
  void bundled_example_matches_the_dev01_scene() throws Exception {
    PsdDocument built = ExampleDocuments.solitaire(SHARED);
    if (Boolean.getBoolean("loupe.writeExamples")) {
      PsdWriter.write(built, SOLITAIRE);
    }
    PsdDocument shipped = PsdReader.read(SOLITAIRE);
    assertThat(shipped.width()).isEqualTo(built.width());
    assertThat(shipped.height()).isEqualTo(built.height());
    assertThat(shipped.layers()).extracting(PsdLayer::name).containsExactly("Background", "Jewelry");
    for (int i = 0; i < 2; i++) {
      PsdLayer a = built.layers().get(i);
      PsdLayer b = shipped.layers().get(i);
      assertThat(new int[] {b.top(), b.left(), b.bottom(), b.right()})
          .containsExactly(a.top(), a.left(), a.bottom(), a.right());
      for (PsdChannel c : a.channels()) {
        assertThat(b.channel(c.id()).decoded()).as("layer %s channel %d", a.name(), c.id()).isEqualTo(c.decoded());
      }
    }
  }
}
