// SPDX-License-Identifier: AGPL-3.0-or-later
package org.borough.cases.internal;

import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.borough.cases.CaseStatus;
import org.borough.catalogue.ServiceUsage;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Tells the catalogue which services and questions cases depend on. */
@Component
class CaseServiceUsage implements ServiceUsage {

  private final JdbcClient jdbc;

  CaseServiceUsage(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  @Override
  public boolean hasCases(String serviceCode) {
    return jdbc.sql("select 1 from service_case where service_code = ? fetch first 1 rows only")
        .param(serviceCode)
        .query(Integer.class)
        .optional()
        .isPresent();
  }

  @Override
  public Set<String> answeredAttributes(String serviceCode) {
    // One probe per question through the (case_id, attribute_code) key would need the case ids;
    // a join over the service's cases is simpler and runs only when an admin saves.
    return new HashSet<>(
        jdbc.sql(
                "select distinct a.attribute_code from case_attribute a"
                    + " join service_case c on c.id = a.case_id where c.service_code = ?")
            .param(serviceCode)
            .query(String.class)
            .list());
  }

  @Override
  public Map<String, String> pausableStatuses() {
    Map<String, String> statuses = new LinkedHashMap<>();
    for (CaseStatus s : CaseStatus.values()) {
      if (s.active()) {
        statuses.put(s.name(), s.label());
      }
    }
    return statuses;
  }
}
