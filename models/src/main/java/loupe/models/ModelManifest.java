// SPDX-License-Identifier: Apache-2.0
package loupe.models;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Everything Loupe knows about one model before it is installed: its files (variants, in order of
 * preference), its tensors, the size it runs at, its licence and how to install it. Read from the
 * JSON resources in {@code loupe/models/manifests}.
 */
public record ModelManifest(String id, ModelTask task, String title, String citation, List<ModelVariant> variants,
    List<TensorSpec> inputs, List<TensorSpec> outputs, SizeRule size, Licence licence, InstallMethod install) {
  public ModelManifest {
    Objects.requireNonNull(id, "model id");
    if (!id.matches("[a-z0-9][a-z0-9-]*")) {
      throw new IllegalArgumentException("model id must be lower-case letters, digits and '-', got " + id);
    }
    require(task, "task", id);
    require(title, "title", id);
    require(size, "size", id);
    require(licence, "licence", id);
    require(install, "install", id);
    if (variants == null || variants.isEmpty() || inputs == null || inputs.isEmpty() || outputs == null
        || outputs.size() != 1) {
      throw new IllegalArgumentException("model " + id + ": needs at least one variant and input, and exactly one output");
    }
    variants = List.copyOf(variants);
    inputs = List.copyOf(inputs);
    outputs = List.copyOf(outputs);
    checkRoles(id, task, inputs, outputs.get(0));
  }

  private static void require(Object value, String field, String id) {
    if (value == null) {
      throw new IllegalArgumentException("model " + id + ": missing " + field);
    }
  }

  private static void checkRoles(String id, ModelTask task, List<TensorSpec> inputs, TensorSpec output) {
    boolean image = inputs.stream().anyMatch(t -> t.role() == TensorRole.IMAGE);
    boolean hole = inputs.stream().anyMatch(t -> t.role() == TensorRole.HOLE);
    boolean ok = switch (task) {
      case SEGMENTATION -> image && !hole && inputs.size() == 1 && output.role() == TensorRole.ALPHA;
      case INPAINTING -> image && hole && inputs.size() == 2 && output.role() == TensorRole.IMAGE;
    };
    if (!ok) {
      throw new IllegalArgumentException("model " + id + ": tensors do not fit the " + task
          + " task (segmentation: one image input and an alpha output; inpainting: image and hole inputs, image output)");
    }
  }

  public Optional<ModelVariant> variant(String name) {
    return variants.stream().filter(v -> v.name().equals(name)).findFirst();
  }

  /** The variant installed when none is named: the first. */
  public ModelVariant defaultVariant() {
    return variants.get(0);
  }

  /** The input with {@code role} (each role appears once). */
  public TensorSpec input(TensorRole role) {
    return inputs.stream().filter(t -> t.role() == role).findFirst()
        .orElseThrow(() -> new IllegalStateException("model " + id + " has no " + role + " input"));
  }

  public TensorSpec output() {
    return outputs.get(0);
  }
}
