// SPDX-License-Identifier: Apache-2.0
package loupe.engine.alg.segment;

import java.util.ArrayDeque;
import java.util.Arrays;
import loupe.engine.alg.mask.impl.BinaryDilation;

/**
 * Gives back to the background the parts of a prop that the flood of {@link CoarseClassifier}
 * keeps with the piece: the part of an acrylic block that a chain encloses, the shaded lobe of a
 * putty blob between the band and the sweep. The flood cannot reach them (the piece, or the prop's
 * own shading, walls them off), but they carry the appearance of the prop the flood did accept.
 *
 * <p>A prop face is a connected region of accepted background that is smooth ({@link
 * CoarseClassifier#smooth}), does not show the sweep and is large; its appearance is its mean gain
 * (luminance over the sweep model's) and its mean colour departure from a pure gain of the sweep's,
 * per channel, with their spreads. Inside the jewelry, a connected region of smooth pixels, each
 * within a few of the face's spreads of its colour, large, and whose mean colour matches the face
 * within {@link SegmentConfig#propChroma()}, is the same prop when
 *
 * <ul>
 *   <li>the face is tinted (departure at least {@link #SHADED_CHROMA}: putty, wood): at any gain
 *       down to a shade of the face's (shading scales the prop's light, its colour stays), when it
 *       lies within {@link #REACH_SURFACES} surface radii of the face across the piece and touches
 *       the background; the prop's own silhouette against the background goes with it;
 *   <li>the face is near-neutral (an acrylic block): only at the face's gain, and only across thin
 *       parts of the piece (a chain: what the opening by {@link SegmentConfig#thinRadius()} removes,
 *       kept half that radius away from the wide parts) and pixels of the prop's appearance, within
 *       that reach of the face.
 * </ul>
 *
 * A stone's flat facets are neutral and walled off from each other by their edges: they are not
 * the colour of a tinted prop, and a neutral prop is matched only at its own gain through a chain.
 * What is given back stays {@link SegmentConfig#edgeBand()} + 1 work pixels away from the rest of
 * the piece, so that the full-resolution edge pass, which cannot tell grey metal from a grey prop,
 * never decides a pixel of the piece.
 */
final class PropInteriorRefiner {
  /** Mean colour departure of a prop face above which it may be seen shaded (1%: a shadow stays below). */
  static final double SHADED_CHROMA = 0.01;
  /** How far across the piece (in {@link SegmentConfig#surfaceRadius()}s) a part of the prop may lie from its face. */
  static final int REACH_SURFACES = 3;
  /** Per-pixel tolerance, in the face's standard deviations of gain and colour. */
  private static final double PIXEL_SIGMAS = 4;
  /** A shaded part keeps at least this share of the face's gain (deeper is the piece's own shadow or metal). */
  private static final double MIN_SHADE = 0.3;

  private PropInteriorRefiner() {}

  /**
   * @param work the reduced shot; Not modified
   * @param sweep the sweep model on the work grid; Not modified
   * @param jewelry the flood's decision (work size); Not modified
   * @return a new jewelry mask: {@code jewelry} with the prop parts inside it given back
   */
  static boolean[] release(WorkImage work, Plane[] sweep, boolean[] jewelry, SegmentConfig cfg) {
    int w = work.width;
    int h = work.height;
    int bands = sweep.length;
    boolean[] out = jewelry.clone();
    if (bands == 1) {
      return out;
    }
    boolean[] smooth = CoarseClassifier.smooth(work, sweep, cfg);
    Plane chroma = BoxFilter.mean(CoarseClassifier.chromaDeviation(work, sweep), 1);
    float[] gain = new float[w * h];
    float[][] dep = new float[bands][w * h];
    boolean[] faceMask = new boolean[w * h];
    for (int i = 0; i < gain.length; i++) {
      double seen = 0;
      double model = 0;
      for (int c = 0; c < bands; c++) {
        seen += work.channels[c].data()[i];
        model += Math.max(1.0, sweep[c].data()[i]);
      }
      gain[i] = (float) (seen / model);
      for (int c = 0; c < bands; c++) {
        dep[c][i] = (float) (work.channels[c].data()[i] / Math.max(1.0, sweep[c].data()[i]) / Math.max(1e-6, gain[i]) - 1);
      }
      faceMask[i] = !jewelry[i] && smooth[i] && !CoarseClassifier.showsSweep(work, sweep, i, cfg);
    }
    int side = 2 * cfg.largeSmoothRadius() + 1;
    int minArea = side * side;
    int silhouette = 2 * cfg.blendRadius() + 1;
    boolean[] nearBackground = BinaryDilation.square(BinaryMorphology.invert(jewelry), w, h, silhouette);
    ConnectedComponents faces = ConnectedComponents.of(faceMask, w, h);
    for (int k = 0; k < faces.areas.length; k++) {
      if (faces.areas[k] < minArea) {
        continue;
      }
      Appearance face = Appearance.of(faces.labels, k, gain, dep);
      boolean tinted = face.departure() >= SHADED_CHROMA;
      if (face.departure() < cfg.propChroma()) {
        continue; // a shadow on the sweep: a pure gain, which a metal face can match
      }
      boolean[] candidate = new boolean[w * h];
      for (int i = 0; i < candidate.length; i++) {
        candidate[i] = out[i] && smooth[i] && face.pixelMatches(gain[i], dep, i, tinted, cfg);
      }
      boolean[] released = matchingParts(faces.labels, k, face, tinted, candidate, out, gain, dep, minArea, w, h, cfg);
      boolean[] kept = BinaryMorphology.and(out, BinaryMorphology.invert(released));
      // Pinholes (pixels that missed the colour test) go with the part around them.
      ConnectedComponents keptParts = ConnectedComponents.of(kept, w, h);
      boolean[] nearReleased = BinaryDilation.square(released, w, h, silhouette);
      for (int i = 0; i < kept.length; i++) {
        boolean pinhole = kept[i] && keptParts.areas[keptParts.labels[i]] < minArea;
        // A tinted prop's silhouette against the background: near-neutral blends between the two.
        boolean outline = tinted && kept[i] && nearBackground[i] && nearReleased[i]
            && chroma.data()[i] < cfg.neutralChroma() && gain[i] <= 1;
        if (pinhole || outline) {
          kept[i] = false;
          released[i] = true;
        }
      }
      // The rim next to the rest of the piece stays with it.
      boolean[] rim = BinaryDilation.square(kept, w, h, cfg.edgeBand() + 1);
      for (int i = 0; i < out.length; i++) {
        out[i] &= !released[i] || rim[i];
      }
    }
    return out;
  }

  /**
   * The mask for the local background estimate: the jewelry, and the given-back pixels next to the
   * flood's background, so that a dark prop part does not darken the sweep's estimate beside it.
   *
   * @param flooded the flood's decision; Not modified
   * @param jewelry {@link #release}'s result; Not modified
   */
  static boolean[] notSampled(WorkImage work, boolean[] flooded, boolean[] jewelry, SegmentConfig cfg) {
    boolean[] near = BinaryDilation.square(BinaryMorphology.invert(flooded), work.width, work.height,
        cfg.edgeBand() + 1);
    return BinaryMorphology.or(jewelry, BinaryMorphology.and(flooded, near));
  }

  /** The components of {@code candidate} that are the prop of face {@code k}. */
  private static boolean[] matchingParts(int[] faceLabels, int k, Appearance face, boolean tinted, boolean[] candidate,
      boolean[] jewelry, float[] gain, float[][] dep, int minArea, int w, int h, SegmentConfig cfg) {
    boolean[] through = new boolean[w * h];
    if (tinted) {
      Arrays.fill(through, true);
    } else {
      // Thin parts: the candidates fill a chain's enclosure, which would otherwise make it wide; a
      // flat facet carves its stone, so the wide parts are grown by half the radius to close the
      // carved rim again. Off the piece the path stays on the prop (pixels of its appearance).
      int t = cfg.thinRadius();
      boolean[] rest = BinaryMorphology.and(jewelry, BinaryMorphology.invert(candidate));
      boolean[] wide = BinaryDilation.square(BinaryMorphology.erode(rest, w, h, t), w, h, t + t / 2);
      for (int i = 0; i < through.length; i++) {
        through[i] = jewelry[i] ? !wide[i] : face.pixelMatches(gain[i], dep, i, false, cfg);
      }
    }
    boolean[] reached = reach(faceLabels, k, through, w, h, REACH_SURFACES * cfg.surfaceRadius());
    boolean[] background = BinaryDilation.square(BinaryMorphology.invert(jewelry), w, h, cfg.blendRadius() + 1);
    ConnectedComponents parts = ConnectedComponents.of(candidate, w, h);
    boolean[] take = new boolean[parts.areas.length];
    for (int p = 0; p < parts.areas.length; p++) {
      if (parts.areas[p] < minArea) {
        continue;
      }
      Appearance part = Appearance.of(parts.labels, p, gain, dep);
      boolean sameGain = tinted ? part.gain <= face.gain + cfg.propGainMatch()
          : Math.abs(part.gain - face.gain) < cfg.propGainMatch();
      take[p] = sameGain && part.departureFrom(face) < cfg.propChroma() && touches(parts.labels, p, reached, w, h)
          && (!tinted || touches(parts.labels, p, background, w, h));
    }
    boolean[] out = new boolean[w * h];
    for (int i = 0; i < out.length; i++) {
      out[i] = parts.labels[i] >= 0 && take[parts.labels[i]];
    }
    return out;
  }

  /** Whether a pixel of component {@code id} or one of its 8-neighbours is in {@code mask}. */
  private static boolean touches(int[] labels, int id, boolean[] mask, int w, int h) {
    for (int i = 0; i < labels.length; i++) {
      if (labels[i] != id) {
        continue;
      }
      int x = i % w;
      int y = i / w;
      for (int yy = Math.max(0, y - 1); yy <= Math.min(h - 1, y + 1); yy++) {
        for (int xx = Math.max(0, x - 1); xx <= Math.min(w - 1, x + 1); xx++) {
          if (mask[yy * w + xx]) {
            return true;
          }
        }
      }
    }
    return false;
  }

  /** The pixels of {@code through} within {@code steps} 8-connected steps of component {@code id}, stepping only on {@code through}. */
  private static boolean[] reach(int[] labels, int id, boolean[] through, int w, int h, int steps) {
    int[] dist = new int[w * h];
    Arrays.fill(dist, -1);
    ArrayDeque<Integer> queue = new ArrayDeque<>();
    for (int i = 0; i < labels.length; i++) {
      if (labels[i] == id) {
        dist[i] = 0;
        queue.add(i);
      }
    }
    boolean[] out = new boolean[w * h];
    while (!queue.isEmpty()) {
      int i = queue.poll();
      if (dist[i] >= steps) {
        continue;
      }
      int x = i % w;
      int y = i / w;
      for (int yy = Math.max(0, y - 1); yy <= Math.min(h - 1, y + 1); yy++) {
        for (int xx = Math.max(0, x - 1); xx <= Math.min(w - 1, x + 1); xx++) {
          int n = yy * w + xx;
          if (through[n] && dist[n] < 0) {
            dist[n] = dist[i] + 1;
            out[n] = true;
            queue.add(n);
          }
        }
      }
    }
    return out;
  }

  /** Mean and standard deviation of the gain and of each channel's colour departure over a component. */
  private record Appearance(double gain, double gainSd, double[] dep, double[] depSd) {
    static Appearance of(int[] labels, int id, float[] gain, float[][] dep) {
      int bands = dep.length;
      double n = 0;
      double g = 0;
      double gg = 0;
      double[] d = new double[bands];
      double[] dd = new double[bands];
      for (int i = 0; i < labels.length; i++) {
        if (labels[i] != id) {
          continue;
        }
        n++;
        g += gain[i];
        gg += gain[i] * (double) gain[i];
        for (int c = 0; c < bands; c++) {
          d[c] += dep[c][i];
          dd[c] += dep[c][i] * (double) dep[c][i];
        }
      }
      double[] sd = new double[bands];
      for (int c = 0; c < bands; c++) {
        d[c] /= n;
        sd[c] = Math.sqrt(Math.max(0, dd[c] / n - d[c] * d[c]));
      }
      g /= n;
      return new Appearance(g, Math.sqrt(Math.max(0, gg / n - g * g)), d, sd);
    }

    /** max over channels of |mean departure|. */
    double departure() {
      double worst = 0;
      for (double v : dep) {
        worst = Math.max(worst, Math.abs(v));
      }
      return worst;
    }

    /** max over channels of |this mean departure − the other's|. */
    double departureFrom(Appearance other) {
      double worst = 0;
      for (int c = 0; c < dep.length; c++) {
        worst = Math.max(worst, Math.abs(dep[c] - other.dep[c]));
      }
      return worst;
    }

    /** The pixel's colour within the face's spread, and its gain at the face's or (shaded) down to a shade of it. */
    boolean pixelMatches(float g, float[][] pixelDep, int i, boolean shaded, SegmentConfig cfg) {
      double gainTol = PIXEL_SIGMAS * gainSd + cfg.propGainMatch();
      boolean gainOk = shaded ? g <= gain + gainTol && g >= MIN_SHADE * gain : Math.abs(g - gain) < gainTol;
      if (!gainOk) {
        return false;
      }
      for (int c = 0; c < dep.length; c++) {
        // A shaded pixel is darker, so its colour departure is noisier in proportion.
        double tol = PIXEL_SIGMAS * depSd[c] * Math.max(1, gain / Math.max(1e-3, g)) + cfg.propChroma();
        if (Math.abs(pixelDep[c][i] - dep[c]) > tol) {
          return false;
        }
      }
      return true;
    }
  }
}
