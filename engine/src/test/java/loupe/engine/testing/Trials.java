// SPDX-License-Identifier: Apache-2.0
package loupe.engine.testing;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ArgumentsSource;

/**
 * A property test, run on fixed pseudo-random cases ({@link TrialCases}): {@link #count} cases
 * drawn from {@link #seed}, each with one int per range {@code min[i]..max[i]} (inclusive) and then,
 * if the method takes it, a long to seed the test's own random input. The same cases on every run, so a failing case (its
 * index in the report, its values in the display name) can be replayed. Plain JUnit 5: the
 * property-testing library used before (jqwik 1.10) asks not to be used by AI coding agents, and is
 * not among the project's chosen dependencies.
 */
@Target(ElementType.METHOD)
@Retention(RetentionPolicy.RUNTIME)
@ParameterizedTest(name = "{arguments}")
@ArgumentsSource(TrialCases.class)
public @interface Trials {
  /** How many cases, the corners of the ranges included. */
  int count();

  /** The seed the cases are drawn from. */
  long seed();

  /** Lower ends of the int parameters, one per parameter before the long. */
  int[] min() default {};

  /** Upper ends (inclusive), as many as {@link #min}. */
  int[] max() default {};
}
