// SPDX-License-Identifier: Apache-2.0
package loupe.server.http;

import java.util.List;
import java.util.regex.Pattern;
import loupe.engine.Progress;

/**
 * The progress a user sees: the stages of a job in plain words, its fraction never going back.
 * The recipe reports its steps in words and fractions of the whole job ("inpainting the background",
 * 0.3); the ops it calls report under their own ids and fractions of their own work
 * ("inpaint.patchmatch", 1.0). Those are shown as the step they belong to, at the job's fraction.
 */
public final class PlainProgress implements Progress {
  /** An op's stage id and the words for it. */
  private record OpStage(Pattern id, String words) {
    OpStage(String id, String words) {
      this(Pattern.compile(id), words);
    }
  }

  private static final List<OpStage> OP_STAGES = List.of(
      new OpStage("find props", "finding props"),
      new OpStage("inpaint(\\.\\S+| \\(.+\\)(: done)?)?", "inpainting the background"),
      new OpStage("fit sweep|render background", "fitting a clean sweep"),
      new OpStage("contact shadow", "keeping the contact shadow"),
      new OpStage("denoise", "denoising the background"),
      new OpStage("segment(: .+| \\(.+\\): .+)", "finding the jewelry"));
  /** Reported by the server itself with the source's id, at a fraction of the whole job. */
  private static final Pattern PRODUCT_MASK = Pattern.compile("product mask \\(.+\\)");

  private final Progress target;
  private double fraction;

  private PlainProgress(Progress target) {
    this.target = target;
  }

  /** Reports to {@code target} in plain words; cancelling {@code target} cancels the work. */
  public static Progress of(Progress target) {
    return new PlainProgress(target);
  }

  @Override
  public synchronized void report(String stage, double fraction) {
    String words = opWords(stage);
    if (words != null) {
      target.report(words, this.fraction);
      return;
    }
    this.fraction = Math.max(this.fraction, fraction);
    target.report(PRODUCT_MASK.matcher(stage).matches() ? "making the product mask" : stage, this.fraction);
  }

  @Override
  public boolean isCancelled() {
    return target.isCancelled();
  }

  /** The words for an op's own stage id; null for a step of the job, which is in words already. */
  static String opWords(String stage) {
    for (OpStage s : OP_STAGES) {
      if (s.id().matcher(stage).matches()) {
        return s.words();
      }
    }
    return null;
  }
}
