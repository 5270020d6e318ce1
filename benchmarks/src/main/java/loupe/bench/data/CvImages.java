// SPDX-License-Identifier: Apache-2.0
package loupe.bench.data;

import java.util.function.IntUnaryOperator;
import loupe.engine.image.BitDepth;
import loupe.engine.image.GrayU16;
import loupe.engine.image.Planar;
import org.bytedeco.javacpp.Loader;
import org.opencv.core.CvType;
import org.opencv.core.Mat;

/**
 * Engine images ↔ OpenCV 8-bit Mats. 16-bit storage becomes 8 bits by rounding (storage / 257,
 * rounded, as {@link BitDepth#fromStorage}); 8 bits come back ×257, so an 8-bit document survives
 * the round trip exactly. Colour Mats are BGR, OpenCV's channel order.
 */
public final class CvImages {
  private CvImages() {}

  /** Loads OpenCV's native library once per process. */
  public static synchronized void load() {
    Loader.load(org.bytedeco.opencv.opencv_java.class);
  }

  /** @param rgb Not modified */
  public static Mat toBgr8(Planar rgb) {
    return toMat8(BitDepth.EIGHT::fromStorage, rgb.bands[2], rgb.bands[1], rgb.bands[0]);
  }

  /** @param bgr Not modified: CV_8UC3 */
  public static Planar fromBgr8(Mat bgr) {
    GrayU16[] bgrBands = fromMat8(bgr, 3);
    return new Planar(bgrBands[2], bgrBands[1], bgrBands[0]);
  }

  /** A mask as CV_8UC1: 255 where {@code mask} &gt; 0 when {@code binary}, else storage / 257 rounded. Not modified. */
  public static Mat toGray8(GrayU16 mask, boolean binary) {
    return toMat8(binary ? v -> v > 0 ? 255 : 0 : BitDepth.EIGHT::fromStorage, mask);
  }

  /** @param gray Not modified: CV_8UC1; returns storage ×257 */
  public static GrayU16 fromGray8(Mat gray) {
    return fromMat8(gray, 1)[0];
  }

  /** The channels interleaved in the given order as an 8-bit Mat, each sample through {@code toByte}. */
  private static Mat toMat8(IntUnaryOperator toByte, GrayU16... channels) {
    int n = channels.length;
    int w = channels[0].width;
    int h = channels[0].height;
    byte[] out = new byte[w * h * n];
    for (int c = 0; c < n; c++) {
      GrayU16 band = channels[c];
      for (int y = 0; y < h; y++) {
        for (int x = 0; x < w; x++) {
          out[(y * w + x) * n + c] = (byte) toByte.applyAsInt(band.get(x, y));
        }
      }
    }
    Mat m = new Mat(h, w, CvType.CV_8UC(n));
    m.put(0, 0, out);
    return m;
  }

  /** The channels of an 8-bit {@code n}-channel Mat, in its order, as storage ×257. */
  private static GrayU16[] fromMat8(Mat m, int n) {
    if (m.type() != CvType.CV_8UC(n)) {
      throw new IllegalArgumentException("expected an 8-bit " + n + "-channel Mat, got " + m);
    }
    int w = m.cols();
    int h = m.rows();
    byte[] in = new byte[w * h * n];
    m.get(0, 0, in);
    GrayU16[] out = new GrayU16[n];
    for (int c = 0; c < n; c++) {
      out[c] = new GrayU16(w, h);
      for (int i = 0; i < w * h; i++) {
        out[c].data[i] = (short) ((in[i * n + c] & 0xFF) * 257);
      }
    }
    return out;
  }
}
