// SPDX-License-Identifier: Apache-2.0
package loupe.server.retouch;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.SplittableRandom;
import loupe.engine.Progress;
import loupe.engine.image.GrayU16;
import loupe.engine.image.Planar;
import org.junit.jupiter.api.Test;

/**
 * {@link ProductMasks#releaseProps} on synthetic studio shots: a faceted "stone" (the estimate) on
 * a light sweep, with a beige putty blob behind its left side; and the same stone on a frame that
 * is mostly a coloured backdrop (the putty's colour), where there is no prop to release.
 */
class ProtectionOverPropsTest {
  private static final int W = 320;
  private static final int H = 240;
  private static final double CX = 0.58 * W;
  private static final double CY = 0.45 * H;
  private static final double R = 0.12 * Math.min(W, H);

  @Test
  void margin_over_the_putty_shrinks_to_the_core_and_stays_on_the_sweep() {
    Shot shot = Shot.of(false);
    GrayU16 margin = ProductMasks.withMargin(shot.estimate, AutoMargins.DESIGN);
    ProductMasks.Protection protection = ProductMasks.releaseProps(shot.image, shot.estimate, margin.copy(), AutoMargins.DESIGN,
        Progress.NONE);
    GrayU16 released = protection.mask();
    long freedPutty = 0;
    long puttyInMargin = 0;
    long puttyKept = 0;
    for (int y = 0; y < H; y++) {
      for (int x = 0; x < W; x++) {
        double d = Math.hypot(x - CX, y - CY) - R;
        assertThat(released.get(x, y)).as("never raised (%d,%d)", x, y).isLessThanOrEqualTo(margin.get(x, y));
        if (d <= AutoMargins.DESIGN.propCore() - 1) {
          assertThat(released.get(x, y)).as("core (%d,%d)", x, y).isEqualTo(65535);
        }
        if (shot.putty[y * W + x] && shot.estimate.get(x, y) == 0 && released.get(x, y) == 65535) {
          puttyKept++;
        }
        if (shot.putty[y * W + x] && d > AutoMargins.DESIGN.propCore() + 2 && margin.get(x, y) == 65535) {
          puttyInMargin++;
          freedPutty += released.get(x, y) == 0 ? 1 : 0;
        }
        if (x > CX + R && Math.abs(y - CY) < R / 2) {
          assertThat(released.get(x, y)).as("plain sweep right of the stone (%d,%d)", x, y).isEqualTo(margin.get(x, y));
        }
      }
    }
    assertThat(puttyInMargin).isGreaterThan(100);
    assertThat((double) freedPutty / puttyInMargin).as("putty in the margin released").isGreaterThan(0.9);
    // What the job's report says was left: the putty kept in the core, as the detector outlines it
    // (measured 465 reported, 445 truly putty: its outline is grown by 2 px).
    assertThat(puttyKept).isGreaterThan(100);
    assertThat((double) protection.propPixelsKept()).isBetween(0.8 * puttyKept, 1.2 * puttyKept);
  }

  @Test
  void a_coloured_backdrop_is_not_a_prop_and_keeps_the_whole_margin() {
    Shot shot = Shot.of(true);
    GrayU16 margin = ProductMasks.withMargin(shot.estimate, AutoMargins.DESIGN);
    ProductMasks.Protection released = ProductMasks.releaseProps(shot.image, shot.estimate, margin.copy(), AutoMargins.DESIGN,
        Progress.NONE);
    assertThat(released.mask().sameSamples(margin)).isTrue();
    assertThat(released.propPixelsKept()).isZero();
  }

  /** Linear-light studio shot (sRGB-encoded 16-bit): sweep, stone, putty or a coloured backdrop, 1 % noise. */
  record Shot(Planar image, GrayU16 estimate, boolean[] putty) {
    static Shot of(boolean colouredBackdrop) {
      SplittableRandom random = new SplittableRandom(7);
      double[] tint = {0.80, 0.74, 0.62};
      Planar image = Planar.create(3, W, H);
      GrayU16 estimate = new GrayU16(W, H);
      boolean[] putty = new boolean[W * H];
      for (int y = 0; y < H; y++) {
        for (int x = 0; x < W; x++) {
          double v = (y - H / 2.0) / H;
          double light = 1 - 0.3 * v * v - 0.1 * v;
          double[] rgb = {0.86 * light, 0.86 * light, 0.82 * light};
          double px = (x - (CX - 1.1 * R)) / (1.3 * R);
          double py = (y - (CY - 0.2 * R)) / (0.9 * R);
          boolean isPutty = !colouredBackdrop && px * px + py * py < 1;
          boolean backdrop = colouredBackdrop && x > 0.2 * W;
          if (isPutty || backdrop) {
            double shade = isPutty ? 0.75 + 0.1 * (1 - py) : 0.8;
            for (int c = 0; c < 3; c++) {
              rgb[c] = 0.86 * light * tint[c] * shade;
            }
          }
          if (Math.hypot(x - CX, y - CY) < R) {
            estimate.set(x, y, 65535);
            double angle = Math.atan2(y - CY, x - CX);
            double value = ((int) Math.floor(angle * 4 + Math.hypot(x - CX, y - CY) / 3)) % 2 == 0 ? 1.0 : 0.04;
            rgb = new double[] {value, value, value * 0.97};
            isPutty = false;
          }
          putty[y * W + x] = isPutty;
          for (int c = 0; c < 3; c++) {
            double linear = Math.max(0, rgb[c] * (1 + 0.01 * random.nextGaussian()));
            double encoded = linear <= 0.0031308 ? 12.92 * linear : 1.055 * Math.pow(linear, 1 / 2.4) - 0.055;
            image.bands[c].set(x, y, (int) Math.round(65535 * Math.min(1, encoded)));
          }
        }
      }
      return new Shot(image, estimate, putty);
    }
  }
}
