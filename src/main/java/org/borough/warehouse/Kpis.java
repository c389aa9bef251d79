// SPDX-License-Identifier: AGPL-3.0-or-later
package org.borough.warehouse;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.borough.cases.CaseStatus;

/**
 * The KPIs declared in {@code warehouse/kpis.sql}: for each, its one query over the star schema,
 * its columns, the filters that apply, how it is drawn and, for those counting cases, the condition
 * that lists the cases behind one of its rows. The placeholders in the queries are expanded here
 * once, from fragments in the same file and from configuration; nothing a user sends is ever part
 * of the SQL text (filters are bound as parameters).
 */
final class Kpis {

  static final String FILE = "/warehouse/kpis.sql";

  /** Most cases a drill-down lists or exports. */
  static final int DRILL_LIMIT = 100_000;

  enum ColumnType {
    CODE,
    TEXT,
    MONTH,
    DATE,
    COUNT,
    DAYS,
    PERCENT,
    MONEY;

    boolean numeric() {
      return this == COUNT || this == DAYS || this == PERCENT || this == MONEY;
    }
  }

  /** The filters, by their parameter names. */
  enum Filter {
    FROM,
    TO,
    SERVICE,
    WARD,
    CHANNEL,
    TEAM;

    String param() {
      return name().toLowerCase(Locale.ROOT);
    }

    static Filter of(String param) {
      return valueOf(param.toUpperCase(Locale.ROOT));
    }
  }

  enum Chart {
    BAR,
    LINE,
    STACKED
  }

  record Column(String name, ColumnType type) {}

  /**
   * One KPI, with its query for each combination of the filters on cases (service, ward, channel,
   * team) that can be given; {@code drillSql} is empty when its rows are not cases (contacts, daily
   * snapshots).
   */
  record Kpi(
      String id,
      List<Column> columns,
      Set<Filter> filters,
      Chart chart,
      Map<Set<Filter>, String> sqls,
      Map<Set<Filter>, String> drillSqls) {

    boolean drillable() {
      return !drillSqls.isEmpty();
    }

    /** The query for these filters: only the filters given and applicable are in its text. */
    String sql(KpiFilters f) {
      return sqls.get(given(f));
    }

    String drillSql(KpiFilters f) {
      return drillSqls.get(given(f));
    }

    private Set<Filter> given(KpiFilters f) {
      Set<Filter> given = EnumSet.noneOf(Filter.class);
      if (f.service() != null) {
        given.add(Filter.SERVICE);
      }
      if (f.ward() != null) {
        given.add(Filter.WARD);
      }
      if (f.channel() != null) {
        given.add(Filter.CHANNEL);
      }
      if (f.team() != null) {
        given.add(Filter.TEAM);
      }
      given.retainAll(filters);
      return given;
    }

    Set<Filter> notApplicable() {
      Set<Filter> none = EnumSet.allOf(Filter.class);
      none.removeAll(filters);
      return none;
    }
  }

  private static final Pattern PLACEHOLDER = Pattern.compile("\\{([a-z_]+)}");

  private final Map<String, Kpi> kpis;

  /** What a system code may look like: as governance's portfolio allows, so safe in SQL. */
  private static final Pattern SYSTEM_CODE = Pattern.compile("[A-Z0-9][A-Z0-9-]{1,19}");

  /** The KPIs with the seed's CRM as the one system that handles contacts. */
  Kpis(UnitCosts costs) {
    this(read(), costs, List.of("CRM"));
  }

  Kpis(UnitCosts costs, List<String> contactSystems) {
    this(read(), costs, contactSystems);
  }

  Kpis(String text, UnitCosts costs) {
    this(text, costs, List.of("CRM"));
  }

  /**
   * @param contactSystems the codes of the ICT systems whose budget lines pay for handling contacts
   *     (the CRM), for the cost per contact from the ICT budget
   */
  Kpis(String text, UnitCosts costs, List<String> contactSystems) {
    Map<String, String> fragments = new LinkedHashMap<>();
    List<String[]> blocks = new ArrayList<>(); // headers text, body
    for (String block : text.split("(?m)^;\\s*$")) {
      Map<String, String> headers = headers(block);
      String body = body(block);
      if (headers.containsKey("fragment")) {
        fragments.put(headers.get("fragment"), body);
      } else if (headers.containsKey("kpi")) {
        blocks.add(new String[] {block, body});
      }
    }
    String active =
        CaseStatus.activeStatuses().stream()
            .map(s -> "'" + s.name() + "'")
            .sorted()
            .collect(Collectors.joining(", "));
    String age = fragments.get("age");
    Map<String, String> values = new LinkedHashMap<>(fragments);
    values.put("active", active);
    values.put("age_band", fragments.get("age_band").replace("@age", "a.age"));
    values.put("age_band_x", fragments.get("age_band").replace("@age", age));
    values.put("unit_costs", unitCosts(costs));
    values.put("contact_systems", systems(contactSystems, ", "));
    values.put("contact_systems_label", "'" + String.join(", ", contactSystems) + "'");
    values.put("drill_limit", String.valueOf(DRILL_LIMIT + 1));
    values.put("from_key", "$1::integer");
    values.put("to_key", "$2::integer");
    Map<String, Kpi> parsed = new LinkedHashMap<>();
    for (String[] b : blocks) {
      Map<String, String> h = headers(b[0]);
      String id = h.get("kpi");
      List<Column> columns = new ArrayList<>();
      for (String c : h.getOrDefault("columns", "").trim().split("\\s+")) {
        String[] nt = c.split(":");
        columns.add(new Column(nt[0], ColumnType.valueOf(nt[1].toUpperCase(Locale.ROOT))));
      }
      Set<Filter> filters = EnumSet.noneOf(Filter.class);
      for (String f : h.getOrDefault("filters", "").trim().split("\\s+")) {
        if (!f.isEmpty()) {
          filters.add(Filter.of(f));
        }
      }
      Map<Set<Filter>, String> sqls = new LinkedHashMap<>();
      Map<Set<Filter>, String> drills = new LinkedHashMap<>();
      for (Set<Filter> given : combinations(filters)) {
        Map<String, String> scoped = new LinkedHashMap<>(values);
        scoped.putAll(filterFragments(given));
        sqls.put(given, expand(b[1], scoped, id));
        if (h.containsKey("drill")) {
          scoped.put("drill", expand(h.get("drill"), scoped, id));
          drills.put(given, expand(fragments.get("drill"), scoped, id));
        }
      }
      parsed.put(
          id,
          new Kpi(
              id,
              List.copyOf(columns),
              filters,
              Chart.valueOf(h.getOrDefault("chart", "bar").trim().toUpperCase(Locale.ROOT)),
              Map.copyOf(sqls),
              Map.copyOf(drills)));
    }
    this.kpis = java.util.Collections.unmodifiableMap(parsed);
  }

  /** The filters on cases: each KPI has one query per subset of those that apply to it. */
  private static final List<Filter> CASE_FILTERS =
      List.of(Filter.SERVICE, Filter.WARD, Filter.CHANNEL, Filter.TEAM);

  /** Every subset of the case filters that apply to a KPI, the empty one included. */
  private static List<Set<Filter>> combinations(Set<Filter> applicable) {
    List<Filter> these = CASE_FILTERS.stream().filter(applicable::contains).toList();
    List<Set<Filter>> all = new ArrayList<>();
    for (int bits = 0; bits < 1 << these.size(); bits++) {
      Set<Filter> s = EnumSet.noneOf(Filter.class);
      for (int i = 0; i < these.size(); i++) {
        if ((bits & 1 << i) != 0) {
          s.add(these.get(i));
        }
      }
      all.add(Set.copyOf(s));
    }
    return all;
  }

  /**
   * The filter fragments for the filters given. Why not one text with {@code p.x is null or ...}:
   * DuckDB cannot drop a join whose condition depends on a parameter, so a KPI over contacts or
   * status changes joined every row to {@code fact_case} on its UUID even with no filter set; here
   * the join to the case ({contact_case}, {event_case}) is written only when a filter needs it. The
   * codes are compared with the parameters themselves rather than p's columns, so that DuckDB
   * filters the scan instead of joining every row to p.
   */
  private static Map<String, String> filterFragments(Set<Filter> given) {
    List<String> onCase = new ArrayList<>();
    if (given.contains(Filter.SERVICE)) {
      onCase.add("f.service_code = $3::varchar");
    }
    if (given.contains(Filter.WARD)) {
      onCase.add("f.ward_code = $4::varchar");
    }
    if (given.contains(Filter.TEAM)) {
      onCase.add("f.team_id = p.team_id");
    }
    List<String> caseFilter = new ArrayList<>(onCase);
    List<String> contactFilter = new ArrayList<>(onCase);
    if (given.contains(Filter.CHANNEL)) {
      caseFilter.add("f.channel_code = $5::varchar");
      contactFilter.add(0, "ct.channel_code = $5::varchar");
    }
    return Map.of(
        "case_filter",
        conjunction(caseFilter),
        "contact_filter",
        conjunction(contactFilter),
        "contact_case",
        onCase.isEmpty() ? "" : "left join fact_case f on f.case_key = ct.case_key",
        "event_case",
        caseFilter.isEmpty() ? "" : "join fact_case f on f.case_key = e.case_key");
  }

  private static String conjunction(List<String> conditions) {
    return conditions.isEmpty() ? "true" : "(" + String.join(" and ", conditions) + ")";
  }

  Collection<Kpi> all() {
    return kpis.values();
  }

  Optional<Kpi> find(String id) {
    return Optional.ofNullable(id == null ? null : kpis.get(id));
  }

  private static String read() {
    try (InputStream in = Kpis.class.getResourceAsStream(FILE)) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new IllegalStateException("Cannot read " + FILE, e);
    }
  }

  private static final Pattern HEADER = Pattern.compile("(?m)^--\\s*([a-z-]+):\\s*(.*)$");

  private static Map<String, String> headers(String block) {
    Map<String, String> h = new LinkedHashMap<>();
    Matcher m = HEADER.matcher(block);
    while (m.find()) {
      h.putIfAbsent(m.group(1), m.group(2).strip());
    }
    return h;
  }

  /** The block without its comment lines. */
  private static String body(String block) {
    return Arrays.stream(block.split("\n"))
        .filter(l -> !l.strip().startsWith("--"))
        .collect(Collectors.joining("\n"))
        .strip();
  }

  private static String expand(String sql, Map<String, String> values, String kpi) {
    String out = sql;
    for (int round = 0; round < 5 && PLACEHOLDER.matcher(out).find(); round++) {
      Matcher m = PLACEHOLDER.matcher(out);
      StringBuilder b = new StringBuilder();
      while (m.find()) {
        String v = values.get(m.group(1));
        if (v == null) {
          throw new IllegalStateException("KPI " + kpi + ": no fragment {" + m.group(1) + "}");
        }
        m.appendReplacement(b, Matcher.quoteReplacement(v));
      }
      m.appendTail(b);
      out = b.toString();
    }
    return out;
  }

  /**
   * The system codes as SQL strings; refused unless each is a code, so never a way into the SQL.
   */
  static String systems(List<String> codes, String separator) {
    if (codes == null || codes.isEmpty()) {
      throw new IllegalArgumentException("borough.warehouse.contact-systems needs a system code");
    }
    for (String code : codes) {
      if (code == null || !SYSTEM_CODE.matcher(code).matches()) {
        throw new IllegalArgumentException(
            "borough.warehouse.contact-systems: '"
                + code
                + "' is not a system code (2 to 20 capital letters, digits or hyphens)");
      }
    }
    return codes.stream().map(c -> "'" + c + "'").collect(Collectors.joining(separator));
  }

  /**
   * The configured unit costs as a CTE; numbers and channel codes only, never user input. Standard
   * casts, not DuckDB's {@code ::}, so that Spark runs the same SQL (spark-check).
   */
  static String unitCosts(UnitCosts costs) {
    Map<String, java.math.BigDecimal> byChannel = costs.byChannel();
    if (byChannel.isEmpty()) {
      return "unit_costs as (select cast(null as string) as channel_code,"
          + " cast(null as decimal(10, 2)) as unit_cost where false)";
    }
    return "unit_costs as (select * from (values "
        + byChannel.entrySet().stream()
            .map(
                e ->
                    "('"
                        + e.getKey()
                        + "', cast("
                        + e.getValue().toPlainString()
                        + " as decimal(10, 2)))")
            .collect(Collectors.joining(", "))
        + ") u(channel_code, unit_cost))";
  }
}
