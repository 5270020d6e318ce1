// SPDX-License-Identifier: Apache-2.0
package loupe.server.retouch;

import java.util.List;
import java.util.Map;
import loupe.engine.image.Planar;
import loupe.server.protocol.BufferDescriptor;

/** A validated panel job: the request, the document facts and every decoded buffer by role. */
public record PanelRequest(RetouchRequest request, PanelJobHeader.DocumentInfo document, Map<String, Buffer> buffers) {
  /** A header checked to the last field, its buffers (in body order) not read yet. */
  public record Checked(RetouchRequest request, PanelJobHeader.DocumentInfo document, List<BufferDescriptor> buffers) {}

  /** One decoded buffer: its descriptor and its bands (one per component). */
  public record Buffer(BufferDescriptor descriptor, Planar bands) {}
}
