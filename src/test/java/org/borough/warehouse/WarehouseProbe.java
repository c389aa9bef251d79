// SPDX-License-Identifier: AGPL-3.0-or-later
package org.borough.warehouse;

import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.boot.test.context.TestComponent;

/**
 * What the running warehouse holds about one case, for the integration tests of the modules whose
 * events it folds (complaints, requests for information, enquiries, satisfaction): it catches up
 * with the outbox first, then reads the case's rows of a fact as column → value maps.
 */
@TestComponent
public class WarehouseProbe {

  private final Warehouse warehouse;

  WarehouseProbe(Warehouse warehouse) {
    this.warehouse = warehouse;
  }

  /** The case's rows of {@code table} once the warehouse has read everything committed so far. */
  public List<Map<String, Object>> factsOf(String table, UUID caseId) {
    warehouse.catchUp();
    UUID key = warehouse.caseKeyOf(caseId);
    return warehouse.read(
        c -> {
          List<Map<String, Object>> rows = new ArrayList<>();
          try (Statement s = c.createStatement();
              ResultSet rs =
                  s.executeQuery(
                      "select * from " + table + " where case_key = '" + key + "' order by 1")) {
            while (rs.next()) {
              Map<String, Object> row = new java.util.LinkedHashMap<>();
              for (int i = 1; i <= rs.getMetaData().getColumnCount(); i++) {
                row.put(rs.getMetaData().getColumnName(i), rs.getObject(i));
              }
              rows.add(row);
            }
          }
          return rows;
        });
  }

  /** Rebuilds the warehouse from the CRM's state, as an administrator would. */
  public void rebuild() {
    if (warehouse.rebuildNow().state() != RebuildProgress.State.DONE) {
      throw new IllegalStateException("The rebuild did not finish");
    }
  }

  /** The names of the data tests that fail now. */
  public List<String> failingDataTests() {
    return warehouse.runDataTests().stream()
        .filter(r -> !r.passed())
        .map(r -> r.name() + " " + r.sample())
        .toList();
  }
}
