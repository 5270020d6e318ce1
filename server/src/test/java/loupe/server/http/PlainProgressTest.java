// SPDX-License-Identifier: Apache-2.0
package loupe.server.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import loupe.engine.Progress;
import loupe.server.masks.DocumentMasks;
import loupe.server.masks.MaskInput;
import loupe.server.retouch.ProductMasks;
import loupe.server.retouch.RetouchRequest;
import loupe.server.retouch.RetouchService;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A job's stages reach the user in plain words, and its fraction never goes back. */
class PlainProgressTest {
  @TempDir
  Path tmp;

  /** One report as the user sees it. */
  private record Report(String stage, double fraction) {}

  /** Quick with a clean background, and the automatic mask: props, inpainting, sweep and segmentation ops all report. */
  @Test
  void a_real_job_reports_plain_words_at_a_fraction_that_only_grows() throws Exception {
    List<String> opIds = new ArrayList<>();
    List<Report> seen = new ArrayList<>();
    Progress plain = PlainProgress.of(recording(seen::add));
    Progress both = recording(r -> {
      opIds.add(r.stage());
      plain.report(r.stage(), r.fraction());
    });
    RetouchRequest request = RetouchRequest.fromQuery(Map.of("recipe", List.of("quick"), "background", List.of("clean")));
    new RetouchService().retouchFile(PsdJobTest.EXAMPLE, tmp, request, both);
    // The automatic mask as a job makes it, without retouching a second time.
    DocumentMasks.compute(MaskInput.read(PsdJobTest.EXAMPLE), "auto", null, List.of(), new ProductMasks(), both);

    assertThat(opIds).as("the ops report under their own ids").contains("find props", "inpaint.patchmatch", "fit sweep")
        .anyMatch(s -> s.startsWith("segment: ")).anyMatch(s -> s.startsWith("product mask ("));
    assertThat(seen).extracting(Report::stage).allMatch(s -> s.matches("[a-z][a-z ,]*[a-z]"), "plain words")
        .contains("making the product mask", "finding the jewelry", "finding props", "inpainting the background",
            "fitting a clean sweep", "writing")
        .doesNotContain("find props", "fit sweep", "inpaint");
    for (int i = 1; i < seen.size(); i++) {
      assertThat(seen.get(i).fraction()).as("after %s", seen.get(i - 1)).isGreaterThanOrEqualTo(seen.get(i - 1).fraction());
    }
  }

  @Test
  void model_stages_are_named_by_what_they_do() {
    assertThat(PlainProgress.opWords("inpaint (lama)")).isEqualTo("inpainting the background");
    assertThat(PlainProgress.opWords("inpaint (migan): done")).isEqualTo("inpainting the background");
    assertThat(PlainProgress.opWords("segment (isnet-general-use): model")).isEqualTo("finding the jewelry");
    assertThat(PlainProgress.opWords("denoise")).isEqualTo("denoising the background");
    assertThat(PlainProgress.opWords("denoising the background")).isNull();
    assertThat(PlainProgress.opWords("inpainting the background")).isNull();
  }

  private static Progress recording(java.util.function.Consumer<Report> sink) {
    return new Progress() {
      @Override
      public void report(String stage, double fraction) {
        sink.accept(new Report(stage, fraction));
      }

      @Override
      public boolean isCancelled() {
        return false;
      }
    };
  }
}
