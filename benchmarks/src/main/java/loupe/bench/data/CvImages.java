// SPDX-License-Identifier: Apache-2.0
package loupe.bench.data;

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
    int w = rgb.width;
    int h = rgb.height;
    byte[] out = new byte[w * h * 3];
    for (int c = 0; c < 3; c++) {
      GrayU16 band = rgb.bands[2 - c];
      for (int y = 0; y < h; y++) {
        for (int x = 0; x < w; x++) {
          out[(y * w + x) * 3 + c] = (byte) BitDepth.EIGHT.fromStorage(band.get(x, y));
        }
      }
    }
    Mat m = new Mat(h, w, CvType.CV_8UC3);
    m.put(0, 0, out);
    return m;
  }

  /** @param bgr Not modified: CV_8UC3 */
  public static Planar fromBgr8(Mat bgr) {
    if (bgr.type() != CvType.CV_8UC3) {
      throw new IllegalArgumentException("expected an 8-bit 3-channel Mat, got " + bgr);
    }
    int w = bgr.cols();
    int h = bgr.rows();
    byte[] in = new byte[w * h * 3];
    bgr.get(0, 0, in);
    Planar out = Planar.create(3, w, h);
    for (int c = 0; c < 3; c++) {
      short[] band = out.bands[2 - c].data;
      for (int i = 0; i < w * h; i++) {
        band[i] = (short) ((in[i * 3 + c] & 0xFF) * 257);
      }
    }
    return out;
  }

  /** A mask as CV_8UC1: 255 where {@code mask} &gt; 0 when {@code binary}, else storage / 257 rounded. Not modified. */
  public static Mat toGray8(GrayU16 mask, boolean binary) {
    int w = mask.width;
    int h = mask.height;
    byte[] out = new byte[w * h];
    for (int y = 0; y < h; y++) {
      for (int x = 0; x < w; x++) {
        int v = mask.get(x, y);
        out[y * w + x] = (byte) (binary ? (v > 0 ? 255 : 0) : BitDepth.EIGHT.fromStorage(v));
      }
    }
    Mat m = new Mat(h, w, CvType.CV_8UC1);
    m.put(0, 0, out);
    return m;
  }

  /** @param gray Not modified: CV_8UC1; returns storage ×257 */
  public static GrayU16 fromGray8(Mat gray) {
    if (gray.type() != CvType.CV_8UC1) {
      throw new IllegalArgumentException("expected an 8-bit 1-channel Mat, got " + gray);
    }
    byte[] in = new byte[gray.cols() * gray.rows()];
    gray.get(0, 0, in);
    GrayU16 out = new GrayU16(gray.cols(), gray.rows());
    for (int i = 0; i < in.length; i++) {
      out.data[i] = (short) ((in[i] & 0xFF) * 257);
    }
    return out;
  }
}
