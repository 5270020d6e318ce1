// SPDX-License-Identifier: Apache-2.0
package loupe.server.export;

import java.nio.file.Path;
import java.util.List;

/**
 * What was written.
 *
 * @param file the exported file
 * @param bitsPerSample 8 or 16
 * @param pathSubpaths subpaths of the embedded clipping path (0 for PNG)
 * @param pathKnots knots of the embedded clipping path (0 for PNG)
 * @param digitalSourceType the IPTC digital source type URI the file declares, or null
 * @param notes what the reader of a report should know (original composite, depth reduced, lossy)
 * @param bytes size of the file
 */
public record ExportResult(Path file, ExportFormat format, int bitsPerSample, int pathSubpaths, int pathKnots,
    String digitalSourceType, List<String> notes, long bytes) {
  public ExportResult {
    notes = List.copyOf(notes);
  }
}
