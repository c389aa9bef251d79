// SPDX-License-Identifier: AGPL-3.0-or-later
package org.borough.sparkcheck;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Every KPI of kpis.sql, run on Apache Spark ({@code local[2]}) over the Parquet export that the
 * main build's ParquetExportIT wrote, gives the rows DuckDB gave for the same filters. The queries
 * are the ones the application runs (expanded from kpis.sql, which is read here by path to check
 * that none is left out), with the same parameter values bound as literals.
 */
class SparkKpiCheckTest {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Pattern KPI = Pattern.compile("(?m)^--\\s*kpi:\\s*(\\S+)");

  static Path input;
  static SparkSession spark;
  static JsonNode manifest;

  @BeforeAll
  static void start() throws IOException {
    input = Path.of(System.getProperty("spark-check.input", "../target/spark-check-input"));
    if (!Files.exists(input.resolve("answers.json"))) {
      String why = "No export in " + input + ": the main build's ParquetExportIT did not run";
      if ("true".equals(System.getenv("CI"))) {
        throw new IllegalStateException(why);
      }
      Assumptions.abort(why + ", skipping");
    }
    manifest = JSON.readTree(input.resolve("parquet").resolve("manifest.json").toFile());
    spark =
        SparkSession.builder()
            .master("local[2]")
            .appName("borough-spark-check")
            .config("spark.driver.bindAddress", "127.0.0.1")
            .config("spark.driver.host", "127.0.0.1")
            .config("spark.ui.enabled", "false")
            .config("spark.sql.shuffle.partitions", "1")
            // A few hundred rows: compiling each query to bytecode would take longer than
            // interpreting it, and adaptive re-planning only adds stages.
            .config("spark.sql.codegen.wholeStage", "false")
            .config("spark.sql.codegen.factoryMode", "NO_CODEGEN")
            .config("spark.sql.adaptive.enabled", "false")
            .config("spark.sql.session.timeZone", "UTC")
            // month=2026-03 stays text, as DuckDB wrote it.
            .config("spark.sql.sources.partitionColumnTypeInference.enabled", "false")
            .getOrCreate();
    for (JsonNode t : manifest.get("tables")) {
      Dataset<Row> rows =
          spark.read().parquet(input.resolve("parquet").resolve(t.get("name").asText()).toString());
      if (!t.get("partitionColumn").isNull()) {
        rows = rows.drop(t.get("partitionColumn").asText()); // not a column of the star schema
      }
      rows.createOrReplaceTempView(t.get("name").asText());
    }
  }

  @AfterAll
  static void stop() {
    if (spark != null) {
      spark.stop();
    }
  }

  @Test
  void sparkReadsEveryTableWithTheRowsTheManifestCounts() {
    for (JsonNode t : manifest.get("tables")) {
      String name = t.get("name").asText();
      assertEquals(t.get("rows").asLong(), spark.table(name).count(), name);
    }
  }

  @Test
  void everyKpiGivesTheRowsDuckDbGave() throws IOException {
    JsonNode cases = JSON.readTree(input.resolve("answers.json").toFile()).get("cases");
    TreeSet<String> declared = new TreeSet<>();
    Matcher m = KPI.matcher(Files.readString(Path.of(System.getProperty("spark-check.kpis"))));
    while (m.find()) {
      declared.add(m.group(1));
    }
    TreeSet<String> answered = new TreeSet<>();
    List<String> differences = new ArrayList<>();
    for (JsonNode c : cases) {
      String name = c.get("kpi").asText() + " (" + c.get("variant").asText() + ")";
      answered.add(c.get("kpi").asText());
      try {
        differences.addAll(compare(c).stream().map(d -> name + ": " + d).toList());
      } catch (RuntimeException e) {
        differences.add(name + ": Spark failed: " + e.getMessage());
      }
    }
    assertEquals(declared, answered, "every KPI of kpis.sql has DuckDB's answers to compare");
    assertTrue(differences.isEmpty(), () -> String.join("\n", differences));
    System.out.printf("Spark agrees with DuckDB on %d KPI queries%n", cases.size());
  }

  private static List<String> compare(JsonNode c) {
    List<Parameters.Value> values = new ArrayList<>();
    c.get("parameters")
        .forEach(
            p -> values.add(new Parameters.Value(p.get("type").asText(), text(p.get("value")))));
    String sql = c.get("sql").asText();
    List<Boolean> numeric = new ArrayList<>();
    c.get("columns").forEach(t -> numeric.add(t.asText().equals("number")));
    int n = numeric.size();
    List<List<String>> rows = new ArrayList<>();
    List<List<String>> total = new ArrayList<>();
    for (Row r : spark.sql(Parameters.bind(sql, values)).collectAsList()) {
      List<String> row = new ArrayList<>(n);
      for (int i = 0; i < n; i++) {
        row.add(r.isNullAt(i) ? null : r.get(i).toString());
      }
      (r.size() > n && r.getBoolean(n) ? total : rows).add(row);
    }
    List<List<String>> expectedTotal = new ArrayList<>();
    List<List<String>> expected = new ArrayList<>();
    c.get("rows").forEach(r -> expected.add(texts(r)));
    if (!c.get("total").isNull()
        && !(RowComparison.emptyGrandTotal(numeric, expected, texts(c.get("total")))
            && total.isEmpty())) {
      expectedTotal.add(texts(c.get("total")));
    }
    List<String> out =
        new ArrayList<>(
            RowComparison.differences(numeric, expected, rows, RowComparison.ordered(sql)));
    RowComparison.differences(numeric, expectedTotal, total, true).stream()
        .map(d -> "total " + d)
        .forEach(out::add);
    return out;
  }

  private static List<String> texts(JsonNode row) {
    List<String> out = new ArrayList<>();
    row.forEach(v -> out.add(text(v)));
    return out;
  }

  private static String text(JsonNode v) {
    return v == null || v.isNull() ? null : v.asText();
  }
}
