// SPDX-License-Identifier: AGPL-3.0-or-later
package org.borough.warehouse;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.borough.cases.CaseReferences;
import org.borough.identity.Permission;
import org.borough.system.NotFoundException;
import org.borough.system.WorkingCalendar;
import org.springframework.context.MessageSource;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;

/**
 * The KPIs over the live warehouse, for the API, the dashboards and the exports: their list, their
 * values for a set of filters with the warehouse's freshness, and the cases behind a row.
 */
@Component
class KpiService {

  private final Warehouse warehouse;
  private final CaseReferences caseReferences;
  private final Kpis kpis;
  private final UnitCosts costs;
  private final MessageSource messages;
  private final Clock clock;
  private final ZoneId zone;

  KpiService(
      Warehouse warehouse,
      CaseReferences caseReferences,
      WarehouseProperties properties,
      MessageSource messages,
      Clock clock,
      WorkingCalendar calendar) {
    this.warehouse = warehouse;
    this.caseReferences = caseReferences;
    this.costs = properties.unitCost() == null ? UnitCosts.socitm() : properties.unitCost();
    this.kpis = new Kpis(costs, properties.contactSystems());
    this.messages = messages;
    this.clock = clock;
    this.zone = calendar.zone();
  }

  /** A KPI as listed by {@code GET /api/v1/kpis}. */
  record Summary(
      String id, String title, String definition, List<String> filters, boolean drillable) {}

  /** The cases behind one row of a KPI; {@code capped} when there were more than listed. */
  record Drill(
      Kpis.Kpi kpi,
      String title,
      String key,
      Instant asAt,
      List<KpiQueries.CaseLine> cases,
      boolean capped) {}

  List<Summary> list() {
    return kpis.all().stream()
        .map(
            k ->
                new Summary(
                    k.id(),
                    title(k),
                    definition(k),
                    k.filters().stream().map(Kpis.Filter::param).toList(),
                    k.drillable()))
        .toList();
  }

  Kpis.Kpi kpi(String id) {
    return kpis.find(id).orElseThrow(() -> new NotFoundException("KPI " + shorten(id)));
  }

  String title(Kpis.Kpi k) {
    return text("kpi." + k.id() + ".title");
  }

  String definition(Kpis.Kpi k) {
    return text("kpi." + k.id() + ".definition");
  }

  String label(String column) {
    return text("kpi.column." + column);
  }

  UnitCosts costs() {
    return costs;
  }

  LocalDate today() {
    return clock.instant().atZone(zone).toLocalDate();
  }

  /** The warehouse's freshness: the last time the loader had read the whole outbox. */
  Instant asAt() {
    Instant at = warehouse.asAt();
    return at != null ? at : warehouse.state().updatedAt();
  }

  /** Parses filters, checking codes against the warehouse's dimensions. */
  KpiFilters filters(Map<String, String> params, Set<String> others) {
    return KpiFilters.parse(params, others, today(), choices());
  }

  /** The services, wards and teams that can be chosen, code to name, by name. */
  KpiFilters.Choices choices() {
    return warehouse.read(
        c ->
            new KpiFilters.Choices(
                pairs(c, "select service_code, name from dim_service where is_current order by 2"),
                pairs(c, "select gss_code, name from dim_ward where is_current order by 2"),
                pairs(c, "select code, name from dim_team where is_current order by 2")));
  }

  /**
   * The financial years the warehouse has budget for, newest first, each with its first and last
   * day: the budget dashboard's quick choice of period.
   */
  List<KpiFilters.Period> financialYears() {
    return warehouse.read(
        c -> {
          List<KpiFilters.Period> years = new ArrayList<>();
          try (Statement s = c.createStatement();
              ResultSet rs =
                  s.executeQuery(
                      "select distinct d.financial_year, d.financial_year_start from fact_budget b"
                          + " join dim_date d on d.date_key = b.date_key order by 2 desc")) {
            while (rs.next()) {
              int start = rs.getInt(2);
              years.add(
                  new KpiFilters.Period(
                      rs.getString(1), LocalDate.of(start, 4, 1), LocalDate.of(start + 1, 3, 31)));
            }
          }
          return years;
        });
  }

  KpiResult run(String id, KpiFilters f) {
    Kpis.Kpi k = kpi(id);
    Instant now = clock.instant();
    Instant asAt = asAt();
    KpiQueries.Result r = warehouse.read(c -> KpiQueries.run(c, k, f, now, zone));
    List<KpiResult.Column> columns =
        k.columns().stream()
            .map(
                col ->
                    new KpiResult.Column(
                        col.name(), label(col.name()), col.type().name().toLowerCase(Locale.ROOT)))
            .toList();
    List<Map<String, Object>> rows = new ArrayList<>();
    for (List<Object> row : r.rows()) {
      rows.add(named(k, row));
    }
    return new KpiResult(
        k.id(),
        title(k),
        definition(k),
        asAt,
        f.asParams(),
        k.notApplicable().stream().map(Kpis.Filter::param).toList(),
        columns,
        rows,
        r.total() == null ? null : named(k, r.total()),
        k.id().equals("cost-per-contact") ? source(r) : null,
        k.drillable());
  }

  Drill drill(String id, String key, KpiFilters f) {
    Kpis.Kpi k = kpi(id);
    if (!k.drillable()) {
      throw new NotFoundException("A list of cases behind " + k.id());
    }
    Instant now = clock.instant();
    Instant asAt = asAt();
    List<KpiQueries.CaseLine> lines =
        warehouse.read(c -> KpiQueries.drill(c, k, key, f, now, zone));
    boolean capped = lines.size() > Kpis.DRILL_LIMIT;
    lines = withReferences(capped ? lines.subList(0, Kpis.DRILL_LIMIT) : lines);
    return new Drill(k, title(k), key, asAt, lines, capped);
  }

  /**
   * The warehouse holds no case references (with a resident key beside them, they led back to the
   * resident): for someone who may read cases, the CRM gives them from the ids the keys turn back
   * into; everyone else sees the cases without them.
   */
  private List<KpiQueries.CaseLine> withReferences(List<KpiQueries.CaseLine> lines) {
    Authentication user = SecurityContextHolder.getContext().getAuthentication();
    boolean mayReadCases =
        user != null
            && user.getAuthorities().stream()
                .anyMatch(a -> Permission.CASE_READ.name().equals(a.getAuthority()));
    if (!mayReadCases || lines.isEmpty()) {
      return lines;
    }
    Map<UUID, String> references =
        caseReferences.of(lines.stream().map(l -> warehouse.caseIdOf(l.caseKey())).toList());
    return lines.stream()
        .map(l -> l.withReference(references.get(warehouse.caseIdOf(l.caseKey()))))
        .toList();
  }

  /** The unit costs' source and, when the ICT budget gave a spend, the budget lines'. */
  private String source(KpiQueries.Result r) {
    Object spend = r.total() == null ? null : r.total().get(r.total().size() - 1);
    return spend == null ? costs.source() : costs.source() + "; spend: " + spend;
  }

  private static Map<String, Object> named(Kpis.Kpi k, List<Object> row) {
    Map<String, Object> m = new LinkedHashMap<>();
    for (int i = 0; i < k.columns().size(); i++) {
      m.put(k.columns().get(i).name(), row.get(i));
    }
    return m;
  }

  private static Map<String, String> pairs(Connection c, String sql) throws SQLException {
    Map<String, String> m = new LinkedHashMap<>();
    try (Statement s = c.createStatement();
        ResultSet rs = s.executeQuery(sql)) {
      while (rs.next()) {
        m.put(rs.getString(1), rs.getString(2));
      }
    }
    return m;
  }

  private String text(String key) {
    return messages.getMessage(key, null, key, Locale.UK);
  }

  private static String shorten(String v) {
    return v == null ? "" : v.length() <= 40 ? v : v.substring(0, 40) + "…";
  }
}
