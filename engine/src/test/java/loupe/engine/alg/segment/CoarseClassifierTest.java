// SPDX-License-Identifier: Apache-2.0
package loupe.engine.alg.segment;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import loupe.engine.Progress;
import loupe.engine.image.Planar;
import loupe.engine.image.Rect;
import org.junit.jupiter.api.Test;

/** The two decisions that follow the flood: closing enclosed pockets and matching a prop's other side. */
class CoarseClassifierTest {
  private static final int W = 80;
  private static final int H = 60;
  private static final float SWEEP = 200;

  /** A work image (factor 1) filled with the sweep colour, then with the given rectangles painted. */
  private static WorkImage paint(Object... rectsAndColours) {
    Planar image = Planar.create(3, W, H);
    for (int c = 0; c < 3; c++) {
      image.bands[c].fill((int) SWEEP * 257);
    }
    for (int k = 0; k < rectsAndColours.length; k += 2) {
      Rect r = (Rect) rectsAndColours[k];
      int[] colour = (int[]) rectsAndColours[k + 1];
      for (int c = 0; c < 3; c++) {
        image.bands[c].subimage(r.left(), r.top(), r.right(), r.bottom()).fill(colour[c] * 257);
      }
    }
    return WorkImage.of(image, 1, Progress.NONE);
  }

  private static Plane[] flatSweep() {
    Plane[] sweep = new Plane[3];
    for (int c = 0; c < 3; c++) {
      sweep[c] = new Plane(W, H);
      Arrays.fill(sweep[c].data(), SWEEP);
    }
    return sweep;
  }

  private static boolean[] mask(Rect... rects) {
    boolean[] out = new boolean[W * H];
    for (Rect r : rects) {
      for (int y = r.top(); y < r.bottom(); y++) {
        for (int x = r.left(); x < r.right(); x++) {
          out[y * W + x] = true;
        }
      }
    }
    return out;
  }

  @Test
  void closesPocketsThePieceEnclosesButNotARingsInterior() {
    // A thick "U" of jewelry (opening at the top) around a 6×10 pocket at (37..43, 30..40).
    Rect left = new Rect(25, 20, 37, 50);
    Rect right = new Rect(43, 20, 55, 50);
    Rect bottom = new Rect(37, 40, 43, 50);
    Rect pocket = new Rect(37, 30, 43, 40);
    boolean[] jewelry = mask(left, right, bottom);
    SegmentConfig cfg = SegmentConfig.defaults();

    // The pocket is as dark as a rim facet: it is kept with the piece.
    // A shadow beside the piece is as dark, but less than half of its window is jewelry.
    int[] dark = {150, 150, 150};
    WorkImage shot = paint(pocket, dark, new Rect(15, 25, 25, 35), dark);
    boolean[] closed = CoarseClassifier.closePockets(shot, flatSweep(), jewelry, cfg);
    assertThat(closed[35 * W + 40]).isTrue();
    assertThat(closed[30 * W + 22]).isFalse();
    assertThat(closed[5 * W + 5]).isFalse();

    // Showing the sweep, the pocket is closed while it opens to the frame (rim facets mirroring the
    // sweep, reached from outside), and stays background once the piece closes around it (a ring).
    boolean[] mirror = CoarseClassifier.closePockets(paint(), flatSweep(), jewelry, cfg);
    assertThat(mirror[35 * W + 40]).isTrue();
    assertThat(mirror[30 * W + 22]).isFalse();
    boolean[] ring = mask(left, right, bottom, new Rect(37, 20, 43, 30));
    boolean[] hole = CoarseClassifier.closePockets(paint(), flatSweep(), ring, cfg);
    assertThat(hole[35 * W + 40]).isFalse();
  }

  @Test
  void acceptsTheOtherSideOfAColouredPropButNotOfAShadow() {
    Rect seen = new Rect(5, 5, 25, 25);
    Rect behind = new Rect(40, 5, 60, 25);
    Rect darker = new Rect(5, 35, 25, 55);
    Rect grey = new Rect(40, 35, 60, 55);
    int[] prop = {180, 170, 160};
    WorkImage work = paint(seen, prop, behind, prop, darker, new int[] {120, 113, 107}, grey,
        new int[] {170, 170, 170});
    ConnectedComponents regions = ConnectedComponents.of(mask(seen, behind, darker, grey), W, H);
    boolean[] accepted = new boolean[regions.areas.length];
    accepted[regions.labels[10 * W + 10]] = true;

    CoarseClassifier.acceptPropFaces(work, flatSweep(), regions, accepted, SegmentConfig.defaults());

    assertThat(accepted[regions.labels[10 * W + 50]]).as("same gain and colour as the accepted prop").isTrue();
    assertThat(accepted[regions.labels[40 * W + 10]]).as("same hue, other gain").isFalse();
    assertThat(accepted[regions.labels[40 * W + 50]]).as("a pure gain of the sweep").isFalse();

    // An accepted shadow (a pure gain) makes no other region acceptable, however alike.
    ConnectedComponents shadows = ConnectedComponents.of(mask(darker, grey), W, H);
    WorkImage twoGreys = paint(darker, new int[] {170, 170, 170}, grey, new int[] {170, 170, 170});
    boolean[] shadowAccepted = new boolean[shadows.areas.length];
    shadowAccepted[shadows.labels[40 * W + 10]] = true;
    CoarseClassifier.acceptPropFaces(twoGreys, flatSweep(), shadows, shadowAccepted, SegmentConfig.defaults());
    assertThat(shadowAccepted[shadows.labels[40 * W + 50]]).isFalse();
  }
}
