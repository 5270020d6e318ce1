// SPDX-License-Identifier: Apache-2.0
package loupe.server.retouch;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import loupe.engine.image.GrayU16;
import loupe.engine.image.Planar;
import loupe.engine.quality.QualityMetrics;
import loupe.psd.PsdDocument;

/**
 * A retouched ground-truth scene scored against its truth files: jewelry pixels changed (where
 * truth_mask is full), the share of dust and hair and of all labelled defects no longer {@link
 * #TOLERANCE} off the clean render, and the background PSNR (truth_mask == 0) before and after.
 */
record SceneScore(long jewelryChanged, double dustHairGone, double allGone, double psnrIn, double psnrOut) {
  static final int TOLERANCE = 12 * 257;
  static final String HEADER = String.format(Locale.ROOT, "%10s %9s %9s %9s %9s", "jewel Δpx", "dust+hair",
      "all defs", "PSNR in", "PSNR out");

  /** The scene folders of ../shared/benchmark/dev, sorted. */
  static List<Path> scenes() throws Exception {
    try (Stream<Path> scenes = Files.list(Path.of(System.getProperty("loupe.shared"), "benchmark/dev"))) {
      return scenes.sorted().toList();
    }
  }

  /** @param written the retouched document as written (its composite is scored) */
  static SceneScore of(Path scene, PsdDocument written) throws Exception {
    Planar input = FlatImageReader.read(scene.resolve("input.png"), Long.MAX_VALUE).color();
    Planar clean = FlatImageReader.read(scene.resolve("truth_clean.png"), Long.MAX_VALUE).color();
    GrayU16 truth = FlatImageReader.read(scene.resolve("truth_mask.png"), Long.MAX_VALUE).color().band(0);
    GrayU16 labels = FlatImageReader.read(scene.resolve("truth_defects.png"), Long.MAX_VALUE).color().band(0);
    Planar result = composite(written);
    long changed = 0;
    for (int y = 0; y < truth.height; y++) {
      for (int x = 0; x < truth.width; x++) {
        if (truth.get(x, y) == 65535 && !samePixel(input, result, x, y)) {
          changed++;
        }
      }
    }
    GrayU16 background = select(truth, 0, 0);
    return new SceneScore(changed, 1 - QualityMetrics.residue(result, clean, select(labels, 1, 2), TOLERANCE),
        1 - QualityMetrics.residue(result, clean, select(labels, 1, 4), TOLERANCE),
        QualityMetrics.psnr(input, clean, background, 255), QualityMetrics.psnr(result, clean, background, 255));
  }

  String row() {
    return String.format(Locale.ROOT, "%10d %8.1f%% %8.1f%% %9.2f %9.2f", jewelryChanged, 100 * dustHairGone,
        100 * allGone, psnrIn, psnrOut);
  }

  /** 65535 where {@code lo ≤ label ≤ hi} (labels read as gray are stored ×257). */
  static GrayU16 select(GrayU16 labels, int lo, int hi) {
    GrayU16 out = new GrayU16(labels.width, labels.height);
    for (int y = 0; y < labels.height; y++) {
      for (int x = 0; x < labels.width; x++) {
        int label = labels.get(x, y) / 257;
        out.set(x, y, label >= lo && label <= hi ? 65535 : 0);
      }
    }
    return out;
  }

  static boolean samePixel(Planar a, Planar b, int x, int y) {
    for (int c = 0; c < a.numBands(); c++) {
      if (a.bands[c].get(x, y) != b.bands[c].get(x, y)) {
        return false;
      }
    }
    return true;
  }

  /** The document's colour composite (RGB). */
  static Planar composite(PsdDocument doc) {
    GrayU16[] bands = new GrayU16[3];
    for (int c = 0; c < 3; c++) {
      bands[c] = PsdPixels.decode(doc.composite().get(c));
    }
    return new Planar(bands);
  }
}
