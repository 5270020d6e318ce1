// SPDX-License-Identifier: Apache-2.0
package loupe.models;

import java.util.List;
import java.util.Locale;

/** The text of {@code loupe models list}: one entry per model variant, with state, file, size and licence. */
public final class ModelListing {
  private ModelListing() {}

  public static String text(ModelFolder folder, List<ModelStatus> statuses) {
    StringBuilder s = new StringBuilder();
    s.append("Model folder: ").append(folder.root()).append(" (change it with ").append(ModelFolder.ENV)
        .append(" or -D").append(ModelFolder.PROPERTY).append(")\n");
    s.append("Nothing is downloaded at run time; every feature works without models (classical segmenter, PatchMatch).\n");
    for (ModelStatus st : statuses) {
      ModelManifest m = st.manifest();
      s.append('\n').append(String.format(Locale.ROOT, "%-16s ", m.id() + " (" + st.variant().name() + ")"));
      switch (st.state()) {
        case INSTALLED -> s.append("installed, checksum ok, ").append(megabytes(st.size())).append(", sha256 ")
            .append(Sha256.shortForm(st.sha256())).append("…\n");
        case MISSING -> s.append("missing\n");
        case BAD -> s.append(st.detail().contains("checksum") ? "checksum BAD" : "BAD").append(": ")
            .append(st.detail()).append('\n');
      }
      s.append("    file:    ").append(st.file());
      if (st.variant().note() != null) {
        s.append(" (").append(st.variant().note()).append(')');
      }
      s.append('\n');
      s.append("    task:    ").append(m.task().name().toLowerCase(Locale.ROOT)).append(" — ").append(m.title()).append('\n');
      s.append("    licence: ").append(m.licence().summary()).append('\n');
      if (st.state() != ModelStatus.State.INSTALLED) {
        s.append("    install: ").append(m.install().instructions()).append('\n');
      }
    }
    return s.toString();
  }

  private static String megabytes(long bytes) {
    return String.format(Locale.ROOT, "%.1f MB", bytes / 1e6);
  }
}
