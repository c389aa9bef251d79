// SPDX-License-Identifier: AGPL-3.0-or-later
package org.borough.warehouse;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.http.MediaType;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Every KPI as JSON: the list, and each one's values for the filters ({@code from}, {@code to},
 * {@code service}, {@code ward}, {@code channel}, {@code team}) with the warehouse's "as at" time.
 * A malformed filter is a 400 problem naming the field.
 */
@RestController
class KpiApiController {

  private final KpiService kpis;

  KpiApiController(KpiService kpis) {
    this.kpis = kpis;
  }

  /** The list of KPIs. */
  record KpiList(Instant asAt, List<KpiService.Summary> kpis, UnitCosts unitCosts) {}

  @GetMapping(value = "/api/v1/kpis", produces = MediaType.APPLICATION_JSON_VALUE)
  @PreAuthorize("hasAuthority('WAREHOUSE_READ')")
  KpiList list() {
    return new KpiList(kpis.asAt(), kpis.list(), kpis.costs());
  }

  @GetMapping(value = "/api/v1/kpis/{kpi}", produces = MediaType.APPLICATION_JSON_VALUE)
  @PreAuthorize("hasAuthority('WAREHOUSE_READ')")
  KpiResult kpi(@PathVariable String kpi, @RequestParam Map<String, String> params) {
    kpis.kpi(kpi); // an unknown KPI is a 404 before any filter is looked at
    return kpis.run(kpi, kpis.filters(params, Set.of()));
  }
}
