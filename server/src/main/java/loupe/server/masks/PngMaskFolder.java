// SPDX-License-Identifier: Apache-2.0
package loupe.server.masks;

import java.awt.image.BufferedImage;
import java.awt.image.DataBufferUShort;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javax.imageio.ImageIO;
import loupe.engine.alg.lumamask.MaskSpec;
import loupe.engine.image.GrayU16;
import loupe.psd.AtomicFiles;
import loupe.server.UserError;

/**
 * Masks as 16-bit grayscale PNGs in a folder: {@code <stem>.mask.png} for the product mask, {@code
 * <stem>.protection.png} for an automatic mask's protection, and {@code <stem>.<name>.png} per luminosity mask ({@code solitaire.lights3.png}), samples as the
 * engine holds them (65535 = selected), whatever the document's depth. Each file appears atomically.
 */
public record PngMaskFolder(Path folder, String stem, boolean force) {

  /**
   * Checks the targets before anything is computed: existing files need {@code force}.
   *
   * @param protection whether the masks will include a protection ({@link DocumentMasks#hasProtection})
   */
  public static PngMaskFolder plan(Path folder, Path input, List<MaskSpec> specs, boolean protection, boolean force) {
    if (Files.exists(folder) && !Files.isDirectory(folder)) {
      throw new UserError(folder + " is a file; --out takes a folder for PNG masks, or a .psd/.psb path");
    }
    String name = input.getFileName().toString();
    int dot = name.lastIndexOf('.');
    PngMaskFolder out = new PngMaskFolder(folder, dot > 0 ? name.substring(0, dot) : name, force);
    if (!force) {
      List<Path> targets = new ArrayList<>(List.of(out.target(DocumentMasks.PRODUCT_FILE_NAME)));
      if (protection) {
        targets.add(out.target(DocumentMasks.PROTECTION_FILE_NAME));
      }
      specs.forEach(s -> targets.add(out.target(DocumentMasks.fileName(s))));
      for (Path t : targets) {
        if (Files.exists(t)) {
          throw new UserError(t + " exists (use --force to replace it)");
        }
      }
    }
    return out;
  }

  public Path target(String maskName) {
    return folder.resolve(stem + "." + maskName + ".png");
  }

  /** Writes every mask; if one fails, the files this call wrote are removed again. */
  public List<Path> write(DocumentMasks masks) throws IOException {
    Files.createDirectories(folder);
    List<Path> written = new ArrayList<>();
    try {
      written.add(writePng(masks.product(), target(DocumentMasks.PRODUCT_FILE_NAME)));
      if (masks.protection() != null) {
        written.add(writePng(masks.protection(), target(DocumentMasks.PROTECTION_FILE_NAME)));
      }
      for (Map.Entry<MaskSpec, GrayU16> e : masks.luminosity().entrySet()) {
        written.add(writePng(e.getValue(), target(DocumentMasks.fileName(e.getKey()))));
      }
    } catch (IOException | RuntimeException e) {
      for (Path p : written) {
        Files.deleteIfExists(p);
      }
      throw e;
    }
    return written;
  }

  /**
   * One mask as a 16-bit gray PNG, through a temporary file in the same folder.
   *
   * @param mask Not modified
   */
  static Path writePng(GrayU16 mask, Path target) throws IOException {
    BufferedImage image = new BufferedImage(mask.width, mask.height, BufferedImage.TYPE_USHORT_GRAY);
    short[] samples = ((DataBufferUShort) image.getRaster().getDataBuffer()).getData();
    for (int y = 0; y < mask.height; y++) {
      System.arraycopy(mask.data, mask.startIndex + y * mask.stride, samples, y * mask.width, mask.width);
    }
    AtomicFiles.write(target, AtomicFiles.Access.READABLE_BY_ALL, tmp -> {
      if (!ImageIO.write(image, "png", tmp.toFile())) {
        throw new IOException("no PNG writer for 16-bit gray images");
      }
    });
    return target;
  }
}
