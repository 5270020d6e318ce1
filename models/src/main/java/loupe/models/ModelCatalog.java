// SPDX-License-Identifier: Apache-2.0
package loupe.models;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** The known models: manifests read from JSON, in a fixed order. */
public final class ModelCatalog {
  private static final String BUILT_IN = "/loupe/models/manifests/";
  private static final ObjectMapper JSON = JsonMapper.builder()
      .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
      .build();

  private final List<ModelManifest> manifests;

  public ModelCatalog(List<ModelManifest> manifests) {
    this.manifests = List.copyOf(manifests);
    long distinct = manifests.stream().map(ModelManifest::id).distinct().count();
    if (distinct != manifests.size()) {
      throw new IllegalArgumentException("model ids must be unique");
    }
  }

  /** The manifests shipped with Loupe ({@code loupe/models/manifests/index.txt} lists them). */
  public static ModelCatalog builtIn() {
    return fromResources(ModelCatalog.class, BUILT_IN);
  }

  /** Manifests listed in {@code folder + "index.txt"} on the class path of {@code anchor}. */
  public static ModelCatalog fromResources(Class<?> anchor, String folder) {
    List<ModelManifest> list = new ArrayList<>();
    for (String name : lines(anchor, folder + "index.txt")) {
      try (InputStream in = open(anchor, folder + name)) {
        list.add(parse(in, folder + name));
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    return new ModelCatalog(list);
  }

  /** Parses one manifest; {@code origin} names it in errors. */
  public static ModelManifest parse(InputStream json, String origin) {
    try {
      return JSON.readValue(json, ModelManifest.class);
    } catch (IOException e) {
      throw new IllegalArgumentException("model manifest " + origin + " is invalid: " + e.getMessage(), e);
    }
  }

  public List<ModelManifest> all() {
    return manifests;
  }

  public Optional<ModelManifest> find(String id) {
    return manifests.stream().filter(m -> m.id().equals(id)).findFirst();
  }

  /** The manifest for {@code id}, or an error that lists the known ids. */
  public ModelManifest require(String id) {
    return find(id).orElseThrow(() -> new ModelException(id, "unknown model (known: "
        + String.join(", ", manifests.stream().map(ModelManifest::id).toList()) + ")"));
  }

  private static List<String> lines(Class<?> anchor, String resource) {
    try (BufferedReader r = new BufferedReader(new InputStreamReader(open(anchor, resource), StandardCharsets.UTF_8))) {
      return r.lines().map(String::trim).filter(l -> !l.isEmpty()).toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static InputStream open(Class<?> anchor, String resource) {
    InputStream in = anchor.getResourceAsStream(resource);
    if (in == null) {
      throw new IllegalStateException("missing class-path resource " + resource);
    }
    return in;
  }
}
