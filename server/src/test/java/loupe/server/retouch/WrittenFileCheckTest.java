// SPDX-License-Identifier: Apache-2.0
package loupe.server.retouch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.function.Consumer;
import loupe.engine.Progress;
import loupe.engine.recipe.FidelityViolationException;
import loupe.psd.PsdChannel;
import loupe.psd.PsdDocument;
import loupe.psd.PsdLayer;
import loupe.psd.PsdReader;
import loupe.psd.PsdWriter;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The check on the written file sees what the engine's model of the document cannot: a finished
 * result is edited the ways a faulty writer could, and each edit is caught.
 */
class WrittenFileCheckTest {
  @TempDir
  static Path dir;
  static FileOutcome outcome;
  static PsdLayer jewelryIn;
  static WrittenFileCheck.Picture picture;

  @BeforeAll
  static void retouch() throws Exception {
    PsdDocument input = PsdReader.read(ProtectedLayerCheckTest.EXAMPLE);
    picture = WrittenFileCheck.picture(input);
    jewelryIn = DocumentLayoutTest.layer(input, "Jewelry");
    RetouchRequest pro = RetouchRequest.of("pro", null, null, null, null, null, null, null);
    outcome = new RetouchService().retouchFile(ProtectedLayerCheckTest.EXAMPLE, dir, pro, Progress.NONE);
  }

  @Test
  void the_result_as_written_passes_with_nothing_left_unchecked() throws Exception {
    assertThat(verify(outcome.output())).isNull();
  }

  @Test
  void jewelry_that_shows_the_new_background_through_it_is_caught() throws Exception {
    // Multiply: the layer's pixels stay byte for byte, but the picture changes.
    assertThatThrownBy(() -> verify(edited("multiply.psd", j -> j.setBlendMode("mul "))))
        .isInstanceOf(FidelityViolationException.class)
        .hasMessageContaining("the picture the file shows differs from the input at");
  }

  @Test
  void one_changed_jewelry_sample_is_caught_against_the_input_digests() throws Exception {
    assertThatThrownBy(() -> verify(edited("one-sample.psd", j -> {
      byte[] red = j.channel(0).decoded().clone();
      red[red.length / 2] ^= 1;
      j.setChannel(PsdChannel.of(0, j.width(), j.height(), 8, red));
    })))
        .isInstanceOf(FidelityViolationException.class)
        .hasMessageContaining("the protected layer's channels differ from the input's after writing");
  }

  @Test
  void the_same_pixels_moved_are_caught_by_the_layer_place() throws Exception {
    assertThatThrownBy(() -> verify(edited("one-right.psd", j -> j.setPixels(j.top(), j.left() + 1, j.width(),
        j.height(), j.channels().stream().filter(c -> c.id() >= PsdChannel.TRANSPARENCY).toList()))))
        .isInstanceOf(FidelityViolationException.class)
        .hasMessageContaining("the protected layer or its mask moved");
  }

  private static String verify(Path file) throws Exception {
    PsdDocument written = PsdReader.read(file);
    int index = written.layers().indexOf(DocumentLayoutTest.layer(written, "Jewelry"));
    return WrittenFileCheck.verify(file, file, jewelryIn, index, WrittenFileCheck.digest(jewelryIn), picture,
        outcome.productMask());
  }

  /** The result with its Jewelry layer edited, written as {@code name}. */
  private static Path edited(String name, Consumer<PsdLayer> edit) throws Exception {
    PsdDocument doc = PsdReader.read(outcome.output());
    edit.accept(DocumentLayoutTest.layer(doc, "Jewelry"));
    Path file = dir.resolve(name);
    PsdWriter.write(doc, file);
    return file;
  }
}
