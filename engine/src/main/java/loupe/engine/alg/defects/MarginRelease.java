// SPDX-License-Identifier: Apache-2.0
package loupe.engine.alg.defects;

import loupe.engine.alg.defects.impl.Pixels;
import loupe.engine.alg.defects.impl.SpeckResponses;
import loupe.engine.alg.mask.MaskOps;
import loupe.engine.alg.mask.impl.BinaryDilation;
import loupe.engine.alg.mask.impl.FloodFill;
import loupe.engine.image.GrayU16;
import loupe.engine.image.ImageChecks;
import loupe.engine.image.Planar;
import loupe.engine.image.Rect;

/**
 * Lets dust and hair in and beside an automatic mask's protection margin be cleaned. The margin
 * exists because the estimate can miss jewelry, so a speck is <em>released</em> (its zone's
 * protection set to 0) only when it cannot be a missed part of the piece:
 *
 * <ul>
 *   <li>{@link DefectDetector} finds it with the <em>estimate</em> as the product (so it does not
 *       touch the estimate's guard band: an attached protrusion is never a candidate);
 *   <li>it is small (dust: at most {@link #MAX_SPECK_AREA} pixels) or thin (a faint hair: no disk
 *       {@link #THIN_WIDTH} px wide fits inside it), and visible ({@link #VISIBLE_CONTRAST}); the
 *       dust size is for a 1600 px frame and grows with a larger one ({@link #speckArea});
 *   <li>every pixel within {@code radius} of it (its release zone) is outside the estimate and
 *       matches the local background (3×3 mean residual under {@link #BACKGROUND_SIGMAS} robust σ
 *       and {@link DefectConfig#minContrast()}): a ring of plain background separates it from
 *       everything else, the piece and anything the estimate missed included.
 * </ul>
 *
 * Released specks, and the dust and long hair ({@link #HAIR_ELONGATION}) beside the protection
 * whose ring is plain wherever the margin protects it fully, are handed to the recipe, which
 * inpaints them outside its guard band around the protection: that lowers no protection.
 */
public final class MarginRelease {
  /**
   * Dust: detections (halo included) up to this many pixels, about a 30 px square; a curled hair
   * on dev02 measures 510.
   */
  static final int MAX_SPECK_AREA = 1000;
  /**
   * How far a detection reaches beyond the speck itself: the detector's 2 px dilation and its growth
   * into the speck's rim. Measured around hard discs of radius 12, 22 and 42 px on a 2-level noise:
   * 8–9 px, on a 1600 px and a 5600 px frame alike.
   */
  static final double DETECTION_HALO = 8;
  /**
   * Hair, to be released: no disk this wide fits inside the detection (a faint hair's). A strong
   * hair's detection is wider (dev03's 1.7 px hair: 17–23 px), and so is a missed chain's, which
   * shape cannot tell apart: those are only handed on.
   */
  static final double THIN_WIDTH = 9;
  /**
   * Hair, to be handed on: a detection at least this many times as long as it is wide (dev03's
   * hair: 9.6; a lint fibre and a piece of putty texture beside it: 3.2 and 5.0).
   */
  static final double HAIR_ELONGATION = 7;
  /** Larger detections are props or shadows, never released (also bounds the shape test). */
  static final int MAX_AREA = 20_000;
  /** A zone pixel matches the background when its 3×3 mean residual is under this many σ. */
  static final double BACKGROUND_SIGMAS = 4;
  /**
   * To be released, a speck must stand out by this many 8-bit levels (3×3 mean): the dev scenes'
   * truth labels count a defect from 12. A fainter detection is noise or shading, and may lie on a
   * missed part of the piece that mirrors the sweep, plain all round: a 3× larger file of dev03's
   * studs, darker sweep, released a 4-level blob there and lost 1,428 platinum px.
   */
  static final double VISIBLE_CONTRAST = 12;

  private MarginRelease() {}

  /**
   * The protection with the release zones at 0, and the dust and hair handed on. A recipe must
   * inpaint {@code specks} itself rather than find them again: its detector sees the protection as
   * the product, which changes its background statistics, and on dev03 a hair beside the
   * protection then merged with a prop's penumbra that touches it and was dropped.
   *
   * @param protection the margin, 0 on the release zones
   * @param specks 65535 on the detections handed on, 0 elsewhere
   */
  public record Released(GrayU16 protection, GrayU16 specks) {}

  /**
   * @param image the photograph. Not modified.
   * @param estimate the automatic product estimate, 65535 = jewelry. Not modified.
   * @param margin the protection built from the estimate (estimate plus margin, possibly already
   *     lowered over props). Not modified.
   * @param radius width of the plain-background ring a speck needs, and of the zone released
   *     around it: large enough that the recipe's guard band around the remaining protection leaves
   *     the speck, and background to sample around it, outside
   * @param output Modified; null to allocate (may be {@code margin} itself).
   * @return {@code output} (the margin, 0 on the release zones of isolated dust and hair) and the
   *     specks handed on
   */
  public static Released release(Planar image, GrayU16 estimate, GrayU16 margin, int radius, GrayU16 output,
      DefectConfig cfg) {
    ImageChecks.sameSize(image, estimate);
    ImageChecks.sameSize(image, margin);
    int w = image.width;
    int h = image.height;
    Found found = find(image, estimate, margin, radius, cfg);
    if (output != margin) {
      output = ImageChecks.reshape(output, w, h);
      output.setTo(margin);
    }
    GrayU16 specks = new GrayU16(w, h);
    for (int y = 0; y < h; y++) {
      for (int x = 0; x < w; x++) {
        if (found.zones[y * w + x]) {
          output.data[output.index(x, y)] = 0;
        }
        if (found.specks[y * w + x]) {
          specks.set(x, y, 65535);
        }
      }
    }
    return new Released(output, specks);
  }

  /**
   * The union of the release zones, and the specks handed on, both within reach of the protection
   * (the zone within {@code radius} of it): farther out the recipe's detector finds specks on its own.
   */
  record Found(boolean[] zones, boolean[] specks) {}

  static Found find(Planar image, GrayU16 estimate, GrayU16 margin, int radius, DefectConfig cfg) {
    int w = image.width;
    int h = image.height;
    int n = w * h;
    boolean[] zones = new boolean[n];
    boolean[] specks = new boolean[n];
    if (n == 0) {
      return new Found(zones, specks);
    }
    DefectDetector.Planes planes = DefectDetector.planes(image, estimate, cfg);
    boolean[] found = planes.found();
    Departure departure = Departure.of(planes);
    boolean[] plain = departure.plain(planes.product(), cfg);
    boolean[] protectedAtAll = new boolean[n];
    // Handing a speck on lowers no protection, so around it only what the margin protects fully
    // has to be plain: a prop, its penumbra or the sweep beyond the margin's reach may be anything.
    boolean[] settled = new boolean[n];
    Pixels.each(n, (from, to) -> {
      for (int p = from; p < to; p++) {
        short value = margin.data[margin.index(p % w, p / w)];
        protectedAtAll[p] = value != 0;
        settled[p] = plain[p] || !planes.product()[p] && value != (short) 65535;
      }
    });
    boolean[] near = BinaryDilation.square(protectedAtAll, w, h, radius);
    long speckArea = speckArea(cfg.frameScale());
    boolean[] seen = new boolean[n];
    FloodFill flood = new FloodFill(w, h);
    for (int start = 0; start < n; start++) {
      if (!found[start] || seen[start]) {
        continue;
      }
      int count = flood.fill(start, seen, q -> found[q]);
      int[] members = flood.members();
      Zone zone = count <= MAX_AREA ? Zone.of(members, count, w, h, radius) : null;
      if (zone == null || !zone.meets(near, w)) {
        continue;
      }
      boolean dust = count <= speckArea;
      double width = dust ? 0 : width(members, count, w);
      boolean released = (dust || width < THIN_WIDTH) && departure.visible(members, count)
          && zone.isPlain(plain, w);
      boolean handedOn = released || (dust || count >= HAIR_ELONGATION * width * width) && zone.isPlain(settled, w);
      if (released) {
        zone.mark(zones, w);
      }
      for (int i = 0; handedOn && i < count; i++) {
        specks[members[i]] = true;
      }
    }
    return new Found(zones, specks);
  }

  /**
   * {@link #MAX_SPECK_AREA} on a frame {@code scale} times as long as the 1600 px it was set on: a
   * larger shot of the same set sees each speck larger, but not its {@link #DETECTION_HALO}, so the
   * speck's disc grows and the halo stays (scaling the whole area released a missed stud's blob on a
   * 24 MP frame).
   */
  static long speckArea(double scale) {
    double radius = (Math.sqrt(MAX_SPECK_AREA / Math.PI) - DETECTION_HALO) * scale + DETECTION_HALO;
    return Math.round(Math.PI * radius * radius);
  }

  /** The diameter of the largest disk inside the component. */
  private static double width(int[] members, int count, int w) {
    Rect box = FloodFill.bounds(members, count, w);
    // One px of frame around the box, so that the box's edge counts as outside the component.
    GrayU16 shape = new GrayU16(box.width() + 2, box.height() + 2);
    for (int i = 0; i < count; i++) {
      shape.set(members[i] % w - box.left() + 1, members[i] / w - box.top() + 1, 65535);
    }
    return 2 * MaskOps.inscribedRadius(shape, 65535);
  }

  /**
   * A component's release zone: the pixels within {@code radius} (square) of it, as a dilation of
   * the component over its bounding box grown by the radius, O(box area) rather than O(members ·
   * radius²).
   *
   * @param left left column of the box in the image
   * @param top top row of the box in the image
   * @param width box width
   * @param in zone membership, row-major over the box
   * @param member component membership, row-major over the box
   */
  private record Zone(int left, int top, int width, boolean[] in, boolean[] member) {

    /** The zone, or null when it would reach beyond the frame (a speck there is never released). */
    static Zone of(int[] members, int count, int w, int h, int radius) {
      Rect box = FloodFill.bounds(members, count, w);
      int x0 = box.left();
      int y0 = box.top();
      int x1 = box.right() - 1;
      int y1 = box.bottom() - 1;
      if (x0 < radius || y0 < radius || x1 + radius >= w || y1 + radius >= h) {
        return null;
      }
      int left = x0 - radius;
      int top = y0 - radius;
      int bw = x1 - x0 + 1 + 2 * radius;
      int bh = y1 - y0 + 1 + 2 * radius;
      boolean[] member = new boolean[bw * bh];
      for (int i = 0; i < count; i++) {
        member[(members[i] / w - top) * bw + members[i] % w - left] = true;
      }
      return new Zone(left, top, bw, BinaryDilation.square(member, bw, bh, radius), member);
    }

    /**
     * Every zone pixel that is not a member is in {@code plain}.
     */
    boolean isPlain(boolean[] plain, int w) {
      for (int i = 0; i < in.length; i++) {
        if (in[i] && !member[i] && !plain[(top + i / width) * w + left + i % width]) {
          return false;
        }
      }
      return true;
    }

    /** Some zone pixel is in {@code where}. */
    boolean meets(boolean[] where, int w) {
      for (int i = 0; i < in.length; i++) {
        if (in[i] && where[(top + i / width) * w + left + i % width]) {
          return true;
        }
      }
      return false;
    }

    void mark(boolean[] zones, int w) {
      for (int i = 0; i < in.length; i++) {
        if (in[i]) {
          zones[(top + i / width) * w + left + i % width] = true;
        }
      }
    }
  }

  /**
   * How far each pixel's 3×3 mean departs from the large-scale background (the detector's own,
   * computed with the estimate as the product: the estimate and its guard band inform none), and the
   * robust σ of that departure over the background.
   */
  private record Departure(float[] values, double sigma) {
    static Departure of(DefectDetector.Planes planes) {
      float[] gray = planes.gray();
      float[] background = planes.background();
      float[] residual = new float[gray.length];
      Pixels.each(gray.length, (from, to) -> {
        for (int p = from; p < to; p++) {
          residual[p] = gray[p] - background[p];
        }
      });
      float[] box = SpeckResponses.boxMean3(residual, planes.width(), planes.height());
      float[] centre = SpeckResponses.robustCentreAndSigma(box, planes.allowed());
      Pixels.each(box.length, (from, to) -> {
        for (int p = from; p < to; p++) {
          box[p] = Math.abs(box[p] - centre[0]);
        }
      });
      return new Departure(box, centre[1]);
    }

    /** Outside the estimate and within {@link #BACKGROUND_SIGMAS} σ (and the contrast floor) of the background. */
    boolean[] plain(boolean[] product, DefectConfig cfg) {
      double limit = Math.max(BACKGROUND_SIGMAS * sigma, cfg.minContrast() * 257);
      boolean[] plain = new boolean[values.length];
      Pixels.each(values.length, (from, to) -> {
        for (int p = from; p < to; p++) {
          plain[p] = !product[p] && values[p] < limit;
        }
      });
      return plain;
    }

    /** Some member departs by at least {@link #VISIBLE_CONTRAST} levels. */
    boolean visible(int[] members, int count) {
      for (int i = 0; i < count; i++) {
        if (values[members[i]] >= VISIBLE_CONTRAST * 257) {
          return true;
        }
      }
      return false;
    }
  }
}
