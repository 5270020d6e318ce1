// SPDX-License-Identifier: Apache-2.0
package loupe.server.masks;

import java.awt.image.BufferedImage;
import java.awt.image.DataBufferUShort;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import javax.imageio.ImageIO;
import loupe.engine.alg.lumamask.MaskSpec;
import loupe.engine.image.GrayU16;
import loupe.psd.AtomicFiles;
import loupe.server.UserError;
import loupe.server.io.SamePlace;

/**
 * Masks as 16-bit grayscale PNGs, samples as the engine holds them (65535 = selected), whatever the
 * document's depth. Into a folder: {@code <stem>.mask.png} for the product mask, {@code
 * <stem>.protection.png} for an automatic mask's protection, and {@code <stem>.<name>.png} per
 * luminosity mask ({@code solitaire.lights3.png}). To a named file ({@code --out ring-mask.png}):
 * the product mask is that file and the others lie beside it ({@code ring-mask.lights3.png}). Each
 * file appears atomically.
 *
 * @param product where the product mask goes
 */
public record PngMaskFiles(Path folder, String stem, Path product) {

  /**
   * Checks the targets before anything is computed: existing files need {@code force}, and none may
   * be the input.
   *
   * @param out a folder, or a {@code .png} file for the product mask (an existing folder stays a folder)
   * @param protection whether the masks will include a protection ({@link DocumentMasks#hasProtection})
   */
  public static PngMaskFiles plan(Path out, Path input, List<MaskSpec> specs, boolean protection, boolean force) {
    PngMaskFiles files = isPngFile(out) ? toFile(out.toAbsolutePath()) : toFolder(out, input);
    List<Path> targets = new ArrayList<>(List.of(files.product()));
    if (protection) {
      targets.add(files.target(DocumentMasks.PROTECTION_FILE_NAME));
    }
    specs.forEach(s -> targets.add(files.target(DocumentMasks.fileName(s))));
    for (Path t : targets) {
      if (Files.exists(t) && isSameFile(t, input)) {
        throw new UserError("--out " + out + " would replace the input " + input + " with a mask (" + t.getFileName()
            + "); Loupe never modifies an input file, so name another file or folder");
      }
      if (Files.exists(t) && !force) {
        throw new UserError(t + " exists (use --force to replace it)");
      }
    }
    return files;
  }

  /** A {@code .png} name that is not an existing folder. */
  private static boolean isPngFile(Path out) {
    Path name = out.getFileName();
    return name != null && name.toString().toLowerCase(Locale.ROOT).endsWith(".png") && !Files.isDirectory(out);
  }

  private static PngMaskFiles toFile(Path file) {
    String name = file.getFileName().toString();
    String stem = name.substring(0, name.length() - ".png".length());
    if (stem.isEmpty()) {
      throw new UserError("--out " + file + ": the PNG needs a name before .png");
    }
    return new PngMaskFiles(file.getParent(), stem, file);
  }

  private static PngMaskFiles toFolder(Path folder, Path input) {
    if (Files.exists(folder) && !Files.isDirectory(folder)) {
      throw new UserError(folder + " is a file; --out takes a folder or a .png file for PNG masks, or a .psd/.psb path");
    }
    String name = input.getFileName().toString();
    int dot = name.lastIndexOf('.');
    String stem = dot > 0 ? name.substring(0, dot) : name;
    return new PngMaskFiles(folder, stem, folder.resolve(stem + "." + DocumentMasks.PRODUCT_FILE_NAME + ".png"));
  }

  private static boolean isSameFile(Path a, Path b) {
    try {
      return SamePlace.is(a, b);
    } catch (IOException e) {
      return false;
    }
  }

  /** Where a mask other than the product mask goes. */
  public Path target(String maskName) {
    return folder.resolve(stem + "." + maskName + ".png");
  }

  /** Writes every mask; if one fails, the files this call wrote are removed again. */
  public List<Path> write(DocumentMasks masks) throws IOException {
    Files.createDirectories(folder);
    List<Path> written = new ArrayList<>();
    try {
      written.add(writePng(masks.product(), product));
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
