// SPDX-License-Identifier: Apache-2.0
package loupe.server.http;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Locale;
import loupe.engine.recipe.Recipe;
import loupe.server.protocol.BufferDescriptor;
import loupe.server.retouch.PanelRequest;

/**
 * A job's peak working memory, estimated at admission from sizes the request declares: the input
 * decoded to 16-bit samples (how the engine holds every image), plus the recipe's working images,
 * counted in canvas-size 16-bit planes. The plane counts were measured, not guessed: peak live heap
 * (the highest heap use after a collection, serial collector with a 48 MB young generation) of a
 * 4000×3000 job built from dev01_solitaire_yellowgold, minus the decoded input, divided by one
 * canvas plane; the larger of the 8- and 16-bit figures plus 10 % (server/README.md).
 *
 * @param bytes estimated peak heap of the job
 * @param what the job in words, for a refusal message
 */
record JobFootprint(long bytes, String what) {
  /** Canvas planes a panel job's recipe holds at its peak, beyond the decoded buffers. */
  static double panelPlanes(Recipe recipe) {
    return switch (recipe) {
      case QUICK -> 49; // measured 44.3 (8-bit), 41.0 (16-bit)
      case PRO -> 42; // measured 37.8 (8-bit)
      case EDITORIAL -> 44; // measured 39.8 (8-bit)
    };
  }

  /** Canvas planes a PSD job holds at its peak, beyond the decoded channels (reading, recipe, writing, re-reading). */
  static double psdPlanes(Recipe recipe) {
    // 16-bit files need 9.1 planes more than 8-bit ones (measured on Quick: 47.8 vs 38.7), added
    // to the recipes measured at 8 bits only. The input's picture kept for the written-file check
    // (WrittenFileCheck) adds 1.5 planes at 8 bits and 3 at 16 after these were measured, and an
    // automatic job's selection and protection saved as alpha channels (SavedMasks.saveAutomatic)
    // up to 4 more at 16 bits, held in the document and again in the re-read file (not measured:
    // counted in full; 16-bit Quick 54.8 of 55). Editorial's two luminosity masks, kept in the
    // result and saved as channels the same way (SavedMasks.saveProtections), add up to 6 more.
    return switch (recipe) {
      case QUICK -> 55; // measured 38.7 (8-bit), 47.8 (16-bit)
      case PRO -> 57; // measured 40.9 (8-bit)
      case EDITORIAL -> 64; // measured 41.2 (8-bit)
    };
  }

  /**
   * A panel job: every buffer decoded, the largest buffer's raw bytes while it is decoded, and the
   * recipe's planes over the document canvas.
   */
  static JobFootprint panel(PanelRequest.Checked job) {
    Recipe recipe = job.request().recipe();
    var doc = job.document();
    double canvas = (double) doc.width() * doc.height();
    double samples = 0;
    double largestRaw = 0;
    for (BufferDescriptor d : job.buffers()) {
      samples += (double) d.width() * d.height() * d.components();
      largestRaw = Math.max(largestRaw, d.byteLength());
    }
    long bytes = DeclaredSize.saturated(2 * samples + largestRaw + 2 * canvas * panelPlanes(recipe));
    return new JobFootprint(bytes, megapixels(canvas) + " " + doc.bitDepth() + "-bit panel job (" + recipe.id() + ")");
  }

  /** A PSD (or flat image) job: every declared channel decoded, and the recipe's planes over the canvas. */
  static JobFootprint psd(Path upload, Recipe recipe) throws IOException {
    DeclaredSize size = DeclaredSize.of(upload);
    long bytes = DeclaredSize.saturated(2.0 * size.samples() + 2.0 * size.canvasPixels() * psdPlanes(recipe));
    // Many layers, or layers far larger than the canvas (a damaged record's bounds): then the canvas
    // is not why the job is refused, and the message must say what is.
    boolean layersDominate = size.samples() > 100.0 * size.canvasPixels();
    return new JobFootprint(bytes, megapixels(size.canvasPixels()) + " file job (" + recipe.id() + ")"
        + (layersDominate ? String.format(Locale.ROOT, ", whose layer records declare %,d channel samples,",
            size.samples()) : ""));
  }

  private static String megapixels(double pixels) {
    return String.format(Locale.ROOT, "%.1f MP", pixels / 1e6);
  }
}
