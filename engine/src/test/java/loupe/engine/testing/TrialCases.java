// SPDX-License-Identifier: Apache-2.0
package loupe.engine.testing;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.ArgumentsProvider;
import org.junit.jupiter.params.support.AnnotationConsumer;
import org.junit.jupiter.params.support.ParameterDeclaration;
import org.junit.jupiter.params.support.ParameterDeclarations;

/**
 * The cases of a {@link Trials} test. Corners of the ranges come first, because off-by-one errors
 * live at the edges (a 1-pixel image, the largest value): all ends low, all high, then each range
 * high alone, then the other combinations, as many as fit in half the cases. The rest are uniform
 * draws. The test method must take one int per range and then, optionally, the long seed; anything
 * else is refused, so a range cannot silently end up in the seed.
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
    boolean withSeed = check(parameters, min.length);
    List<Integer> corners = corners(min.length, trials.count() / 2);
    SplittableRandom random = new SplittableRandom(trials.seed());
    List<Arguments> cases = new ArrayList<>();
    for (int k = 0; k < trials.count(); k++) {
      Object[] values = new Object[min.length + (withSeed ? 1 : 0)];
      for (int i = 0; i < min.length; i++) {
        values[i] = k < corners.size() ? ((corners.get(k) >> i & 1) == 0 ? min[i] : max[i]) : (int) random.nextLong(min[i], max[i] + 1L);
      }
      long seed = random.nextLong();
      if (withSeed) {
        values[min.length] = seed;
      }
      cases.add(Arguments.of(values));
    }
    return cases.stream();
  }

  /** True when the method takes the seed after its {@code ints} int parameters; refuses any other signature. */
  private static boolean check(ParameterDeclarations parameters, int ints) {
    List<ParameterDeclaration> all = parameters.getAll();
    boolean ok = all.size() == ints || all.size() == ints + 1 && all.get(ints).getParameterType() == long.class;
    for (int i = 0; i < Math.min(ints, all.size()); i++) {
      ok &= all.get(i).getParameterType() == int.class;
    }
    if (!ok) {
      throw new IllegalArgumentException(parameters.getSourceElementDescription() + ": @Trials with " + ints
          + " range(s) needs " + ints + " int parameter(s), optionally followed by a long seed");
    }
    return all.size() == ints + 1;
  }

  /** Bit i set = range i at its max: none, all, each alone, then the rest by how many are high; at most {@code limit}. */
  static List<Integer> corners(int ranges, int limit) {
    if (ranges == 0) {
      return List.of();
    }
    int all = (1 << Math.min(ranges, 20)) - 1;
    return IntStream.rangeClosed(0, all).boxed()
        .sorted(Comparator.comparingInt((Integer m) -> m == 0 ? 0 : m == all ? 1 : 2).thenComparingInt(Integer::bitCount))
        .limit(limit).toList();
  }
}
