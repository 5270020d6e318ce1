// SPDX-License-Identifier: Apache-2.0
package loupe.server.retouch;

import java.util.List;
import java.util.Map;
import loupe.server.protocol.BufferDescriptor;

/** The JSON header of POST /v1/jobs (docs/protocol.md). */
public record PanelJobHeader(String recipe, Map<String, Object> options, DocumentInfo document, List<BufferDescriptor> buffers) {
  /** The Photoshop document the buffers came from. */
  public record DocumentInfo(int width, int height, int bitDepth, String mode, String colorProfile) {}
}
