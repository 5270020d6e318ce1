// SPDX-License-Identifier: Apache-2.0
package loupe.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;
import loupe.bench.run.Workload;
import org.junit.jupiter.api.Test;

class BenchPlanTest {
  static final List<Path> SCENES = List.of(Path.of("s1"), Path.of("s2"), Path.of("s3"));

  @Test
  void the_full_plan_covers_every_scene_and_writes_each_psd_before_reading_it() {
    List<String> ids = BenchPlan.workloads(new BenchConfig(false, true, SCENES, Path.of("w"))).stream().map(Workload::id)
        .toList();
    assertThat(ids).doesNotHaveDuplicates();
    assertThat(ids.indexOf("psd-write-16")).isLessThan(ids.indexOf("psd-read-16"));
    assertThat(ids.indexOf("psd-write-8")).isLessThan(ids.indexOf("psd-read-8"));
    assertThat(ids).contains("denoise:s3", "segment:s2", "segment-isnet:s2", "recipe-editorial:s1", "e2e-quick",
        "panel-round-trip", "mask-path", "denoise:24mp-8", "denoise:24mp-16",
        "inpaint-specks:24mp-8", "inpaint-specks:24mp-16", "inpaint-prop:24mp-8", "inpaint-prop:24mp-16",
        "segment:24mp-8", "segment:24mp-16", "segment-isnet:24mp-16",
        "defects:24mp-16", "props:24mp-16", "recipe-quick:24mp-8");
    List<String> withoutIsnet = BenchPlan.workloads(new BenchConfig(false, false, SCENES, Path.of("w"))).stream()
        .map(Workload::id).toList();
    // ISNet rows: one per scene and the 24 MP one.
    assertThat(withoutIsnet).hasSize(ids.size() - SCENES.size() - 1).noneMatch(id -> id.contains("isnet"));
  }

  @Test
  void the_quick_plan_keeps_one_scene_and_one_of_each_kind() {
    List<String> ids = BenchPlan.workloads(new BenchConfig(true, true, SCENES, Path.of("w"))).stream().map(Workload::id)
        .toList();
    assertThat(ids).containsExactly("psd-write-16", "psd-read-16", "luma-set-4", "mask-path", "denoise:s1", "inpaint-specks:s1",
        "inpaint-prop:s1", "defects:s1", "props:s1", "clean-background:s1", "segment:s1", "recipe-pro:s1",
        "panel-round-trip", "e2e-pro");
  }

  @Test
  void only_selects_by_substring_and_names_a_filter_that_matches_nothing() {
    List<Workload> all = BenchPlan.workloads(new BenchConfig(false, true, SCENES, Path.of("w")));
    assertThat(BenchPlan.select(all, List.of("psd-read", "s2")).stream().map(Workload::id)).containsExactly(
        "psd-read-8", "psd-read-16", "denoise:s2", "inpaint-specks:s2", "inpaint-prop:s2", "defects:s2",
        "props:s2", "clean-background:s2", "segment:s2", "segment-isnet:s2", "recipe-quick:s2", "recipe-pro:s2",
        "recipe-editorial:s2");
    assertThat(BenchPlan.select(all, null)).isEqualTo(all);
    assertThatThrownBy(() -> BenchPlan.select(all, List.of("nothing"))).hasMessageContaining("--only nothing");
  }
}
