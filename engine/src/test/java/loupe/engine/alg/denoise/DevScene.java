// SPDX-License-Identifier: Apache-2.0
package loupe.engine.alg.denoise;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import loupe.engine.image.GrayU16;
import loupe.engine.image.Planar;
import loupe.engine.testing.TestImages;

/**
 * One scene of ../shared/benchmark/dev with the masks the background tests use. Labels of
 * truth_defects.png are read ×257 (label 3 = 771).
 */
public record DevScene(String name, Planar input, Planar clean, GrayU16 truthMask, GrayU16 defects, JsonNode meta) {

  public static DevScene load(Path dir) {
    try {
      return new DevScene(dir.getFileName().toString(), TestImages.readRgb(dir.resolve("input.png")),
          TestImages.readRgb(dir.resolve("truth_clean.png")), TestImages.readGray(dir.resolve("truth_mask.png")),
          TestImages.readGray(dir.resolve("truth_defects.png")), new ObjectMapper().readTree(dir.resolve("meta.json").toFile()));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public int width() {
    return input.width;
  }

  public int height() {
    return input.height;
  }

  /** 1 where truth_mask == 0 and no defect is labelled: the background a denoiser is judged on. */
  public GrayU16 cleanBackground() {
    GrayU16 out = new GrayU16(width(), height());
    for (int y = 0; y < height(); y++) {
      for (int x = 0; x < width(); x++) {
        out.set(x, y, truthMask.get(x, y) == 0 && defects.get(x, y) == 0 ? 1 : 0);
      }
    }
    return out;
  }

  /** 1 where truth_mask == 0 (defects included). */
  public GrayU16 background() {
    GrayU16 out = new GrayU16(width(), height());
    for (int y = 0; y < height(); y++) {
      for (int x = 0; x < width(); x++) {
        out.set(x, y, truthMask.get(x, y) == 0 ? 1 : 0);
      }
    }
    return out;
  }

  /** 65535 wherever a defect of any label is marked (props, their shadows, dust, hairs). */
  public GrayU16 defectMask() {
    GrayU16 out = new GrayU16(width(), height());
    for (int y = 0; y < height(); y++) {
      for (int x = 0; x < width(); x++) {
        out.set(x, y, defects.get(x, y) > 0 ? 65535 : 0);
      }
    }
    return out;
  }

  /** truth_mask &gt; 0 grown by a disc of {@code radius} pixels, as a binary product mask. */
  public GrayU16 dilatedProduct(int radius) {
    GrayU16 out = new GrayU16(width(), height());
    for (int y = 0; y < height(); y++) {
      for (int x = 0; x < width(); x++) {
        if (truthMask.get(x, y) == 0) {
          continue;
        }
        for (int dy = -radius; dy <= radius; dy++) {
          for (int dx = -radius; dx <= radius; dx++) {
            if (dx * dx + dy * dy <= radius * radius && out.isInside(x + dx, y + dy)) {
              out.set(x + dx, y + dy, 65535);
            }
          }
        }
      }
    }
    return out;
  }

  /**
   * truth_clean with the scene's vignette put back (meta.json "vignetting": gain = 1 −
   * s·r²/r_corner² in linear light on non-jewelry pixels, weighted by 1 − alpha; r_corner is the
   * half diagonal, which matches the input best): what a perfect denoiser would return, since
   * denoising does not remove vignetting.
   */
  public Planar vignettedClean() {
    JsonNode v = meta.get("vignetting");
    double s = v.get("strength").asDouble();
    double cx = v.get("centre").get(0).asDouble();
    double cy = v.get("centre").get(1).asDouble();
    double rc2 = (width() * (double) width() + height() * (double) height()) / 4;
    Planar out = clean.copy();
    for (int y = 0; y < height(); y++) {
      for (int x = 0; x < width(); x++) {
        double alpha = truthMask.get(x, y) / 65535.0;
        double gain = 1 - (1 - alpha) * s * ((x - cx) * (x - cx) + (y - cy) * (y - cy)) / rc2;
        for (int c = 0; c < 3; c++) {
          double linear = toLinear(clean.bands[c].get(x, y) / 65535.0) * gain;
          out.bands[c].set(x, y, (int) Math.round(65535 * fromLinear(linear)));
        }
      }
    }
    return out;
  }

  /** meta.json noise.measured_sigma_8bit_on_flat_background_rgb. */
  public double measuredSigma8(int band) {
    return meta.get("noise").get("measured_sigma_8bit_on_flat_background_rgb").get(band).asDouble();
  }

  private static double toLinear(double e) {
    return e <= 0.04045 ? e / 12.92 : Math.pow((e + 0.055) / 1.055, 2.4);
  }

  private static double fromLinear(double l) {
    return l <= 0.0031308 ? l * 12.92 : 1.055 * Math.pow(l, 1 / 2.4) - 0.055;
  }
}
