// SPDX-License-Identifier: Apache-2.0
package loupe.server.http;

import java.io.EOFException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import loupe.psd.PsdDocument;
import loupe.server.retouch.FlatImageReader;

/**
 * What an uploaded file declares before any pixel is decoded: its canvas and the samples of all
 * its channels (composite plus every layer). Read from the PSD/PSB header and layer records only
 * (Adobe Photoshop File Format Specification, "File Header Section" and "Layer records"), or from
 * a flat image's header through ImageIO. A file too damaged to walk declares what its header says;
 * the job itself then names the damage.
 *
 * @param width canvas width (0 if unknown)
 * @param height canvas height (0 if unknown)
 * @param samples channel samples declared in the whole file (saturates at Long.MAX_VALUE)
 */
record DeclaredSize(long width, long height, long samples) {
  static final DeclaredSize UNKNOWN = new DeclaredSize(0, 0, 0);

  long canvasPixels() {
    return saturated((double) width * height);
  }

  /** A product or sum of declared sizes, which a hostile file can push past 2^63. */
  static long saturated(double v) {
    return v >= Long.MAX_VALUE ? Long.MAX_VALUE : (long) v;
  }

  static DeclaredSize of(Path file) throws IOException {
    try (FileChannel ch = FileChannel.open(file)) {
      Cursor in = new Cursor(ch);
      if (ch.size() >= 4 && in.u32() == SIGNATURE) {
        return psd(in);
      }
    }
    return flat(file);
  }

  private static DeclaredSize psd(Cursor in) throws IOException {
    boolean psb;
    DeclaredSize composite;
    try {
      psb = in.u16() == 2;
      in.skip(6);
      int channels = in.u16();
      long height = in.u32();
      long width = in.u32();
      in.skip(4); // depth and colour mode
      composite = new DeclaredSize(width, height, saturated((double) width * height * channels));
    } catch (EOFException e) {
      return UNKNOWN;
    }
    try {
      in.skip(in.u32()); // colour mode data
      in.skip(in.u32()); // image resources
      long sectionEnd = in.length(psb);
      sectionEnd += in.position();
      long layerInfo = in.length(psb);
      double layers = layerInfo == 0 ? 0 : layerSamples(in, psb);
      if (layerInfo == 0) {
        // 16- and 32-bit documents keep their layers in an Lr16/Lr32 block after the global mask.
        in.skip(in.u32());
        while (in.position() + 12 <= sectionEnd) {
          in.skip(4); // 8BIM or 8B64
          int key = (int) in.u32();
          long length = psb && LONG_BLOCKS.contains(key) ? in.u64() : in.u32();
          if (length < 0 || length > sectionEnd - in.position()) {
            break; // a damaged block (a negative length pointed the walk back at itself); the reader names it
          }
          long next = in.position() + length;
          if (key == LR16 || key == LR32 || key == LAYR) {
            layers = layerSamples(in, psb);
            break;
          }
          in.seek(nextSignature(in, next));
        }
      }
      return new DeclaredSize(composite.width(), composite.height(), saturated(composite.samples() + layers));
    } catch (EOFException e) {
      return composite;
    }
  }

  /** Spec: block data is "rounded up to an even byte count"; Photoshop often pads to 4. The next signature tells. */
  private static long nextSignature(Cursor in, long next) throws IOException {
    for (long p = next; p < next + 4; p++) {
      in.seek(p);
      long sig = in.u32();
      if (sig == BLOCK || sig == BLOCK64) {
        return p;
      }
    }
    return next;
  }

  /** Samples of the layer records at the cursor: layer count, then each record's bounds and channels. */
  private static double layerSamples(Cursor in, boolean psb) throws IOException {
    // Spec: "If it is a negative number, its absolute value is the number of layers".
    int count = Math.abs((short) in.u16());
    double samples = 0;
    for (int i = 0; i < count; i++) {
      long top = (int) in.u32();
      long left = (int) in.u32();
      long bottom = (int) in.u32();
      long right = (int) in.u32();
      int channels = in.u16();
      in.skip((long) channels * (psb ? 10 : 6)); // channel id and data length per channel
      in.skip(12); // blend signature and key, opacity, clipping, flags, filler
      in.skip(in.u32()); // extra data: mask, blending ranges, name, tagged blocks
      if (bottom - top <= PsdDocument.MAX_SIDE && right - left <= PsdDocument.MAX_SIDE) {
        samples += (double) Math.max(0, bottom - top) * Math.max(0, right - left) * channels;
      } // else a damaged record, which the job's reader refuses naming it: no memory to ask for
    }
    return samples;
  }

  private static DeclaredSize flat(Path file) {
    return FlatImageReader.header(file, false, reader -> {
      long w = reader.getWidth(0);
      long h = reader.getHeight(0);
      int bands = reader.getRawImageType(0) == null ? 4 : reader.getRawImageType(0).getNumBands();
      return new DeclaredSize(w, h, saturated((double) w * h * bands));
    }, UNKNOWN);
  }

  private static final long SIGNATURE = 0x38425053L; // "8BPS"
  private static final long BLOCK = 0x3842494DL; // "8BIM"
  private static final long BLOCK64 = 0x38423634L; // "8B64"
  private static final int LR16 = 0x4C723136;
  private static final int LR32 = 0x4C723332;
  private static final int LAYR = 0x4C617972;
  /** Spec: in PSB these keys have an 8-byte length. */
  private static final java.util.Set<Integer> LONG_BLOCKS = java.util.Set.of(LR16, LR32, LAYR, key("Mt16"),
      key("Mt32"), key("Mtrn"), key("Alph"), key("FMsk"), key("lnk2"), key("FEid"), key("FXid"), key("PxSD"));

  private static int key(String k) {
    return k.charAt(0) << 24 | k.charAt(1) << 16 | k.charAt(2) << 8 | k.charAt(3);
  }

  /** Big-endian reads at a position of a file channel; reading past the end is an EOFException. */
  private static final class Cursor {
    private final FileChannel ch;
    private final ByteBuffer buf = ByteBuffer.allocate(8);
    private long pos;

    Cursor(FileChannel ch) {
      this.ch = ch;
    }

    long position() {
      return pos;
    }

    void seek(long p) {
      pos = p;
    }

    void skip(long n) {
      pos += n;
    }

    int u16() throws IOException {
      return (int) read(2);
    }

    long u32() throws IOException {
      return read(4);
    }

    long u64() throws IOException {
      return read(8);
    }

    /** A section length: 4 bytes in PSD, 8 in PSB. */
    long length(boolean psb) throws IOException {
      return psb ? u64() : u32();
    }

    private long read(int n) throws IOException {
      buf.clear().limit(n);
      while (buf.hasRemaining()) {
        if (ch.read(buf, pos + buf.position()) < 0) {
          throw new EOFException("end of file at offset " + (pos + buf.position()));
        }
      }
      pos += n;
      long v = 0;
      for (int i = 0; i < n; i++) {
        v = v << 8 | (buf.get(i) & 0xFF);
      }
      return v;
    }
  }
}
