// SPDX-License-Identifier: Apache-2.0
package loupe.server.retouch;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import loupe.engine.image.GrayU16;
import loupe.engine.recipe.FidelityViolationException;
import loupe.psd.PsdChannel;
import loupe.psd.PsdCompositor;
import loupe.psd.PsdDocument;
import loupe.psd.PsdLayer;
import loupe.psd.PsdReader;

/**
 * The promise checked on the file itself, independently of the engine's model of it: re-read, the
 * protected layer must equal the input's byte for byte, and the picture the file shows (psd-io's
 * compositor, which renders what Photoshop does for the layers it accepts) must equal the input's
 * picture wherever the product mask is fully jewelry.
 */
final class WrittenFileCheck {
  private WrittenFileCheck() {}

  /**
   * The input's picture, taken before a retouch changes the document: its colour channels as
   * composited, or null when psd-io cannot render its layers (the engine's guard then stands alone).
   */
  static List<PsdChannel> picture(PsdDocument doc) {
    if (doc.layers().isEmpty()) {
      return doc.composite().subList(0, doc.colorMode().colorChannels());
    }
    return PsdCompositor.cannotRender(doc) != null ? null
        : PsdCompositor.composite(doc).subList(0, doc.colorMode().colorChannels());
  }

  /**
   * @param file the written file
   * @param target its final name, for the message
   * @param expected the protected layer as the input held it
   * @param index its place (file order) in the document written
   * @param picture {@link #picture} of the input, or null
   * @param productMask the job's product mask (document size)
   * @throws FidelityViolationException naming what differs
   */
  static void verify(Path file, Path target, PsdLayer expected, int index, List<PsdChannel> picture,
      GrayU16 productMask) throws IOException {
    PsdDocument written = PsdReader.read(file);
    // By position, not by layer id: files from many tools carry no ids ('lyid').
    PsdLayer actual = index < written.layers().size() ? written.layers().get(index) : null;
    String problem = actual == null || !actual.name().equals(expected.name()) ? "the protected layer is missing"
        : actual.top() != expected.top() || actual.left() != expected.left() || actual.bottom() != expected.bottom()
            || actual.right() != expected.right() ? "the protected layer's bounds changed"
        : differingChannel(expected, actual);
    if (problem == null && picture != null && PsdCompositor.cannotRender(written) == null) {
      problem = differingJewelry(picture, written.composite(), productMask, written.depth() / 8);
    }
    if (problem != null) {
      throw new FidelityViolationException(target + ": " + problem + "; nothing was written");
    }
  }

  private static String differingChannel(PsdLayer expected, PsdLayer actual) {
    for (PsdChannel c : expected.channels()) {
      PsdChannel other = actual.channel(c.id());
      if (other == null || !Arrays.equals(c.decoded(), other.decoded())) {
        return "channel " + c.id() + " of the protected layer differs after writing";
      }
    }
    return null;
  }

  private static String differingJewelry(List<PsdChannel> before, List<PsdChannel> after, GrayU16 product, int bytes) {
    long changed = 0;
    for (int c = 0; c < before.size(); c++) {
      byte[] b = before.get(c).decoded();
      byte[] a = after.get(c).decoded();
      for (int y = 0; y < product.height; y++) {
        for (int x = 0; x < product.width; x++) {
          int i = (y * product.width + x) * bytes;
          if (product.get(x, y) == 65535 && (a[i] != b[i] || (bytes == 2 && a[i + 1] != b[i + 1]))) {
            changed++;
          }
        }
      }
    }
    return changed == 0 ? null
        : String.format("the picture the file shows differs from the input at %,d samples of fully jewelry pixels",
            changed);
  }
}
