// SPDX-License-Identifier: Apache-2.0
package loupe.bench.psd;

import java.awt.image.BufferedImage;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.Random;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;
import loupe.psd.ColorMode;
import loupe.psd.PsdChannel;
import loupe.psd.PsdCompositor;
import loupe.psd.PsdDocument;
import loupe.psd.PsdLayer;
import loupe.psd.PsdReadOptions;
import loupe.psd.PsdReader;
import loupe.psd.PsdWriteResult;
import loupe.psd.PsdWriter;

/**
 * One run per depth: builds a 6000x4000 RGB document with 4 full-size RGBA layers, writes it as RLE
 * PSD with Loupe, reads it back with Loupe (all channels decoded) and with TwelveMonkeys (composite
 * and every layer), and prints MB/s of decoded pixels and peak heap. Run with -Xmx8g or more:
 * {@code java -Xmx8g -cp ... loupe.bench.psd.PsdBenchmark [width height]}.
 */
public final class PsdBenchmark {
    private PsdBenchmark() {}

    public static void main(String[] args) throws Exception {
        int w = args.length > 1 ? Integer.parseInt(args[0]) : 6000;
        int h = args.length > 1 ? Integer.parseInt(args[1]) : 4000;
        Path dir = Files.createTempDirectory("psd-bench");
        for (int depth : new int[] {8, 16}) run(dir.resolve("bench" + depth + ".psd"), w, h, depth);
        try (var s = Files.list(dir)) {
            for (Path p : s.toList()) Files.delete(p);
        }
        Files.delete(dir);
    }

    private static void run(Path file, int w, int h, int depth) throws Exception {
        PsdDocument doc = generate(w, h, depth);
        long decoded = decodedBytes(doc) + 3L * w * h * depth / 8;
        System.out.printf("%n%d-bit %dx%d, 4 RGBA layers + composite: %.1f MB decoded%n", depth, w, h, decoded / 1e6);

        long c0 = System.nanoTime();
        PsdCompositor.composite(doc);
        long c1 = System.nanoTime();
        long t0 = System.nanoTime();
        PsdWriteResult result = PsdWriter.write(doc, file);
        long t1 = System.nanoTime();
        double encodeSeconds = (t1 - t0 - (c1 - c0)) / 1e9;
        System.out.printf("Loupe write (RLE, composite recomputed=%s): %.0f MB/s (%.2f s, file %.1f MB); of which compositing %.2f s,"
                + " so encoding+writing %.0f MB/s%n", result.compositeRecomputed(), decoded / 1e6 / ((t1 - t0) / 1e9), (t1 - t0) / 1e9,
                Files.size(file) / 1e6, (c1 - c0) / 1e9, decoded / 1e6 / encodeSeconds);
        doc = null;

        settle();
        long l0 = System.nanoTime();
        PsdDocument lazy = PsdReader.read(file);
        long touched = 0;
        for (PsdLayer l : lazy.layers()) for (PsdChannel c : l.channels()) touched += c.decoded().length;
        for (PsdChannel c : lazy.composite()) touched += c.decoded().length;
        long l1 = System.nanoTime();
        long lazyPeak = peakHeap();
        System.out.printf("Loupe read (lazy, each channel decoded once, %d MB): %.0f MB/s (%.2f s), peak heap %.1f MB = %.2fx decoded%n",
                touched >> 20, decoded / 1e6 / ((l1 - l0) / 1e9), (l1 - l0) / 1e9, lazyPeak / 1e6, (double) lazyPeak / decoded);
        lazy = null;

        settle();
        long t2 = System.nanoTime();
        PsdDocument read = PsdReader.read(file, PsdReadOptions.DEFAULT.withDecodeEagerly(true));
        long t3 = System.nanoTime();
        long peak = peakHeap();
        System.out.printf("Loupe read (all channels decoded): %.0f MB/s (%.2f s), peak heap %.1f MB = %.2fx decoded%n",
                decoded / 1e6 / ((t3 - t2) / 1e9), (t3 - t2) / 1e9, peak / 1e6, (double) peak / decoded);
        int layers = read.layers().size();
        read = null;

        settle();
        long t4 = System.nanoTime();
        try (ImageInputStream in = ImageIO.createImageInputStream(file.toFile())) {
            ImageReader reader = twelveMonkeys();
            reader.setInput(in);
            for (int i = 0; i <= layers; i++) {
                BufferedImage img = reader.read(i);
                if (img.getWidth() != w) throw new IllegalStateException("unexpected image " + i);
            }
            reader.dispose();
        }
        long t5 = System.nanoTime();
        System.out.printf("TwelveMonkeys read (composite + %d layers): %.0f MB/s (%.2f s), peak heap %.1f MB%n", layers,
                decoded / 1e6 / ((t5 - t4) / 1e9), (t5 - t4) / 1e9, peakHeap() / 1e6);
    }

    /** Photo-like planes: smooth gradients with mild noise (RLE finds short runs, as in real images). */
    private static PsdDocument generate(int w, int h, int depth) {
        PsdDocument doc = PsdDocument.create(ColorMode.RGB, depth, w, h);
        Random r = new Random(42);
        for (int l = 0; l < 4; l++) {
            byte[][] colour = new byte[3][];
            for (int c = 0; c < 3; c++) colour[c] = plane(w, h, depth, r, l * 3 + c, false);
            PsdLayer layer = PsdLayer.newPixelLayer("layer " + l, 0, 0, w, h, depth, colour, plane(w, h, depth, r, l, true));
            doc.addLayer(l, layer);
        }
        return doc;
    }

    private static byte[] plane(int w, int h, int depth, Random r, int seed, boolean alpha) {
        int bytes = depth / 8;
        byte[] p = new byte[w * h * bytes];
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                int v = alpha ? (x < w / 2 ? 65535 : (y * 65535 / h)) : ((x * 40_000 / w + y * 20_000 / h + seed * 3000) & 0xFFFF);
                if (!alpha && (x & 7) == 0) v = (v + r.nextInt(512)) & 0xFFFF;
                int i = (y * w + x) * bytes;
                if (bytes == 2) {
                    p[i] = (byte) (v >>> 8);
                    p[i + 1] = (byte) v;
                } else {
                    p[i] = (byte) (v >>> 8);
                }
            }
        }
        return p;
    }

    private static long decodedBytes(PsdDocument doc) {
        long n = 0;
        for (PsdLayer l : doc.layers()) for (PsdChannel c : l.channels()) n += c.decodedSize();
        return n;
    }

    private static ImageReader twelveMonkeys() {
        Iterator<ImageReader> it = ImageIO.getImageReadersByFormatName("psd");
        while (it.hasNext()) {
            ImageReader r = it.next();
            if (r.getClass().getName().startsWith("com.twelvemonkeys")) return r;
        }
        throw new IllegalStateException("TwelveMonkeys PSD reader not on the classpath");
    }

    private static void settle() throws InterruptedException {
        System.gc();
        Thread.sleep(200);
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) pool.resetPeakUsage();
    }

    /** Sum of heap pools' peak usage since the last {@link #settle}. */
    private static long peakHeap() {
        long sum = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) sum += pool.getPeakUsage().getUsed();
        }
        return sum;
    }
}
