// SPDX-License-Identifier: Apache-2.0
package loupe.models;

import com.fasterxml.jackson.annotation.JsonProperty;

/** What a tensor carries. */
public enum TensorRole {
  /** RGB pixels, NCHW. */
  @JsonProperty("image") IMAGE,
  /** Where to fill (inpainting input), with the manifest's hole/known values. */
  @JsonProperty("hole") HOLE,
  /** Foreground opacity (segmentation output). */
  @JsonProperty("alpha") ALPHA
}
