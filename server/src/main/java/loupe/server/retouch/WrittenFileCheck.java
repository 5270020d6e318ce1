// SPDX-License-Identifier: Apache-2.0
package loupe.server.retouch;

import java.io.IOException;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import loupe.engine.image.GrayU16;
import loupe.engine.recipe.FidelityViolationException;
import loupe.psd.LayerMask;
import loupe.psd.PsdChannel;
import loupe.psd.PsdCompositor;
import loupe.psd.PsdDocument;
import loupe.psd.PsdLayer;
import loupe.psd.PsdReadOptions;
import loupe.psd.PsdReader;

/**
 * The promise checked on the file itself, independently of the engine's model of it: re-read, the
 * protected layer must equal what the input held byte for byte (digests taken before the retouch),
 * and the picture the file shows (psd-io's compositor, which renders what Photoshop does for the
 * layers it accepts) must equal the input's picture wherever the product mask is fully jewelry.
 * Where psd-io cannot render the document (adjustment, text or smart-object layers, effects,
 * clipping), the picture is not compared, and the check says so.
 */
final class WrittenFileCheck {
  private WrittenFileCheck() {}

  /**
   * The input's picture, taken before a retouch changes the document: its colour channels as
   * composited, or null channels and the reason when psd-io cannot render them.
   */
  record Picture(List<PsdChannel> channels, String unrendered) {}

  static Picture picture(PsdDocument doc) {
    int colours = doc.colorMode().colorChannels();
    if (doc.layers().isEmpty()) {
      return doc.composite().size() < colours ? new Picture(null, "the input holds no picture")
          : !doc.compositeIsReal() ? new Picture(null, "the file has no layers")
          : new Picture(List.copyOf(doc.composite().subList(0, colours)), null);
    }
    String why = PsdCompositor.cannotRender(doc);
    return why != null ? new Picture(null, why) : new Picture(PsdCompositor.composite(doc).subList(0, colours), null);
  }

  /**
   * The picture of a photograph (a document without a protected layer), which becomes its layer
   * 'Original': the file's own composite where it is the picture as the saving application drew it
   * (real, and within one 8-bit level of psd-io's rendering everywhere, so not stale), else psd-io's
   * rendering. Photoshop rounds some blends differently from psd-io by a level; its own composite
   * keeps the shot exactly as Photoshop showed it.
   */
  static Picture photograph(PsdDocument doc, Picture rendered) {
    int colours = doc.colorMode().colorChannels();
    if (rendered.channels() == null || !doc.compositeIsReal() || doc.composite().size() < colours) {
      return rendered;
    }
    List<PsdChannel> stored = List.copyOf(doc.composite().subList(0, colours));
    int bytes = doc.depth() / 8;
    int tolerance = bytes == 2 ? 257 : 1;
    for (int c = 0; c < colours; c++) {
      byte[] a = rendered.channels().get(c).decoded();
      byte[] b = stored.get(c).decoded();
      for (int i = 0; i < a.length; i += bytes) {
        int va = bytes == 2 ? (a[i] & 0xFF) << 8 | (a[i + 1] & 0xFF) : a[i] & 0xFF;
        int vb = bytes == 2 ? (b[i] & 0xFF) << 8 | (b[i + 1] & 0xFF) : b[i] & 0xFF;
        if (Math.abs(va - vb) > tolerance) {
          return rendered;
        }
      }
    }
    return new Picture(stored, null);
  }

  /** SHA-256 of each channel of {@code layer} by channel id, taken before anything can change it. */
  static Map<Integer, String> digest(PsdLayer layer) {
    Map<Integer, String> out = new TreeMap<>();
    for (PsdChannel c : layer.channels()) {
      out.put(c.id(), sha256(c.decoded()));
    }
    return out;
  }

  /**
   * @param file the written file
   * @param target its final name, for the message
   * @param expected the protected layer as the input held it (its name, bounds and mask rectangle)
   * @param index its place (file order) in the document written
   * @param channels {@link #digest} of the protected layer as the input held it
   * @param picture {@link #picture} of the input
   * @param productMask the job's product mask (document size)
   * @return null when everything was compared, else why the picture was not
   * @throws FidelityViolationException naming what differs
   */
  static String verify(Path file, Path target, PsdLayer expected, int index, Map<Integer, String> channels,
      Picture picture, GrayU16 productMask) throws IOException {
    // Our own file, as large as what was written: no reading limit (the input already passed one).
    PsdDocument written = PsdReader.read(file, PsdReadOptions.DEFAULT.withMaxPixels(Long.MAX_VALUE));
    // By position, not by layer id: files from many tools carry no ids ('lyid').
    PsdLayer actual = index < written.layers().size() ? written.layers().get(index) : null;
    String problem = actual == null || !actual.name().equals(expected.name()) ? "the protected layer is missing"
        : !place(actual).equals(place(expected)) ? "the protected layer or its mask moved"
        : !digest(actual).entrySet().containsAll(channels.entrySet())
            ? "the protected layer's channels differ from the input's after writing" : null;
    String unrendered = picture.channels() == null ? picture.unrendered() : PsdCompositor.cannotRender(written);
    if (problem == null && unrendered == null) {
      problem = differingJewelry(picture.channels(), written.composite(), productMask, written.depth() / 8);
    }
    if (problem != null) {
      throw new FidelityViolationException(target + ": " + problem + "; nothing was written");
    }
    return unrendered;
  }

  /** Where the layer and its user mask sit: what its pixels' digests do not say. */
  private static List<Integer> place(PsdLayer l) {
    LayerMask m = l.userMask();
    return m == null ? List.of(l.top(), l.left(), l.bottom(), l.right())
        : List.of(l.top(), l.left(), l.bottom(), l.right(), m.top(), m.left(), m.bottom(), m.right());
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

  private static String sha256(byte[] data) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(data));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java platform has SHA-256", e);
    }
  }
}
