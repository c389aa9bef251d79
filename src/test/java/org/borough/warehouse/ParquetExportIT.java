// SPDX-License-Identifier: AGPL-3.0-or-later
package org.borough.warehouse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.borough.residents.Channel;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.json.JsonMapper;

/**
 * The Parquet export of the hand-checked KPI fixture ({@link KpiFixture}): one directory per table,
 * facts split by month, row counts and contents equal to the warehouse's when DuckDB reads the
 * files back, and an export that replaces the last one whole or not at all. The H2 run of the
 * integration tests (pom.xml sets {@code borough.spark-check.input} there only) also leaves the
 * export and DuckDB's answer to every KPI, for the default filters and filtered variants, for
 * spark-check/ to compare with Spark's.
 */
class ParquetExportIT {

  static final JsonMapper JSON = JsonMapper.builder().build();
  static final Kpis KPIS = new Kpis(UnitCosts.socitm());
  static final LocalDate FROM = LocalDate.of(2026, 1, 1), TO = LocalDate.of(2026, 3, 31);

  /** The filters each KPI is compared under, by name. */
  static final Map<String, KpiFilters> VARIANTS =
      Map.of(
          "default", new KpiFilters(FROM, TO, null, null, null, null),
          "missed-bin-by-phone", new KpiFilters(FROM, TO, "missed-bin", null, Channel.PHONE, null),
          "riverside-roads", new KpiFilters(FROM, TO, null, "E05000002", null, "roads"));

  @TempDir static Path dir;
  static TestWarehouse w;

  @BeforeAll
  static void fixture() {
    w = KpiFixture.open(dir.resolve("warehouse"));
  }

  @AfterAll
  static void close() {
    w.close();
  }

  static ParquetExport.Manifest export(Path target, Instant now) {
    return w.db.read(c -> ParquetExport.export(c, target, now, now, JSON));
  }

  @Test
  void everyTableIsWrittenFactsByMonthAndReadsBackAsTheWarehouseHasIt() throws Exception {
    Path target = dir.resolve("parquet");
    ParquetExport.Manifest m = export(target, w.clock.instant());

    List<String> tables = w.db.read(c -> ParquetExport.published(c.createStatement()));
    assertThat(tables).contains("dim_date", "dim_service", "fact_case", "fact_contact");
    assertThat(m.tables()).extracting(ParquetExport.Table::name).isEqualTo(tables);
    assertThat(Files.exists(target.resolve(ParquetExport.MANIFEST))).isTrue();
    try (Stream<Path> months = Files.list(target.resolve("fact_case"))) {
      assertThat(months.map(p -> p.getFileName().toString()))
          .allMatch(n -> n.matches("month=\\d{4}-\\d{2}"))
          .contains("month=2025-12", "month=2026-02", "month=2026-03");
    }
    assertThat(Files.exists(target.resolve("dim_date").resolve("data.parquet"))).isTrue();

    for (ParquetExport.Table t : m.tables()) {
      String files = parquet(target, t);
      w.db.read(
          c -> {
            long live = count(c, "select count(*) from " + t.name());
            assertThat(t.rows()).as(t.name()).isEqualTo(live);
            assertThat(count(c, "select count(*) from " + files)).as(t.name()).isEqualTo(live);
            // Same rows both ways (UUIDs compare as their text).
            String back = "select * exclude (month) from " + files;
            String table = "select * from " + t.name();
            if (t.partitionColumn() == null) {
              back = "select * from " + files;
            }
            assertThat(count(c, "select count(*) from (" + back + " except all " + table + ")"))
                .as(t.name())
                .isZero();
            assertThat(count(c, "select count(*) from (" + table + " except all " + back + ")"))
                .as(t.name())
                .isZero();
            return null;
          });
    }
    assertThat(m.tables())
        .filteredOn(t -> t.name().equals("fact_case"))
        .singleElement()
        .satisfies(t -> assertThat(t.monthOf()).isEqualTo("opened_date_key"));
  }

  @Test
  void anExportReplacesTheLastOneWholeOrNotAtAll() throws Exception {
    Path target = dir.resolve("replaced");
    Instant first = Instant.parse("2026-03-27T10:00:00Z");
    Instant second = first.plusSeconds(60);
    export(target, first);
    Files.writeString(target.resolve("fact_case").resolve("stale.parquet"), "from the last export");
    export(target, second);
    assertThat(target.resolve("fact_case").resolve("stale.parquet")).doesNotExist();
    assertThat(manifest(target).exportedAt()).isEqualTo(second);

    // A failing export (its connection is closed) leaves the last export as it was.
    Connection closed = w.db.read(c -> c);
    assertThatThrownBy(
            () -> ParquetExport.export(closed, target, second.plusSeconds(60), null, JSON))
        .isInstanceOf(java.sql.SQLException.class);
    assertThat(manifest(target).exportedAt()).isEqualTo(second);
    try (Stream<Path> siblings = Files.list(dir)) {
      assertThat(siblings.map(p -> p.getFileName().toString()))
          .noneMatch(n -> n.startsWith("replaced.next-") || n.startsWith("replaced.old-"));
    }
  }

  /**
   * Writes the export and DuckDB's answers where spark-check reads them, when this run feeds it.
   */
  @Test
  void leavesTheExportAndDuckDbsAnswersForTheSparkCheck() throws Exception {
    String input = System.getProperty("borough.spark-check.input");
    if (input == null) {
      return; // only the H2 run feeds spark-check
    }
    Path root = Path.of(input);
    Files.createDirectories(root);
    export(root.resolve("parquet"), w.clock.instant());
    List<Map<String, Object>> cases = new ArrayList<>();
    for (Kpis.Kpi k : KPIS.all()) {
      for (var variant : new java.util.TreeMap<>(VARIANTS).entrySet()) {
        cases.add(answer(k, variant.getKey(), variant.getValue()));
      }
    }
    JSON.writerWithDefaultPrettyPrinter()
        .writeValue(root.resolve("answers.json").toFile(), Map.of("cases", cases));
    assertThat(cases).hasSize(KPIS.all().size() * VARIANTS.size());
  }

  private static Map<String, Object> answer(Kpis.Kpi k, String variant, KpiFilters f) {
    Instant now = w.clock.instant();
    KpiQueries.Result r = w.db.read(c -> KpiQueries.run(c, k, f, now, TestWarehouse.LONDON));
    List<Map<String, String>> parameters = new ArrayList<>();
    for (Object v : KpiQueries.parameters(k, f, now, TestWarehouse.LONDON, null)) {
      Map<String, String> p = new LinkedHashMap<>();
      p.put(
          "type",
          v == null
              ? "null"
              : v instanceof Integer
                  ? "integer"
                  : v instanceof OffsetDateTime ? "timestamp" : "text");
      p.put("value", v instanceof OffsetDateTime t ? t.toInstant().toString() : text(v));
      parameters.add(p);
    }
    Map<String, Object> a = new LinkedHashMap<>();
    a.put("kpi", k.id());
    a.put("variant", variant);
    a.put("sql", k.sql(f));
    a.put("parameters", parameters);
    a.put(
        "columns",
        k.columns().stream().map(col -> col.type().numeric() ? "number" : "text").toList());
    a.put("rows", r.rows().stream().map(ParquetExportIT::texts).toList());
    a.put("total", r.total() == null ? null : texts(r.total()));
    return a;
  }

  private static List<String> texts(List<Object> row) {
    return row.stream().map(ParquetExportIT::text).toList();
  }

  private static String text(Object v) {
    return v == null ? null : v instanceof BigDecimal d ? d.toPlainString() : v.toString();
  }

  private static ParquetExport.Manifest manifest(Path target) {
    return JSON.readValue(
        target.resolve(ParquetExport.MANIFEST).toFile(), ParquetExport.Manifest.class);
  }

  private static String parquet(Path target, ParquetExport.Table t) {
    String glob = t.partitionColumn() == null ? "*.parquet" : "*/*.parquet";
    return "read_parquet('"
        + target.resolve(t.name()).resolve(glob)
        + "', hive_partitioning = "
        + (t.partitionColumn() != null)
        + ")";
  }

  private static long count(Connection c, String sql) throws java.sql.SQLException {
    try (Statement s = c.createStatement();
        ResultSet rs = s.executeQuery(sql)) {
      rs.next();
      return rs.getLong(1);
    }
  }
}
