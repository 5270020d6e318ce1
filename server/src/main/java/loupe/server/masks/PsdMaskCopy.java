// SPDX-License-Identifier: Apache-2.0
package loupe.server.masks;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import loupe.engine.alg.lumamask.MaskSpec;
import loupe.engine.image.GrayU16;
import loupe.psd.AlphaChannels;
import loupe.psd.LayerMask;
import loupe.psd.LayerNode;
import loupe.psd.PsdChannel;
import loupe.psd.PsdDocument;
import loupe.psd.PsdLayer;
import loupe.psd.PsdReader;
import loupe.psd.PsdWriter;
import loupe.server.UserError;
import loupe.server.io.SamePlace;
import loupe.server.retouch.DocumentRetouch;
import loupe.server.retouch.PsdPixels;
import loupe.server.retouch.RetouchService;
import loupe.server.retouch.SavedMasks;

/**
 * A copy of the input PSD/PSB (of a flat picture: a layer-less PSD of its pixels, what a retouch
 * job makes of it) with the masks added ("Product mask", "Loupe protection" for an
 * automatic mask, then each luminosity mask by its name) at the document's depth (8-bit: {@code (s + 128) / 257}), in one of two forms:
 *
 * <ul>
 *   <li>{@link Form#CHANNELS}: as alpha channels (saved selections);
 *   <li>{@link Form#LAYER_MASKS}: as the layer masks of empty groups, one per mask, in a group
 *       {@value #GROUP_NAME} at the top of the layer stack. An adjustment layer dropped into such a
 *       group works through its mask, as the luminosity-mask panels set it up; a click on the mask
 *       loads it as a selection. A document without layers first gets its composite as the bottom
 *       layer, so that the groups do not hide the picture.
 * </ul>
 *
 * Layers, resources and the colour composite are otherwise written as read. The file appears
 * atomically, is re-read and every added mask compared with what was meant; the input is never the
 * target.
 */
public final class PsdMaskCopy {
  /** How the masks are added. */
  public enum Form { CHANNELS, LAYER_MASKS }

  /** The group that holds the layer-mask form's groups. */
  public static final String GROUP_NAME = "Loupe masks";

  /** PsdWriter writes a PSB when the document is one or a side exceeds the PSD limit of 30000 px. */
  private static final int PSD_MAX_SIDE = 30_000;

  private final Path target;
  private final Form form;
  /** The document the masks are added to (modified by {@link #write}, once). */
  private final PsdDocument document;

  private PsdMaskCopy(Path target, Form form, PsdDocument document) {
    this.target = target;
    this.form = form;
    this.document = document;
  }

  /**
   * Checks the target before anything is computed.
   *
   * @param protection whether the masks will include a protection ({@link DocumentMasks#hasProtection})
   */
  public static PsdMaskCopy plan(Path out, MaskInput in, List<MaskSpec> specs, boolean protection, Form form,
      boolean force) throws IOException {
    // A flat picture's copy is the layer-less document a retouch job reads, which refuses a cut-out.
    if (in.flat() != null) {
      RetouchService.requireOpaque(in.flat(), in.file().toString());
    }
    PsdDocument doc = in.document();
    boolean psb = doc.version() == 2 || Math.max(doc.width(), doc.height()) > PSD_MAX_SIDE;
    String ext = psb ? ".psb" : ".psd";
    if (!out.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(ext)) {
      throw new UserError("the document is written as a " + ext.substring(1).toUpperCase(Locale.ROOT) + "; name the output "
          + ext + " (got " + out + ")");
    }
    if (SamePlace.is(out, in.file())) {
      throw new UserError(out + " is the input file; masks are added to a copy (choose another --out)");
    }
    if (Files.isDirectory(out)) {
      throw new UserError(out + " is a folder; give the PSD copy a file name");
    }
    if (Files.exists(out) && !force) {
      throw new UserError(out + " exists (use --force to replace it)");
    }
    if (form == Form.CHANNELS) {
      List<String> existing = AlphaChannels.list(doc).stream().map(AlphaChannels.Alpha::name).toList();
      List<String> names = channelNames(specs, protection);
      for (String name : names) {
        if (existing.contains(name)) {
          throw new UserError(in.file() + " already has an alpha channel named '" + name + "' (from an earlier run?): "
              + "delete or rename it in Photoshop, add them as layer masks (--as layer-masks), or write PNGs to a folder");
        }
      }
      String why = AlphaChannels.whyNot(doc, names.size());
      if (why != null) {
        throw new UserError(in.file() + ": " + names.size() + " masks cannot be added as alpha channels: " + why);
      }
    }
    return new PsdMaskCopy(out, form, doc);
  }

  /**
   * Adds the masks to {@code in}'s document (modified): alpha channels, or the masked groups (and,
   * in a document without layers, its picture as the bottom layer); writes it to the target and
   * reads it back. The target is deleted when the read-back fails in any way.
   */
  public Path write(DocumentMasks masks) throws IOException {
    PsdDocument doc = document;
    Map<String, byte[]> channels = new LinkedHashMap<>();
    channels.put(SavedMasks.PRODUCT_CHANNEL, PsdPixels.encode(masks.product(), doc.depth()));
    if (masks.protection() != null) {
      channels.put(SavedMasks.PROTECTION_CHANNEL, PsdPixels.encode(masks.protection(), doc.depth()));
    }
    for (Map.Entry<MaskSpec, GrayU16> e : masks.luminosity().entrySet()) {
      channels.put(e.getKey().name(), PsdPixels.encode(e.getValue(), doc.depth()));
    }
    if (form == Form.CHANNELS) {
      channels.forEach((name, bytes) -> AlphaChannels.add(doc, name, bytes));
    } else {
      addLayerMasks(doc, channels);
    }
    Path parent = target.toAbsolutePath().getParent();
    Files.createDirectories(parent);
    PsdWriter.write(doc, target);
    try {
      verify(channels);
    } catch (IOException | RuntimeException e) {
      Files.deleteIfExists(target);
      throw e;
    }
    return target;
  }

  /** {@value #GROUP_NAME} on top, holding one empty group per mask (the first on top), each masked. */
  private static void addLayerMasks(PsdDocument doc, Map<String, byte[]> masks) {
    if (doc.layers().isEmpty()) {
      DocumentRetouch.originalLayer(doc, doc.composite());
    }
    // Empty groups (and a bottom layer that is the picture itself) do not change how it renders.
    doc.keepComposite();
    PsdLayer outer = doc.insertGroup(doc.layers().size(), GROUP_NAME, List.of());
    List<String> bottomUp = new ArrayList<>(masks.keySet());
    Collections.reverse(bottomUp);
    for (String name : bottomUp) {
      PsdLayer group = doc.insertGroupBelow(outer, name, List.of());
      group.setUserMask(LayerMask.of(0, 0, doc.height(), doc.width(), 0), masks.get(name), doc.depth());
    }
  }

  private void verify(Map<String, byte[]> masks) throws IOException {
    PsdDocument written = PsdReader.read(target);
    for (Map.Entry<String, byte[]> e : masks.entrySet()) {
      byte[] read = form == Form.CHANNELS ? alphaChannel(written, e.getKey()) : groupMask(written, e.getKey());
      if (!Arrays.equals(read, e.getValue())) {
        Files.deleteIfExists(target);
        throw new IOException(target + ": the " + (form == Form.CHANNELS ? "alpha channel" : "layer mask of the group")
            + " '" + e.getKey() + "' did not read back as written; the output was deleted");
      }
    }
  }

  private static byte[] alphaChannel(PsdDocument doc, String name) {
    AlphaChannels.Alpha a = AlphaChannels.find(doc, name);
    return a == null || a.inverted() ? null : a.channel().decoded();
  }

  /** The full-canvas user mask of the group named {@code name} inside {@value #GROUP_NAME}, or null. */
  private static byte[] groupMask(PsdDocument doc, String name) {
    for (LayerNode top : doc.layerTree()) {
      if (top.layer().isGroupStart() && top.layer().name().equals(GROUP_NAME)) {
        for (LayerNode child : top.children()) {
          PsdLayer l = child.layer();
          LayerMask m = l.userMask();
          if (l.isGroupStart() && l.name().equals(name) && m != null && m.top() == 0 && m.left() == 0
              && m.bottom() == doc.height() && m.right() == doc.width() && m.defaultColor() == 0) {
            return l.channel(PsdChannel.USER_MASK).decoded();
          }
        }
      }
    }
    return null;
  }

  public static List<String> channelNames(List<MaskSpec> specs, boolean protection) {
    List<String> names = new ArrayList<>(List.of(SavedMasks.PRODUCT_CHANNEL));
    if (protection) {
      names.add(SavedMasks.PROTECTION_CHANNEL);
    }
    specs.forEach(s -> names.add(s.name()));
    return names;
  }
}
