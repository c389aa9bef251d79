// SPDX-License-Identifier: AGPL-3.0-or-later
package org.borough.demo;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import org.borough.governance.DecisionDetails;
import org.borough.governance.DecisionRegister;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * The decisions register's demo data: the Cabinet decision of 15/12/2017 on the ICT Resources
 * Review, the public record that started Borough, word for word. It is imported through the
 * register's JSON import, in the shape the decisions API returns ({@code demo/decisions.json}). The
 * source gives no publication date; the date of the decision stands in for it.
 */
final class DemoDecisions {

  static final String RESOURCE = "/demo/decisions.json";

  private DemoDecisions() {}

  static List<DecisionDetails> read(JsonMapper json) {
    try (InputStream in = DemoDecisions.class.getResourceAsStream(RESOURCE)) {
      return json.readValue(in.readAllBytes(), new TypeReference<List<DecisionDetails>>() {});
    } catch (IOException e) {
      throw new IllegalStateException("The demo decisions cannot be read", e);
    }
  }

  /** Imports the demo decisions unless the register has some already; returns how many. */
  static int load(DecisionRegister register, JsonMapper json) {
    if (!register.isEmpty()) {
      return 0;
    }
    // The register checks permissions itself; the seeder acts as democratic services would.
    return Acting.as(() -> register.importDecisions(read(json)).size(), "DECISION_PUBLISH");
  }
}
