// SPDX-License-Identifier: Apache-2.0
package loupe.models;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import loupe.models.testing.Fixtures;
import loupe.models.testing.OnnxFixtures;
import org.junit.jupiter.api.Test;

class OnnxFixturesTest {
  @Test
  void committedFixturesAreWhatTheGeneratorWrites() {
    for (Map.Entry<String, byte[]> e : OnnxFixtures.all().entrySet()) {
      assertThat(Fixtures.bytes(e.getKey())).as(e.getKey() + " (regenerate: see OnnxFixtures)").isEqualTo(e.getValue());
    }
  }

  @Test
  void fixturesAreTiny() {
    OnnxFixtures.all().values().forEach(model -> assertThat(model.length).isBetween(100, 4096));
  }
}
