// SPDX-License-Identifier: Apache-2.0
package loupe.engine.testing;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.ArgumentsProvider;
import org.junit.jupiter.params.support.AnnotationConsumer;
import org.junit.jupiter.params.support.ParameterDeclarations;

/**
 * The cases of a {@link Trials} test. Every combination of the ranges' ends comes first (up to
 * half the cases), because off-by-one errors live at the edges (a 1-pixel image, the largest
 * value); the rest are uniform draws. Each case ends with a long drawn from the same generator.
 */
public final class TrialCases implements ArgumentsProvider, AnnotationConsumer<Trials> {
  private Trials trials;

  @Override
  public void accept(Trials annotation) {
    if (annotation.min().length != annotation.max().length) {
      throw new IllegalArgumentException("@Trials needs as many max as min values");
    }
    for (int i = 0; i < annotation.min().length; i++) {
      if (annotation.min()[i] > annotation.max()[i]) {
        throw new IllegalArgumentException("@Trials range " + i + " is empty: " + annotation.min()[i] + ".." + annotation.max()[i]);
      }
    }
    this.trials = annotation;
  }

  @Override
  public Stream<? extends Arguments> provideArguments(ParameterDeclarations parameters, ExtensionContext context) {
    int[] min = trials.min();
    int[] max = trials.max();
    SplittableRandom random = new SplittableRandom(trials.seed());
    List<Arguments> cases = new ArrayList<>();
    int corners = min.length == 0 ? 0 : Math.min(1 << Math.min(min.length, 20), trials.count() / 2);
    for (int k = 0; k < trials.count(); k++) {
      Object[] values = new Object[min.length + 1];
      for (int i = 0; i < min.length; i++) {
        values[i] = k < corners ? ((k >> i & 1) == 0 ? min[i] : max[i]) : (int) random.nextLong(min[i], max[i] + 1L);
      }
      values[min.length] = random.nextLong();
      cases.add(Arguments.of(values));
    }
    return cases.stream();
  }
}
