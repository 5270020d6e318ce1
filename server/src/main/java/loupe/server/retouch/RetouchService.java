// SPDX-License-Identifier: Apache-2.0
package loupe.server.retouch;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import loupe.engine.Progress;
import loupe.engine.recipe.ModelInpainter;
import loupe.engine.recipe.RetouchResult;
import loupe.psd.AtomicFiles;
import loupe.psd.ColorMode;
import loupe.psd.ImageResource;
import loupe.psd.PsdChannel;
import loupe.psd.PsdDocument;
import loupe.psd.PsdReader;
import loupe.psd.Resolution;
import loupe.psd.PsdWriteResult;
import loupe.psd.PsdWriter;
import loupe.server.io.FileErrors;
import loupe.server.UserError;
import loupe.server.jobs.JobOutput;

/**
 * The one retouch service behind the CLI and the HTTP API: files in, layered PSDs out, every
 * written file re-read and checked ({@link WrittenFileCheck}) before it takes its name.
 */
public final class RetouchService {
  /** Largest document (pixels) a file job may declare before anything is allocated. */
  public static final long MAX_PIXELS = 300_000_000L;
  private static final int ICC_PROFILE = 1039;
  /** The longest side a PSD (not PSB) may have (Adobe's file format specification). */
  private static final int PSD_MAX_SIDE = 30_000;
  private final ProductMasks masks;
  private final ModelInpainter.Source inpainters;
  private final PanelRetouch panel;

  /** Product masks and inpainting models from the installed models (~/.loupe/models). */
  public RetouchService() {
    this(new ProductMasks(), InstalledModels::inpainter);
  }

  /**
   * @param masks builds each job's product mask
   * @param inpainters finds the inpainting model a request names ({@code inpainter=lama})
   */
  public RetouchService(ProductMasks masks, ModelInpainter.Source inpainters) {
    this.masks = masks;
    this.inpainters = inpainters;
    this.panel = new PanelRetouch(masks, inpainters);
  }

  public PanelRequest.Checked checkPanelHeader(PanelJobHeader header, long maxPixels) {
    return panel.check(header, maxPixels);
  }

  public PanelRequest readPanelRequest(PanelRequest.Checked checked, InputStream body) throws IOException {
    return panel.read(checked, body);
  }

  public JobOutput runPanel(PanelRequest request, Progress progress) throws IOException {
    return panel.run(request, progress);
  }

  /** A PSD job: the upload is retouched into a private temp folder (the job owns and deletes the upload). */
  public JobOutput runPsdUpload(Path upload, RetouchRequest request, Progress progress) throws IOException {
    Path dir = Files.createTempDirectory("loupe-job-");
    try {
      FileOutcome outcome = retouchFile(upload, dir, request, progress);
      return new PsdJobOutput(outcome, dir);
    } catch (IOException | RuntimeException e) {
      deleteTree(dir);
      throw e;
    }
  }

  static void deleteTree(Path dir) {
    try (var files = Files.walk(dir)) {
      files.sorted(Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
    } catch (IOException ignored) {
      // best effort: a temp folder left behind is cleaned by the OS
    }
  }

  /**
   * Where {@link #retouchFile} writes the result for {@code input}: a PSB (Photoshop's large
   * format) stays a PSB, by name or by content; the CLI checks these names before any work.
   */
  public static Path outputFor(Path input, Path outDir) {
    String name = input.getFileName().toString();
    int dot = name.lastIndexOf('.');
    String stem = dot > 0 ? name.substring(0, dot) : name;
    boolean psb = (dot > 0 && name.substring(dot).equalsIgnoreCase(".psb")) || largeFormat(input);
    return outDir.resolve(stem + (psb ? ".loupe.psb" : ".loupe.psd"));
  }

  /**
   * Whether the file's content makes the result a PSB whatever its name: a PSB header, or a
   * picture wider or taller than PSD allows. Unreadable files say no here and are refused when read.
   */
  private static boolean largeFormat(Path input) {
    try (InputStream in = Files.newInputStream(input)) {
      byte[] head = in.readNBytes(6);
      if (Arrays.equals(Arrays.copyOf(head, 4), new byte[] {'8', 'B', 'P', 'S'})) {
        return head.length == 6 && head[4] == 0 && head[5] == 2;
      }
    } catch (IOException e) {
      return false;
    }
    return FlatImageReader.longSide(input) > PSD_MAX_SIDE;
  }

  /**
   * Retouches one PSD/PSB/PNG/TIFF/JPEG file into {@code outDir}. The input is only read; the
   * output appears atomically or not at all.
   */
  public FileOutcome retouchFile(Path input, Path outDir, RetouchRequest request, Progress progress) throws IOException {
    long start = System.nanoTime();
    FileErrors.requireFile(input);
    String file = input.toString();
    PsdDocument doc = readDocument(input);
    DocumentRetouch.Outcome outcome = DocumentRetouch.run(doc, file, request, masks, inpainters, progress);
    Files.createDirectories(outDir);
    Path out = outputFor(input, outDir);
    progress.report("writing", 0.95);
    PsdWriteResult[] written = new PsdWriteResult[1];
    String[] unchecked = new String[1];
    // Verified under its temp name: the target appears verified or not at all.
    try {
      AtomicFiles.write(out, AtomicFiles.Access.READABLE_BY_ALL, tmp -> {
        written[0] = PsdWriter.write(outcome.document(), tmp);
        unchecked[0] = WrittenFileCheck.verify(tmp, out, outcome.protectedLayer(),
            outcome.document().indexOf(outcome.protectedLayer()), outcome.protectedDigest(), outcome.picture(),
            outcome.productMask());
      });
    } catch (IOException e) {
      throw FileErrors.naming(out, e);
    }
    RetouchResult result = unchecked[0] == null ? outcome.result() : outcome.result().withNote("written file re-read: "
        + "the protected layer is byte for byte as in the input; the picture it shows was not compared ("
        + unchecked[0] + ")");
    if (!written[0].compositeRecomputed()) {
      result = result.withNote(outcome.document().compositeIsReal()
          ? "the file's flat composite is the picture as shot (" + written[0].reason()
              + "): viewers that do not read layers show it without Loupe's layers"
          : "the file's flat composite is Photoshop's white placeholder, as in the input (saved with Maximize "
              + "Compatibility off; " + written[0].reason() + "): Photoshop shows the layers, viewers that do not "
              + "read them show white");
    }
    return new FileOutcome(input, out, result, written[0], (System.nanoTime() - start) / 1_000_000,
        outcome.productMask(), outcome.outline());
  }

  /**
   * The file as a document: a PSD/PSB as read, a flat picture (PNG, TIFF, JPEG) as a layer-less
   * document whose composite it is ({@link #fromFlat}); a picture with transparency is refused.
   */
  static PsdDocument readDocument(Path input) throws IOException {
    if (isPsd(input)) {
      return StoredMaskCheck.setAsideStale(PsdReader.read(input));
    }
    FlatImage image = FlatImageReader.read(input, MAX_PIXELS);
    requireOpaque(image, input.toString());
    return flatDocument(image, input);
  }

  /**
   * A flat picture read from {@code file} as a layer-less document whose composite it is, with what
   * Photoshop keeps of the file when it opens it: ICC profile, resolution, paths and clipping path,
   * IPTC, XMP ({@link FlatMetadata}). Transparency is not looked at ({@link #requireOpaque}).
   */
  public static PsdDocument flatDocument(FlatImage image, Path file) throws IOException {
    PsdDocument doc = fromFlat(image);
    FlatImageReader.ppi(file).ifPresent(ppi -> doc.setResolution(Resolution.ofPpi(ppi[0], ppi[1])));
    FlatMetadata.of(file).forEach(doc::setResource);
    return doc;
  }

  private static boolean isPsd(Path file) throws IOException {
    try (InputStream in = Files.newInputStream(file)) {
      byte[] magic = in.readNBytes(4);
      return Arrays.equals(magic, new byte[] {'8', 'B', 'P', 'S'});
    }
  }

  /**
   * A picture with transparency is a cut-out: there is no shot background to retouch, and what its
   * transparent pixels hold is undefined. (Its transparency would otherwise be dropped unseen.)
   */
  public static void requireOpaque(FlatImage image, String file) {
    long transparent = image.transparentPixels();
    if (transparent > 0) {
      throw new UserError(String.format(Locale.ROOT, "%s: %,d pixels are transparent; Loupe retouches a photograph with its "
          + "background (for a cut-out, put it on a layer named Jewelry above the photograph in a PSD)", file,
          transparent));
    }
  }

  /** A flat picture as a layer-less document whose composite is the picture (and its ICC profile). */
  static PsdDocument fromFlat(FlatImage image) {
    int bands = image.color().numBands();
    int depth = image.depth().bits;
    PsdDocument doc = PsdDocument.create(bands == 3 ? ColorMode.RGB : ColorMode.GRAYSCALE, depth,
        image.color().width, image.color().height);
    List<PsdChannel> channels = new ArrayList<>();
    for (int c = 0; c < bands; c++) {
      channels.add(PsdChannel.of(c, image.color().width, image.color().height, depth,
          PsdPixels.encode(image.color().bands[c], depth)));
    }
    doc.setComposite(channels);
    if (image.iccProfile() != null) {
      doc.setResource(new ImageResource(ICC_PROFILE, "", image.iccProfile()));
    }
    return doc;
  }
}
