// SPDX-License-Identifier: Apache-2.0
package loupe.engine.alg.util;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.Random;
import org.junit.jupiter.api.Test;

/** {@link LinearSolver} against the definitions of the normal equations and a known solution. */
class LinearSolverTest {
  private static final Random RANDOM = new Random(17);

  private static double[][] randomBasis(int n, int terms) {
    double[][] basis = new double[n][terms];
    for (double[] row : basis) {
      for (int a = 0; a < terms; a++) {
        row[a] = RANDOM.nextDouble() * 2 - 1;
      }
    }
    return basis;
  }

  @Test
  void normal_equations_are_the_weighted_sums_over_the_first_samples_and_terms() {
    int n = 50;
    double[][] basis = randomBasis(n + 5, 6);
    double[] weights = new double[n + 5];
    double[] values = new double[n + 5];
    for (int i = 0; i < weights.length; i++) {
      weights[i] = i % 4 == 0 ? 0 : RANDOM.nextDouble();
      values[i] = RANDOM.nextGaussian();
    }
    int terms = 4;
    double[][] normal = LinearSolver.normalMatrix(basis, weights, n, terms);
    double[] rhs = LinearSolver.weightedRhs(basis, weights, values, n, terms);
    assertThat(normal).hasNumberOfRows(terms);
    assertThat(rhs).hasSize(terms);
    for (int a = 0; a < terms; a++) {
      double expectedRhs = 0;
      for (int i = 0; i < n; i++) {
        expectedRhs += weights[i] * basis[i][a] * values[i];
      }
      assertThat(rhs[a]).isCloseTo(expectedRhs, within(1e-12));
      for (int b = 0; b < terms; b++) {
        double expected = 0;
        for (int i = 0; i < n; i++) {
          expected += weights[i] * basis[i][a] * basis[i][b];
        }
        assertThat(normal[a][b]).isCloseTo(expected, within(1e-12));
        assertThat(normal[a][b]).isEqualTo(normal[b][a]);
      }
    }
  }

  @Test
  void solving_recovers_the_coefficients_of_an_exact_fit() {
    int terms = 5;
    double[][] basis = randomBasis(40, terms);
    double[] truth = {0.5, -2, 3.25, 0, 7};
    double[] values = new double[basis.length];
    double[] weights = new double[basis.length];
    for (int i = 0; i < basis.length; i++) {
      values[i] = LinearSolver.dot(truth, basis[i]);
      weights[i] = 0.5 + RANDOM.nextDouble();
    }
    double[][] normal = LinearSolver.normalMatrix(basis, weights, basis.length, terms);
    double[] rhs = LinearSolver.weightedRhs(basis, weights, values, basis.length, terms);
    assertThat(LinearSolver.solve(normal, rhs)).containsExactly(truth, within(1e-9));
    assertThat(LinearSolver.solveDroppingVanishing(normal, rhs)).containsExactly(truth, within(1e-9));
  }

  @Test
  void a_term_no_sample_constrains_is_refused_or_dropped() {
    // The third term is 0 on every sample: its row and column of the normal matrix vanish.
    double[][] basis = new double[20][];
    double[] values = new double[20];
    double[] weights = new double[20];
    for (int i = 0; i < 20; i++) {
      double x = i / 10.0;
      basis[i] = new double[] {1, x, 0};
      values[i] = 2 - 3 * x;
      weights[i] = 1;
    }
    double[][] normal = LinearSolver.normalMatrix(basis, weights, 20, 3);
    double[] rhs = LinearSolver.weightedRhs(basis, weights, values, 20, 3);
    assertThatThrownBy(() -> LinearSolver.solve(normal, rhs)).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("basis term 2");
    assertThat(LinearSolver.solveDroppingVanishing(normal, rhs)).containsExactly(new double[] {2, -3, 0},
        within(1e-9));
  }
}
