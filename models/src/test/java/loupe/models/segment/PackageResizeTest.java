// SPDX-License-Identifier: Apache-2.0
package loupe.models.segment;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import loupe.engine.image.GrayU16;
import loupe.engine.image.Planar;
import loupe.models.TensorRole;
import loupe.models.TensorSpec;
import loupe.models.TensorType;
import org.junit.jupiter.api.Test;

/** The ISNet pre/post-processing against a line-by-line port of @imgly/background-removal's pipeline. */
class PackageResizeTest {
  private static final TensorSpec INPUT =
      new TensorSpec("input", TensorRole.IMAGE, TensorType.FLOAT32, new long[] {1, 3, 32, 32}, 128, 256, 0, 0);
  private static final TensorSpec ALPHA =
      new TensorSpec("output", TensorRole.ALPHA, TensorType.FLOAT32, new long[] {1, 1, 32, 32}, 0, 255, 0, 0);

  @Test
  void tensorIsBitIdenticalToThePackagesForEightBitShots() {
    for (int[] size : new int[][] {{37, 23}, {100, 80}, {32, 32}, {5, 300}}) {
      Random random = new Random(size[0] * 1000L + size[1]);
      int w = size[0];
      int h = size[1];
      int[] rgba = new int[w * h * 4];
      Planar image = Planar.create(3, w, h);
      for (int i = 0; i < w * h; i++) {
        for (int c = 0; c < 3; c++) {
          int v = random.nextInt(256);
          rgba[i * 4 + c] = v;
          image.bands[c].data[i] = (short) (v * 257);
        }
        rgba[i * 4 + 3] = 255;
      }
      float[] expected = packagePipeline(rgba, w, h, 32, 32);
      assertThat(PackageResize.toTensor(image, INPUT, 32, 32)).as(w + "×" + h).containsExactly(expected);
    }
  }

  @Test
  void subimageViewGivesTheSameTensorAsACopy() {
    Planar big = Planar.create(3, 90, 70);
    Random random = new Random(3);
    for (GrayU16 band : big.bands) {
      for (int i = 0; i < band.data.length; i++) {
        band.data[i] = (short) random.nextInt(65536);
      }
    }
    Planar view = big.subimage(11, 7, 71, 57);
    assertThat(PackageResize.toTensor(view, INPUT, 32, 32)).containsExactly(PackageResize.toTensor(view.copy(), INPUT, 32, 32));
  }

  @Test
  void grayShotFeedsTheSamePlaneThreeTimes() {
    GrayU16 gray = new GrayU16(40, 30);
    for (int i = 0; i < gray.data.length; i++) {
      gray.data[i] = (short) ((i * 37) % 65536);
    }
    float[] t = PackageResize.toTensor(new Planar(gray), INPUT, 32, 32);
    for (int i = 0; i < 32 * 32; i++) {
      assertThat(t[i]).isEqualTo(t[1024 + i]).isEqualTo(t[2048 + i]);
    }
  }

  @Test
  void alphaIsUpsampledByTheInverseMappingAndCut() {
    Random random = new Random(9);
    float[] alpha = new float[32 * 32];
    for (int i = 0; i < alpha.length; i++) {
      alpha[i] = random.nextFloat();
    }
    int w = 75;
    int h = 50;
    GrayU16 mask = PackageResize.alphaToMask(alpha, 32, 32, ALPHA, w, h, 0.1, 0.9);
    for (int y = 0; y < h; y++) {
      for (int x = 0; x < w; x++) {
        double a = bilinear(alpha, 32, 32, x * 32.0 / w, y * 32.0 / h);
        double p = Math.max(0, Math.min(1, (a - 0.1) / 0.8));
        assertThat(mask.get(x, y)).as("(%d,%d)", x, y).isCloseTo((int) Math.round(p * 65535), org.assertj.core.data.Offset.offset(1));
      }
    }
  }

  @Test
  void cutsMakeTheInteriorFullAndTheOutsideEmpty() {
    float[] alpha = {0.05f, 0.1f, 0.5f, 0.9f, 0.97f, 1f};
    GrayU16 mask = PackageResize.alphaToMask(alpha, 6, 1, ALPHA, 6, 1, 0.1, 0.9);
    assertThat(new int[] {mask.get(0, 0), mask.get(1, 0), mask.get(2, 0), mask.get(3, 0), mask.get(4, 0), mask.get(5, 0)})
        .containsExactly(0, 0, 32768, 65535, 65535, 65535);
  }

  private static double bilinear(float[] a, int aw, int ah, double sx, double sy) {
    int x1 = (int) Math.floor(sx);
    int x2 = Math.min((int) Math.ceil(sx), aw - 1);
    int y1 = (int) Math.floor(sy);
    int y2 = Math.min((int) Math.ceil(sy), ah - 1);
    double dx = sx - x1;
    double dy = sy - y1;
    return (1 - dx) * (1 - dy) * a[y1 * aw + x1] + dx * (1 - dy) * a[y1 * aw + x2] + (1 - dx) * dy * a[y2 * aw + x1]
        + dx * dy * a[y2 * aw + x2];
  }

  /** tensorResizeBilinear then tensorHWCtoBCHW of @imgly/background-removal 1.4.5 (src/utils.ts), on RGBA bytes. */
  private static float[] packagePipeline(int[] rgba, int srcWidth, int srcHeight, int newWidth, int newHeight) {
    double scaleX = (double) srcWidth / newWidth;
    double scaleY = (double) srcHeight / newHeight;
    int[] resized = new int[4 * newWidth * newHeight];
    for (int y = 0; y < newHeight; y++) {
      for (int x = 0; x < newWidth; x++) {
        double srcX = x * scaleX;
        double srcY = y * scaleY;
        int x1 = Math.max((int) Math.floor(srcX), 0);
        int x2 = Math.min((int) Math.ceil(srcX), srcWidth - 1);
        int y1 = Math.max((int) Math.floor(srcY), 0);
        int y2 = Math.min((int) Math.ceil(srcY), srcHeight - 1);
        double dx = srcX - x1;
        double dy = srcY - y1;
        for (int c = 0; c < 4; c++) {
          int p1 = rgba[(y1 * srcWidth + x1) * 4 + c];
          int p2 = rgba[(y1 * srcWidth + x2) * 4 + c];
          int p3 = rgba[(y2 * srcWidth + x1) * 4 + c];
          int p4 = rgba[(y2 * srcWidth + x2) * 4 + c];
          double v = (1 - dx) * (1 - dy) * p1 + dx * (1 - dy) * p2 + (1 - dx) * dy * p3 + dx * dy * p4;
          resized[(y * newWidth + x) * 4 + c] = (int) Math.round(v);
        }
      }
    }
    int stride = newWidth * newHeight;
    float[] out = new float[3 * stride];
    for (int i = 0, j = 0; i < resized.length; i += 4, j++) {
      out[j] = (float) ((resized[i] - 128) / 256.0);
      out[j + stride] = (float) ((resized[i + 1] - 128) / 256.0);
      out[j + stride + stride] = (float) ((resized[i + 2] - 128) / 256.0);
    }
    return out;
  }
}
