// SPDX-License-Identifier: Apache-2.0
package loupe.models;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * How a model gets into the model folder.
 *
 * @param kind {@code npm}: reassembled from an npm package's chunks; {@code user}: an ONNX file the
 *     user supplies with {@code loupe models add}
 * @param packageName npm package (npm only)
 * @param version npm package version (npm only)
 * @param resources path of the chunk index inside the package tarball (npm only)
 * @param chunks folder of the chunk files inside the tarball (npm only)
 * @param consent true if installing needs the user's explicit licence acceptance
 * @param instructions one line telling the user how to install it
 */
public record InstallMethod(Kind kind, @JsonProperty("package") String packageName, String version, String resources,
    String chunks, boolean consent, String instructions) {
  public enum Kind {
    @JsonProperty("npm") NPM,
    @JsonProperty("user") USER
  }

  public String packageSpec() {
    return packageName + "@" + version;
  }
}
