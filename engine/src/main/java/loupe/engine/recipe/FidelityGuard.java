// SPDX-License-Identifier: Apache-2.0
package loupe.engine.recipe;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import loupe.engine.composite.CompositeLayer;
import loupe.engine.composite.Compositor;
import loupe.engine.image.GrayU16;
import loupe.engine.image.Planar;
import loupe.engine.image.Rect;

/**
 * Checks the product's promise before a result leaves the engine: wherever the product mask is
 * 65535, the flattened output equals the flattened input bit for bit, and every visible layer
 * added above the protected layer is masked to zero there. Pixels the user painted in the heal
 * mask are the one authorised exception, and are counted separately. Over a jewelry layer, layers
 * placed above it are layers of the jewelry (heal, frequency separation), shown or hidden: they may
 * cover only where the jewelry layer itself shows, never the background beside it.
 */
public final class FidelityGuard {
  private FidelityGuard() {}

  /**
   * @param input the recipe's input. Not modified.
   * @param added the layers the recipe adds. Not modified.
   * @return the report of a bit-exact result
   * @throws FidelityViolationException if any protected pixel would change, or a layer above a
   *     jewelry layer covers a pixel that the jewelry layer does not
   */
  public static FidelityReport check(RetouchInput input, List<OutputLayer> added) {
    GrayU16 product = input.productMask();
    GrayU16 heal = input.healMask();
    for (OutputLayer layer : added) {
      if (layer.placement() == Placement.ABOVE && input.jewelry() != null) {
        long outside = pixelsBesideTheJewelry(layer, input.jewelry());
        if (outside > 0) {
          throw new FidelityViolationException("layer '" + layer.name() + "' is above the jewelry layer and covers "
              + outside + " pixels where the jewelry layer is transparent; layers above it may cover only the "
              + "jewelry");
        }
      }
      if (layer.placement() == Placement.ABOVE && layer.visible()) {
        long covered = coveredProtectedPixels(layer, product, heal);
        if (covered > 0) {
          throw new FidelityViolationException("layer '" + layer.name() + "' is above the jewelry and covers "
              + covered + " protected pixels; it must be masked to zero there");
        }
      }
    }
    Planar before = Compositor.flatten(input.image(), stack(input, List.of()));
    Planar after = Compositor.flatten(input.image(), stack(input, added));
    MessageDigest hashBefore = sha256();
    MessageDigest hashAfter = sha256();
    long protectedPixels = 0;
    long changed = 0;
    long healed = 0;
    int bands = before.numBands();
    for (int y = 0; y < product.height; y++) {
      for (int x = 0; x < product.width; x++) {
        if (product.get(x, y) != 65535) {
          continue;
        }
        if (heal != null && heal.get(x, y) > 0) {
          healed++;
          continue;
        }
        protectedPixels++;
        boolean same = true;
        for (int c = 0; c < bands; c++) {
          int b = before.bands[c].get(x, y);
          int a = after.bands[c].get(x, y);
          hashBefore.update((byte) (b >>> 8));
          hashBefore.update((byte) b);
          hashAfter.update((byte) (a >>> 8));
          hashAfter.update((byte) a);
          same &= a == b;
        }
        if (!same) {
          changed++;
        }
      }
    }
    FidelityReport report = new FidelityReport(protectedPixels, changed, healed,
        HexFormat.of().formatHex(hashBefore.digest()), HexFormat.of().formatHex(hashAfter.digest()));
    if (!report.bitExact()) {
      throw new FidelityViolationException("the result would change " + changed + " of " + protectedPixels
          + " protected jewelry pixels; the job was stopped and nothing was written");
    }
    return report;
  }

  /** The document's stack, bottom first: the added layers beneath the jewelry, the jewelry, those above it. */
  static List<CompositeLayer> stack(RetouchInput input, List<OutputLayer> added) {
    List<CompositeLayer> layers = new ArrayList<>();
    for (OutputLayer layer : added) {
      if (layer.placement() == Placement.BELOW) {
        layers.add(layer.asComposite());
      }
    }
    if (input.jewelry() != null) {
      layers.add(input.jewelry().asComposite());
    }
    for (OutputLayer layer : added) {
      if (layer.placement() == Placement.ABOVE) {
        layers.add(layer.asComposite());
      }
    }
    return layers;
  }

  private static long coveredProtectedPixels(OutputLayer layer, GrayU16 product, GrayU16 heal) {
    CompositeLayer c = layer.asComposite();
    Rect area = layer.bounds().intersect(Rect.ofSize(product.width, product.height));
    long covered = 0;
    for (int y = area.top(); y < area.bottom(); y++) {
      for (int x = area.left(); x < area.right(); x++) {
        boolean healable = heal != null && heal.get(x, y) > 0;
        if (product.get(x, y) == 65535 && !healable
            && c.coverage(x - layer.bounds().left(), y - layer.bounds().top()) > 0) {
          covered++;
        }
      }
    }
    return covered;
  }

  /** Pixels of {@code layer} with coverage &gt; 0 where the jewelry layer's coverage is 0 (or outside it). */
  private static long pixelsBesideTheJewelry(OutputLayer layer, ProtectedLayer jewelry) {
    CompositeLayer c = layer.asComposite();
    CompositeLayer j = jewelry.asComposite();
    Rect lb = layer.bounds();
    Rect jb = jewelry.bounds();
    long outside = 0;
    for (int y = lb.top(); y < lb.bottom(); y++) {
      for (int x = lb.left(); x < lb.right(); x++) {
        boolean inJewel = jb.contains(x, y) && j.coverage(x - jb.left(), y - jb.top()) > 0;
        if (!inJewel && c.coverage(x - lb.left(), y - lb.top()) > 0) {
          outside++;
        }
      }
    }
    return outside;
  }

  private static MessageDigest sha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
    }
  }
}
