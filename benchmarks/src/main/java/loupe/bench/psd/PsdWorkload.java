// SPDX-License-Identifier: Apache-2.0
package loupe.bench.psd;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;
import loupe.bench.BenchConfig;
import loupe.bench.run.Compared;
import loupe.bench.run.Repeat;
import loupe.bench.run.Row;
import loupe.bench.run.Workload;
import loupe.psd.PsdChannel;
import loupe.psd.PsdDocument;
import loupe.psd.PsdLayer;
import loupe.psd.PsdReadOptions;
import loupe.psd.PsdReader;
import loupe.psd.PsdWriteResult;
import loupe.psd.PsdWriter;

/**
 * Layered RLE PSD write and read of {@link SyntheticDocument}. Write: Loupe's writer, composite
 * recomputed from the layers (no reference: TwelveMonkeys does not write PSD). Read: Loupe with
 * every channel decoded vs TwelveMonkeys reading the same file (the composite and every layer).
 * The write workload leaves its file in the work folder for the read workload.
 */
public final class PsdWorkload implements Workload {
  /** Which half. */
  public enum Kind { WRITE, READ }

  private final Kind kind;
  private final int width;
  private final int height;
  private final int depth;
  private final Path workDir;
  private final Repeat repeat;

  public PsdWorkload(Kind kind, int depth, BenchConfig cfg) {
    this.kind = kind;
    this.width = cfg.psdWidth();
    this.height = cfg.psdHeight();
    this.depth = depth;
    this.workDir = cfg.workDir();
    this.repeat = cfg.repeat();
  }

  @Override
  public String id() {
    return "psd-" + kind.name().toLowerCase(java.util.Locale.ROOT) + "-" + depth;
  }

  private Path file() {
    return workDir.resolve("bench-" + width + "x" + height + "-" + depth + ".psd");
  }

  private String params() {
    return width + "×" + height + " " + depth + "-bit RGB, " + SyntheticDocument.LAYERS + " RGBA layers, RLE";
  }

  @Override
  public Row run() throws Exception {
    return kind == Kind.WRITE ? write() : read();
  }

  private Row write() throws Exception {
    PsdDocument doc = SyntheticDocument.generate(width, height, depth);
    long decoded = SyntheticDocument.decodedBytes(doc);
    Path out = file();
    CpuMeter<PsdWriteResult> cpu = new CpuMeter<>(() -> PsdWriter.write(doc, out));
    Compared<PsdWriteResult, Void> m = Compared.loupeOnly(repeat, cpu);
    double cpuMs = cpu.medianOfLast(repeat.runs());
    if (!m.loupe().result().compositeRecomputed()) {
      throw new IllegalStateException("the writer kept a stale composite: " + m.loupe().result().reason());
    }
    return Row.of(id(), "PSD write " + depth + "-bit", params(), repeat, null, m,
        Row.fields("decoded_mb", decoded / 1e6, "loupe_mb_s", decoded / 1e3 / m.loupe().ms(),
            "loupe_cpu_ms", cpuMs, "loupe_mb_per_cpu_s", decoded / 1e3 / cpuMs, "file_mb", Files.size(out) / 1e6),
        "includes recomputing the composite from the layers");
  }

  private Row read() throws Exception {
    Path in = file();
    if (!Files.isRegularFile(in)) {
      PsdWriter.write(SyntheticDocument.generate(width, height, depth), in);
    }
    CpuMeter<Long> cpu = new CpuMeter<>(() -> readWithLoupe(in));
    Compared<Long, Integer> m = Compared.run(repeat, cpu, repeat, () -> readWithTwelveMonkeys(in));
    long decoded = m.loupe().result();
    double cpuMs = cpu.medianOfLast(repeat.runs());
    return Row.of(id(), "PSD read " + depth + "-bit", params(), repeat, "TwelveMonkeys imageio-psd", m,
        Row.fields("decoded_mb", decoded / 1e6, "loupe_mb_s", decoded / 1e3 / m.loupe().ms(),
            "loupe_cpu_ms", cpuMs, "loupe_mb_per_cpu_s", decoded / 1e3 / cpuMs,
            "ref_mb_s", decoded / 1e3 / m.referenceMs(), "ref_images", m.reference().result()),
        "every channel decoded; TwelveMonkeys reads the composite and each layer");
  }

  /** Reads with every channel decoded; returns the decoded bytes. */
  static long readWithLoupe(Path file) throws IOException {
    PsdDocument doc = PsdReader.read(file, PsdReadOptions.DEFAULT.withDecodeEagerly(true));
    long n = 0;
    for (PsdLayer l : doc.layers()) {
      for (PsdChannel c : l.channels()) {
        n += c.decoded().length;
      }
    }
    for (PsdChannel c : doc.composite()) {
      n += c.decoded().length;
    }
    return n;
  }

  /** Reads the composite and every layer; returns the number of images read. */
  private int readWithTwelveMonkeys(Path file) throws IOException {
    try (ImageInputStream in = ImageIO.createImageInputStream(file.toFile())) {
      ImageReader reader = twelveMonkeys();
      try {
        reader.setInput(in);
        int images = reader.getNumImages(true);
        for (int i = 0; i < images; i++) {
          BufferedImage img = reader.read(i);
          if (img.getWidth() != width || img.getHeight() != height) {
            throw new IllegalStateException("TwelveMonkeys image " + i + " is " + img.getWidth() + "×" + img.getHeight());
          }
        }
        return images;
      } finally {
        reader.dispose();
      }
    }
  }

  private static ImageReader twelveMonkeys() {
    Iterator<ImageReader> it = ImageIO.getImageReadersByFormatName("psd");
    while (it.hasNext()) {
      ImageReader r = it.next();
      if (r.getClass().getName().startsWith("com.twelvemonkeys")) {
        return r;
      }
    }
    throw new IllegalStateException("TwelveMonkeys PSD reader not on the classpath");
  }
}
