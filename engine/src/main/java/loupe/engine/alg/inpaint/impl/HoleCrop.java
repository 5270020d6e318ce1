// SPDX-License-Identifier: Apache-2.0
package loupe.engine.alg.inpaint.impl;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import loupe.engine.alg.inpaint.InpaintConfig;
import loupe.engine.image.Rect;

/**
 * A crop around a group of hole regions with the context needed to fill them, and the method that
 * fills it. Crops of one plan are pairwise disjoint, so each contains every hole pixel near its
 * members and they can be filled independently.
 *
 * @param rect the crop in image coordinates; every member lies inside
 * @param members the hole regions filled from this crop
 * @param small true when every member is thin enough for the membrane method
 */
record HoleCrop(Rect rect, List<HoleRegion> members, boolean small) {

  long holeArea() {
    long n = 0;
    for (HoleRegion r : members) {
      n += r.area();
    }
    return n;
  }

  /** The bounding box of the members. */
  Rect holeBox() {
    Rect box = members.get(0).box();
    for (HoleRegion r : members) {
      box = box.union(r.box());
    }
    return box;
  }

  /**
   * Groups regions into disjoint crops: each region gets a margin (small for the membrane method,
   * proportional to its size for PatchMatch), and crops that touch are merged until none do.
   */
  static List<HoleCrop> plan(List<HoleRegion> regions, int width, int height, InpaintConfig cfg) {
    Rect frame = Rect.ofSize(width, height);
    List<HoleCrop> crops = new ArrayList<>();
    for (HoleRegion r : regions) {
      boolean small = r.width() <= cfg.smallHoleWidth();
      int margin = small ? smallMargin(r, cfg) : cfg.contextFor(r.extent());
      crops.add(new HoleCrop(r.box().grow(margin, frame), List.of(r), small));
    }
    crops.sort(Comparator.comparingInt(c -> c.rect().left()));
    boolean merged = true;
    while (merged) {
      merged = false;
      for (int i = 0; i < crops.size(); i++) {
        for (int j = i + 1; j < crops.size(); j++) {
          HoleCrop a = crops.get(i);
          HoleCrop b = crops.get(j);
          if (b.rect().left() >= a.rect().right()) {
            break; // sorted by left: no later crop can touch a
          }
          if (!a.rect().intersect(b.rect()).isEmpty()) {
            crops.set(i, merge(a, b));
            crops.remove(j);
            j = i;
            merged = true;
          }
        }
      }
      crops.sort(Comparator.comparingInt(c -> c.rect().left()));
    }
    return crops;
  }

  /** Room for the membrane's boundary, the texture shift and the smoothing support. */
  private static int smallMargin(HoleRegion r, InpaintConfig cfg) {
    int smoothing = (int) Math.ceil(3 * cfg.textureSigma());
    return (int) Math.ceil(Math.max(8, 2 * r.width())) + cfg.sourceGuard() + smoothing + 1;
  }

  private static HoleCrop merge(HoleCrop a, HoleCrop b) {
    List<HoleRegion> members = new ArrayList<>(a.members());
    members.addAll(b.members());
    return new HoleCrop(a.rect().union(b.rect()), List.copyOf(members), a.small() && b.small());
  }
}
