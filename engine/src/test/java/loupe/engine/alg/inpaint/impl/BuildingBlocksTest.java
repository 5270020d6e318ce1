// SPDX-License-Identifier: Apache-2.0
package loupe.engine.alg.inpaint.impl;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import loupe.engine.alg.inpaint.InpaintConfig;
import loupe.engine.image.GrayU16;
import loupe.engine.image.Rect;
import org.junit.jupiter.api.Test;

/** The inpainting building blocks against slow, obvious oracles. */
class BuildingBlocksTest {

  @Test
  void membraneFillSolvesLaplaceLikeANaiveJacobiIteration() {
    CropImage crop = CropFixtures.random(30, 26, 2, 4);
    float[] values = crop.v.clone();
    MembraneFill.fill(crop, values, 5000);
    // Oracle: plain Jacobi in double precision, many iterations, same boundary rules.
    int w = crop.width;
    int h = crop.height;
    double[] jacobi = new double[values.length];
    for (int i = 0; i < values.length; i++) {
      jacobi[i] = crop.state[i / 2] == CropImage.HOLE ? 30000 : crop.v[i];
    }
    for (int it = 0; it < 20000; it++) {
      double[] next = jacobi.clone();
      for (int p = 0; p < w * h; p++) {
        if (crop.state[p] != CropImage.HOLE) {
          continue;
        }
        int x = p % w;
        int y = p / w;
        int[] ns = {x > 0 ? p - 1 : -1, x + 1 < w ? p + 1 : -1, y > 0 ? p - w : -1, y + 1 < h ? p + w : -1};
        for (int c = 0; c < 2; c++) {
          double sum = 0;
          int n = 0;
          for (int q : ns) {
            if (q >= 0 && crop.state[q] != CropImage.OTHER) {
              sum += jacobi[q * 2 + c];
              n++;
            }
          }
          next[p * 2 + c] = sum / n;
        }
      }
      jacobi = next;
    }
    for (int p = 0; p < w * h; p++) {
      for (int c = 0; c < 2; c++) {
        if (crop.state[p] == CropImage.HOLE) {
          assertThat((double) values[p * 2 + c]).isCloseTo(jacobi[p * 2 + c], within(2.0));
        } else {
          assertThat(values[p * 2 + c]).isEqualTo(crop.v[p * 2 + c]);
        }
      }
    }
  }

  @Test
  void smoothPartIsTheNormalisedGaussianOverSourcePixels() {
    CropImage crop = CropFixtures.random(23, 19, 3, 9);
    double sigma = 1.5;
    float[] smooth = TextureSplit.smooth(crop, sigma);
    int r = (int) Math.ceil(3 * sigma);
    for (int y = 0; y < crop.height; y++) {
      for (int x = 0; x < crop.width; x++) {
        double[] num = new double[3];
        double den = 0;
        for (int yy = Math.max(0, y - r); yy <= Math.min(crop.height - 1, y + r); yy++) {
          for (int xx = Math.max(0, x - r); xx <= Math.min(crop.width - 1, x + r); xx++) {
            int q = yy * crop.width + xx;
            if (crop.state[q] != CropImage.SOURCE) {
              continue;
            }
            double g = Math.exp(-((xx - x) * (xx - x) + (yy - y) * (yy - y)) / (2 * sigma * sigma));
            den += g;
            for (int c = 0; c < 3; c++) {
              num[c] += g * crop.v[q * 3 + c];
            }
          }
        }
        for (int c = 0; c < 3; c++) {
          float got = smooth[(y * crop.width + x) * 3 + c];
          if (den < 1e-6) {
            assertThat(got).isNaN();
          } else {
            assertThat((double) got).isCloseTo(num[c] / den, within(0.5));
          }
        }
      }
    }
  }

  @Test
  void halfSizeLevelFollowsItsRules() {
    CropImage fine = CropFixtures.random(21, 17, 2, 6);
    CropImage coarse = Pyramid.half(fine);
    assertThat(coarse.width).isEqualTo(11);
    assertThat(coarse.height).isEqualTo(9);
    for (int y = 0; y < coarse.height; y++) {
      for (int x = 0; x < coarse.width; x++) {
        boolean anyHole = false;
        boolean allSource = true;
        double[] sum = new double[2];
        int known = 0;
        for (int fy = 2 * y; fy < Math.min(17, 2 * y + 2); fy++) {
          for (int fx = 2 * x; fx < Math.min(21, 2 * x + 2); fx++) {
            byte s = fine.state[fy * 21 + fx];
            anyHole |= s == CropImage.HOLE;
            allSource &= s == CropImage.SOURCE;
            if (s != CropImage.HOLE) {
              known++;
              for (int c = 0; c < 2; c++) {
                sum[c] += fine.v[(fy * 21 + fx) * 2 + c];
              }
            }
          }
        }
        byte expected = anyHole ? CropImage.HOLE : allSource ? CropImage.SOURCE : CropImage.OTHER;
        assertThat(coarse.state[y * 11 + x]).isEqualTo(expected);
        if (known > 0) {
          for (int c = 0; c < 2; c++) {
            assertThat((double) coarse.v[(y * 11 + x) * 2 + c]).isCloseTo(sum[c] / known, within(0.01));
          }
        }
      }
    }
  }

  @Test
  void dilatedHoleIsTheChebyshevNeighbourhood() {
    CropImage crop = CropFixtures.random(31, 24, 1, 13);
    for (int r : new int[] {1, 2, 5}) {
      boolean[] got = crop.dilatedHole(r);
      for (int p = 0; p < got.length; p++) {
        boolean near = false;
        for (int q = 0; q < got.length; q++) {
          near |= crop.state[q] == CropImage.HOLE && Math.abs(q % 31 - p % 31) <= r && Math.abs(q / 31 - p / 31) <= r;
        }
        assertThat(got[p]).as("r=%d p=%d", r, p).isEqualTo(near);
      }
    }
  }

  @Test
  void holeRegionsMatchANaiveLabelling() {
    GrayU16 hole = new GrayU16(40, 30);
    java.util.SplittableRandom random = new java.util.SplittableRandom(17);
    for (int i = 0; i < 300; i++) {
      hole.set(random.nextInt(40), random.nextInt(30), 1 + random.nextInt(65535));
    }
    List<HoleRegion> regions = HoleRegions.find(hole.subimage(0, 0, 40, 30));
    // Oracle: repeated relabelling to the minimum 8-neighbour label until stable.
    int[] label = new int[40 * 30];
    for (int p = 0; p < label.length; p++) {
      label[p] = hole.data[p] != 0 ? p + 1 : 0;
    }
    for (boolean changed = true; changed; ) {
      changed = false;
      for (int p = 0; p < label.length; p++) {
        if (label[p] == 0) {
          continue;
        }
        for (int dy = -1; dy <= 1; dy++) {
          for (int dx = -1; dx <= 1; dx++) {
            int x = p % 40 + dx;
            int y = p / 40 + dy;
            if (x >= 0 && y >= 0 && x < 40 && y < 30 && label[y * 40 + x] != 0 && label[y * 40 + x] < label[p]) {
              label[p] = label[y * 40 + x];
              changed = true;
            }
          }
        }
      }
    }
    long distinct = java.util.Arrays.stream(label).filter(l -> l != 0).distinct().count();
    assertThat(regions).hasSize((int) distinct);
    long area = 0;
    for (HoleRegion region : regions) {
      area += region.area();
    }
    assertThat(area).isEqualTo(java.util.Arrays.stream(label).filter(l -> l != 0).count());
  }

  @Test
  void widthEstimateSeparatesStrokesFromBlobs() {
    GrayU16 stroke = new GrayU16(200, 20);
    stroke.subimage(10, 8, 190, 12).fill(65535);
    assertThat(HoleRegions.find(stroke).get(0).width()).isCloseTo(8.0, within(0.5)); // 4·area/edges = 2 × 4 px
    GrayU16 disc = loupe.engine.alg.inpaint.Synth.disc(new GrayU16(80, 80), 40, 40, 20, 65535);
    assertThat(HoleRegions.find(disc).get(0).width()).isGreaterThan(25);
  }

  @Test
  void plannedCropsAreDisjointAndHoldTheirMembers() {
    List<HoleRegion> regions = new ArrayList<>();
    java.util.SplittableRandom random = new java.util.SplittableRandom(2);
    for (int i = 0; i < 60; i++) {
      int x = random.nextInt(480);
      int y = random.nextInt(380);
      int s = 1 + random.nextInt(random.nextInt(10) == 0 ? 80 : 6);
      regions.add(new HoleRegion(new Rect(x, y, Math.min(500, x + s), Math.min(400, y + s)), (long) s * s, 4L * s));
    }
    List<HoleCrop> crops = HoleCrop.plan(regions, 500, 400, InpaintConfig.defaults());
    int members = 0;
    for (int i = 0; i < crops.size(); i++) {
      HoleCrop a = crops.get(i);
      members += a.members().size();
      for (HoleRegion m : a.members()) {
        assertThat(a.rect().intersect(m.box())).isEqualTo(m.box());
      }
      for (int j = i + 1; j < crops.size(); j++) {
        assertThat(a.rect().intersect(crops.get(j).rect()).isEmpty()).isTrue();
      }
    }
    assertThat(members).isEqualTo(regions.size());
  }
}
