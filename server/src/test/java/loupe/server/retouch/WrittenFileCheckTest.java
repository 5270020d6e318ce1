// SPDX-License-Identifier: Apache-2.0
package loupe.server.retouch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import loupe.engine.Progress;
import loupe.engine.recipe.FidelityViolationException;
import loupe.psd.PsdChannel;
import loupe.psd.PsdDocument;
import loupe.psd.PsdLayer;
import loupe.psd.PsdReader;
import loupe.psd.PsdWriter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The check on the written file sees what the engine's model of the document cannot: here the
 * jewelry layer of a finished result is switched to Multiply, so the new background beneath shows
 * through the piece while its pixels stay byte for byte as they were.
 */
class WrittenFileCheckTest {
  @TempDir
  Path dir;

  @Test
  void a_result_whose_jewelry_shows_the_new_background_through_it_is_caught() throws Exception {
    PsdDocument input = PsdReader.read(ProtectedLayerCheckTest.EXAMPLE);
    WrittenFileCheck.Picture picture = WrittenFileCheck.picture(input);
    RetouchRequest pro = RetouchRequest.of("pro", null, null, null, null, null, null, null);
    FileOutcome outcome = new RetouchService().retouchFile(ProtectedLayerCheckTest.EXAMPLE, dir, pro, Progress.NONE);
    Map<Integer, String> expected = WrittenFileCheck.digest(DocumentLayoutTest.layer(input, "Jewelry"));
    PsdDocument result = PsdReader.read(outcome.output());
    int index = result.layers().indexOf(DocumentLayoutTest.layer(result, "Jewelry"));

    assertThat(WrittenFileCheck.verify(outcome.output(), outcome.output(), "Jewelry", index, expected, picture,
        outcome.productMask())).as("nothing left unchecked").isNull();

    PsdDocument tampered = PsdReader.read(outcome.output());
    DocumentLayoutTest.layer(tampered, "Jewelry").setBlendMode("mul ");
    Path multiply = dir.resolve("multiply.psd");
    PsdWriter.write(tampered, multiply);
    assertThatThrownBy(() -> WrittenFileCheck.verify(multiply, multiply, "Jewelry", index, expected, picture,
        outcome.productMask()))
        .isInstanceOf(FidelityViolationException.class)
        .hasMessageContaining("the picture the file shows differs from the input at");

    // One jewelry sample changed in the file: caught against the digests taken from the input.
    PsdDocument edited = PsdReader.read(outcome.output());
    PsdLayer jewelry = DocumentLayoutTest.layer(edited, "Jewelry");
    byte[] red = jewelry.channel(0).decoded().clone();
    red[red.length / 2] ^= 1;
    jewelry.setChannel(PsdChannel.of(0, jewelry.width(), jewelry.height(), 8, red));
    Path oneSample = dir.resolve("one-sample.psd");
    PsdWriter.write(edited, oneSample);
    assertThatThrownBy(() -> WrittenFileCheck.verify(oneSample, oneSample, "Jewelry", index, expected, picture,
        outcome.productMask()))
        .isInstanceOf(FidelityViolationException.class)
        .hasMessageContaining("the protected layer's channels differ from the input's after writing");
  }
}
