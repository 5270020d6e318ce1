// SPDX-License-Identifier: Apache-2.0
package loupe.server.retouch;

import java.util.List;
import java.util.Map;
import loupe.server.UserError;
import loupe.server.protocol.BufferDescriptor;

/** The JSON header of POST /v1/jobs (docs/protocol.md). */
public record PanelJobHeader(String recipe, Map<String, Object> options, DocumentInfo document, List<BufferDescriptor> buffers) {
  /** The Photoshop document the buffers came from. */
  public record DocumentInfo(int width, int height, int bitDepth, String mode, String colorProfile) {}

  /**
   * Checks, before any buffer is read, that the document has a size and every buffer descriptor
   * is an object and lies within it (the panel reads layers clipped to the canvas). The rest (sizes,
   * depths, roles) {@link PanelRetouch#check} checks, with the request's options.
   */
  public void requireBuffersInDocument() {
    if (document == null || buffers == null) {
      throw new UserError("frame header needs 'document' and 'buffers'");
    }
    if (document.width() <= 0 || document.height() <= 0) {
      throw new UserError("document width and height must be positive, got " + document.width() + "×"
          + document.height());
    }
    for (BufferDescriptor d : buffers) {
      if (d == null) {
        throw new UserError("every entry of 'buffers' must be a buffer descriptor (a JSON object), got null");
      }
      BufferDescriptor.Bounds b = d.bounds();
      if (b != null && (b.left() < 0 || b.top() < 0 || b.right() > document.width() || b.bottom() > document.height())) {
        throw new UserError("buffer '" + d.role() + "': bounds (left " + b.left() + ", top " + b.top() + ", right "
            + b.right() + ", bottom " + b.bottom() + ") lie outside the " + document.width() + "×" + document.height()
            + " document");
      }
    }
  }
}
