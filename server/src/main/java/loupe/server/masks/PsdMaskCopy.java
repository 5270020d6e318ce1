// SPDX-License-Identifier: Apache-2.0
package loupe.server.masks;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import loupe.engine.alg.lumamask.MaskSpec;
import loupe.engine.image.GrayU16;
import loupe.psd.AlphaChannels;
import loupe.psd.PsdDocument;
import loupe.psd.PsdReader;
import loupe.psd.PsdWriter;
import loupe.server.UserError;
import loupe.server.retouch.PsdPixels;

/**
 * A copy of the input PSD/PSB with the masks added as alpha channels ("Product mask", then each
 * luminosity mask by its name) at the document's depth (8-bit: {@code (s + 128) / 257}). Layers,
 * resources and the colour composite are written as read. The file appears atomically, is re-read
 * and every added channel compared with what was meant; the input is never the target.
 */
public record PsdMaskCopy(Path target) {
  /** PsdWriter writes a PSB when the document is one or a side exceeds the PSD limit of 30000 px. */
  private static final int PSD_MAX_SIDE = 30_000;
  /** The header's channel count: "Supported range is 1 to 56". */
  private static final int MAX_CHANNELS = 56;

  /** Checks the target before anything is computed. */
  public static PsdMaskCopy plan(Path out, MaskInput in, List<MaskSpec> specs, boolean force) throws IOException {
    PsdDocument doc = in.document();
    if (doc == null) {
      throw new UserError(in.file() + " is not a PSD/PSB: alpha channels are added to a copy of a PSD/PSB "
          + "(give --out a folder for PNG masks)");
    }
    boolean psb = doc.version() == 2 || Math.max(doc.width(), doc.height()) > PSD_MAX_SIDE;
    String ext = psb ? ".psb" : ".psd";
    if (!out.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(ext)) {
      throw new UserError("the document is written as a " + ext.substring(1).toUpperCase(Locale.ROOT) + "; name the output "
          + ext + " (got " + out + ")");
    }
    if (out.toAbsolutePath().normalize().equals(in.file().toAbsolutePath().normalize())
        || Files.exists(out) && Files.isSameFile(out, in.file())) {
      throw new UserError(out + " is the input file; masks are added to a copy (choose another --out)");
    }
    if (Files.isDirectory(out)) {
      throw new UserError(out + " is a folder; give the PSD copy a file name");
    }
    if (Files.exists(out) && !force) {
      throw new UserError(out + " exists (use --force to replace it)");
    }
    List<String> existing = AlphaChannels.list(doc).stream().map(AlphaChannels.Alpha::name).toList();
    for (String name : channelNames(specs)) {
      if (existing.contains(name)) {
        throw new UserError(in.file() + " already has an alpha channel named '" + name + "'");
      }
    }
    if (doc.channelCount() + 1 + specs.size() > MAX_CHANNELS) {
      throw new UserError(in.file() + ": " + doc.channelCount() + " channels + " + (1 + specs.size())
          + " masks is more than the " + MAX_CHANNELS + " channels a PSD holds");
    }
    return new PsdMaskCopy(out);
  }

  /** Adds the channels to {@code in}'s document (modified) and writes it to the target. */
  public Path write(MaskInput in, DocumentMasks masks) throws IOException {
    PsdDocument doc = in.document();
    Map<String, byte[]> channels = new LinkedHashMap<>();
    channels.put(DocumentMasks.PRODUCT_CHANNEL_NAME, PsdPixels.encode(masks.product(), doc.depth()));
    for (Map.Entry<MaskSpec, GrayU16> e : masks.luminosity().entrySet()) {
      channels.put(e.getKey().name(), PsdPixels.encode(e.getValue(), doc.depth()));
    }
    channels.forEach((name, bytes) -> AlphaChannels.add(doc, name, bytes));
    Path parent = target.toAbsolutePath().getParent();
    Files.createDirectories(parent);
    PsdWriter.write(doc, target);
    verify(channels);
    return target;
  }

  private void verify(Map<String, byte[]> channels) throws IOException {
    PsdDocument written = PsdReader.read(target);
    for (Map.Entry<String, byte[]> e : channels.entrySet()) {
      AlphaChannels.Alpha a = AlphaChannels.find(written, e.getKey());
      if (a == null || a.inverted() || !Arrays.equals(a.channel().decoded(), e.getValue())) {
        Files.deleteIfExists(target);
        throw new IOException(target + ": the alpha channel '" + e.getKey() + "' did not read back as written; "
            + "the output was deleted");
      }
    }
  }

  static List<String> channelNames(List<MaskSpec> specs) {
    List<String> names = new ArrayList<>(List.of(DocumentMasks.PRODUCT_CHANNEL_NAME));
    specs.forEach(s -> names.add(s.name()));
    return names;
  }
}
