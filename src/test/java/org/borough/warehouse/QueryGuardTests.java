// SPDX-License-Identifier: AGPL-3.0-or-later
package org.borough.warehouse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import java.io.InputStream;
import java.nio.file.Path;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The SQL page's refusals, on a real warehouse file with its schema: everything an analyst could
 * type to change data, settings or extensions, or to reach files, the network, the environment or
 * the loader's bookkeeping, is refused with a message naming it; ordinary analysis over the star
 * schema passes and runs. Then the second line of defence on its own: the read-only transaction,
 * the row cap and the timeout.
 */
class QueryGuardTests {

  @TempDir static Path dir;
  static TestWarehouse warehouse;
  static ScheduledExecutorService timer;
  static Properties messages = new Properties();
  final QueryGuard guard = new QueryGuard(20_000);

  @BeforeAll
  static void open() throws Exception {
    warehouse = new TestWarehouse(dir, 100);
    timer = Executors.newSingleThreadScheduledExecutor();
    try (InputStream in = QueryGuardTests.class.getResourceAsStream("/messages.properties")) {
      messages.load(in);
    }
  }

  @AfterAll
  static void close() {
    warehouse.close();
    timer.shutdownNow();
  }

  static Stream<Arguments> refused() {
    return Stream.of(
        // Statements other than SELECT, named by their keyword
        arguments("insert into fact_case (service_code) values ('x')", "statement", "INSERT"),
        arguments("update fact_case set status = 'CLOSED'", "statement", "UPDATE"),
        arguments("delete from fact_case", "statement", "DELETE"),
        arguments("create table x as select 1", "statement", "CREATE"),
        arguments("drop table fact_case", "statement", "DROP"),
        arguments("alter table fact_case add column x int", "statement", "ALTER"),
        arguments("copy fact_case to '/tmp/cases.csv'", "statement", "COPY"),
        arguments("copy (select 1) to '/tmp/x.parquet' (format parquet)", "statement", "COPY"),
        arguments("attach '/tmp/other.duckdb' as other", "statement", "ATTACH"),
        arguments("detach other", "statement", "DETACH"),
        arguments("install httpfs", "statement", "INSTALL"),
        arguments("load httpfs", "statement", "LOAD"),
        arguments("pragma version", "statement", "PRAGMA"),
        arguments("set enable_external_access = true", "statement", "SET"),
        arguments("reset threads", "statement", "RESET"),
        arguments("call pragma_version()", "statement", "CALL"),
        arguments("export database '/tmp/dump'", "statement", "EXPORT"),
        arguments("import database '/tmp/dump'", "statement", "IMPORT"),
        arguments("checkpoint", "statement", "CHECKPOINT"),
        arguments("begin transaction", "statement", "BEGIN"),
        arguments("/* a comment first */ drop table fact_case", "statement", "DROP"),
        arguments("-- a comment first\ndelete from fact_case", "statement", "DELETE"),
        arguments("pivot fact_case on channel_code using count(*)", "pivot", "PIVOT"),
        // More than one statement, or a write behind a SELECT
        arguments("select 1; drop table fact_case", "not-only-select", null),
        arguments("select 1 /* ; */; delete from fact_case", "not-only-select", null),
        arguments(
            "with x as (select 1) insert into fact_case (service_code) select 'x'", null, null),
        arguments("select 1; select 2", "several", 2),
        // Files and the network, directly, wrapped in WITH, in subqueries and set operations
        arguments("select * from read_csv('/etc/passwd')", "table-function", "read_csv"),
        arguments("select * from read_csv_auto('/etc/passwd')", "table-function", "read_csv_auto"),
        arguments("select * from read_parquet('/tmp/x.parquet')", "table-function", "read_parquet"),
        arguments("select * from parquet_scan('/tmp/x.parquet')", "table-function", "parquet_scan"),
        arguments("select * from read_json('/tmp/x.json')", "table-function", "read_json"),
        arguments("select * from read_text('/etc/passwd')", "table-function", "read_text"),
        arguments("select * from read_blob('/etc/passwd')", "table-function", "read_blob"),
        arguments("select * from glob('/etc/*')", "table-function", "glob"),
        arguments("select * from sniff_csv('/etc/passwd')", "table-function", "sniff_csv"),
        arguments("select * from query('select 1')", "table-function", "query"),
        arguments("select * from query_table('loader_state')", "table-function", "query_table"),
        arguments("select * from duckdb_settings()", "table-function", "duckdb_settings"),
        arguments("select * from '/etc/passwd.csv'", "table", "/etc/passwd.csv"),
        arguments("select * from 'https://example.org/x.parquet'", "table", "https"),
        arguments(
            "with x as (select * from read_csv('/etc/passwd')) select * from x",
            "table-function",
            "read_csv"),
        arguments(
            "select * from fact_case where service_code in"
                + " (select column0 from read_csv('/etc/passwd'))",
            "table-function",
            "read_csv"),
        arguments("select (select content from read_text('/etc/passwd'))", "table-function", null),
        arguments(
            "select 'a' union all select content from read_text('/etc/hosts')",
            "table-function",
            "read_text"),
        arguments("select * from range(3), read_csv('/etc/passwd')", "table-function", "read_csv"),
        arguments(
            "select * from unnest((select list(content) from read_text('/etc/passwd')))",
            "table-function",
            "read_text"),
        // Tables that are not published, and catalogs
        arguments("select * from loader_state", "table", "loader_state"),
        arguments("select * from quarantine", "table", "quarantine"),
        arguments("select * from stg_key", "table", "stg_key"),
        arguments("select * from dq_result", "table", "dq_result"),
        arguments("select * from duckdb_tables", "table", "duckdb_tables"),
        arguments("select * from main.loader_state", "table", "loader_state"),
        arguments("select * from information_schema.tables", "qualified-table", "tables"),
        arguments("select * from borough.main.fact_case", "qualified-table", "fact_case"),
        arguments("select * from system.main.duckdb_settings", "qualified-table", null),
        arguments("select * from pg_catalog.pg_class", "qualified-table", "pg_class"),
        arguments("select * from (with x as (select 1) select * from x), x", "table", "x"),
        arguments("with loader_state as (select 1) select * from loader_state", "with-name", null),
        arguments("with \"a.csv\" as (select 1) select * from \"a.csv\"", "with-name", "a.csv"),
        // Functions outside the allowlist, wherever they hide
        arguments("select getenv('HOME')", "function", "getenv"),
        arguments("select current_setting('threads')", "function", "current_setting"),
        arguments("select getvariable('x')", "function", "getvariable"),
        arguments("select nextval('dim_key_seq')", "function", "nextval"),
        arguments("select setval('dim_key_seq', 1)", "function", "setval"),
        arguments("select write_log('x')", "function", "write_log"),
        arguments("select sleep_ms(100000)", "function", "sleep_ms"),
        arguments("select json_serialize_sql('select 1')", "function", "json_serialize_sql"),
        arguments("select list_transform([1], lambda x: getenv('HOME'))", "function", "getenv"),
        arguments("select * from fact_case order by getenv('x')", "function", "getenv"),
        arguments(
            "select count(*) filter (where current_setting('threads') = 1) from fact_case",
            "function",
            "current_setting"),
        arguments("select main.lower('x')", "qualified-function", "lower"),
        // Other things the page does not do
        arguments("select 1 where ? = 1", "parameter", null),
        arguments("describe fact_case", "show", null),
        arguments("summarize fact_case", "show", null),
        arguments("show tables", "show", null),
        arguments("selec 1", "syntax", null),
        arguments("", "empty", null),
        arguments("   -- only a comment", "empty", null),
        arguments("select '" + "x".repeat(20_001) + "'", "too-long", 20_000));
  }

  @ParameterizedTest(name = "[{index}] {1}: {0}")
  @MethodSource
  void refused(String sql, String key, Object named) {
    SqlRefused refused = catchThrowableOfType(SqlRefused.class, () -> check(sql));
    assertThat(refused).as(sql).isNotNull();
    if (key != null) {
      assertThat(refused.key()).as(sql).isEqualTo(key);
    }
    if (named != null) {
      assertThat(List.of(refused.args()).toString()).as(sql).contains(named.toString());
    }
    assertThat(messages).containsKey("sql.refused." + refused.key());
  }

  static Stream<String> accepted() {
    return Stream.of(
        "select 1",
        "select 1;",
        "select * from fact_case -- a comment at the end",
        "select channel_code, count(*) as contacts from fact_contact group by 1 order by 1",
        "select s.name, count(*) from fact_case c join dim_service s"
            + " on s.service_key = c.service_key group by all order by all",
        "with opened as (select opened_date_key, count(*) as n from fact_case group by 1)"
            + " select d.financial_year, sum(n) from opened o"
            + " join dim_date d on d.date_key = o.opened_date_key group by 1",
        "select case_key, row_number() over (partition by service_code order by opened_at),"
            + " lag(opened_at) over (order by opened_at) from fact_case",
        "select d.year, d.month, count(c.case_key) filter (where c.sla_met) from dim_date d"
            + " left join fact_case c on c.opened_date_key = d.date_key"
            + " where d.date between date '2026-01-01' and date '2026-03-31'"
            + " group by 1, 2 order by 1, 2",
        "select median(working_days_taken), quantile_cont(working_days_taken, 0.9) from fact_case",
        "select * from dim_channel where label ilike '%web%' or channel_code like 'P%'",
        "from dim_status select status_code, label",
        "select date_trunc('month', opened_at) as month, count(*) from fact_case group by 1",
        "select * from range(3) r(n) cross join dim_channel",
        "with recursive n(i) as (select 1 union all select i + 1 from n where i < 5)"
            + " select sum(i) from n",
        "select case when is_digital then 'digital' else 'assisted' end, count(*)"
            + " from dim_channel group by 1",
        "select coalesce(merged_into, resident_key) from dim_resident",
        "select strftime(now(), '%Y-%m-%d'), current_date, extract(year from current_date)",
        "select list_transform([1, 2], lambda x: x * 2), {'a': 1}.a, [1, 2, 3][2]",
        "select * from dim_ward where gss_code in (select ward_code from fact_case)",
        "select * from fact_backlog_daily, fact_case_event",
        "select x from (select 1 as x) sub where exists (select 1 from dim_team)",
        "select * from unnest([1, 2, 3])");
  }

  @ParameterizedTest(name = "[{index}] {0}")
  @MethodSource
  void accepted(String sql) {
    check(sql);
    AnalystQuery.Result r = run(sql, 10, Duration.ofSeconds(30));
    assertThat(r.columns()).as(sql).isNotEmpty();
  }

  @Test
  void everyAllowedFunctionIsOneDuckDbHas() {
    Set<String> known = strings("select distinct function_name from duckdb_functions()");
    assertThat(QueryGuard.allowedFunctions()).isSubsetOf(known);
  }

  @Test
  void noFunctionThatReadsFilesSettingsOrStateIsAllowed() {
    Set<String> allowed = QueryGuard.allowedFunctions();
    assertThat(allowed)
        .doesNotContain(
            "read_csv",
            "read_csv_auto",
            "read_parquet",
            "parquet_scan",
            "read_json",
            "read_json_auto",
            "read_text",
            "read_blob",
            "glob",
            "sniff_csv",
            "query",
            "query_table",
            "getenv",
            "current_setting",
            "getvariable",
            "nextval",
            "currval",
            "setval",
            "setseed",
            "write_log",
            "sleep_ms",
            "pg_sleep",
            "error",
            "current_query",
            "json_serialize_sql",
            "json_deserialize_sql",
            "json_execute_serialized_sql");
    Set<String> tableFunctions =
        strings(
            "select distinct function_name from duckdb_functions()"
                + " where function_type in ('table', 'table_macro')");
    tableFunctions.removeAll(QueryGuard.TABLE_FUNCTIONS);
    // histogram is an aggregate and a table macro: the guard tells them apart by where they are.
    tableFunctions.removeAll(
        strings(
            "select distinct function_name from duckdb_functions()"
                + " where function_type not in ('table', 'table_macro')"));
    tableFunctions.retainAll(allowed);
    assertThat(tableFunctions).as("table functions on the allowlist").isEmpty();
  }

  @Test
  void capsTheRowsAndSaysThereWereMore() {
    AnalystQuery.Result capped = run("select * from range(5000)", 1000, Duration.ofSeconds(30));
    assertThat(capped.rows()).hasSize(1000);
    assertThat(capped.truncated()).isTrue();
    AnalystQuery.Result exact = run("select * from range(1000)", 1000, Duration.ofSeconds(30));
    assertThat(exact.rows()).hasSize(1000);
    assertThat(exact.truncated()).isFalse();
    AnalystQuery.Result ordered =
        run("select * from range(10) order by 1 desc", 3, Duration.ofSeconds(30));
    assertThat(ordered.rows()).containsExactly(List.of(9L), List.of(8L), List.of(7L));
  }

  @Test
  void stopsAQueryThatRunsTooLong() {
    SqlRefused stopped =
        catchThrowableOfType(
            SqlRefused.class,
            () ->
                run(
                    "select count(*) from range(100000000) a, range(100000000) b",
                    10,
                    Duration.ofMillis(300)));
    assertThat(stopped).isNotNull();
    assertThat(stopped.key()).isEqualTo("timeout");
    assertThat(run("select 42", 10, Duration.ofSeconds(5)).rows()).containsExactly(List.of(42L));
  }

  @Test
  void runsInAReadOnlyTransactionEvenIfAWriteGotPastTheGuard() {
    long before = warehouse.count("select count(*) from dim_channel");
    SqlRefused refused =
        catchThrowableOfType(
            SqlRefused.class,
            () -> run("select nextval('dim_key_seq')", 10, Duration.ofSeconds(5)));
    assertThat(refused).isNotNull();
    assertThat(refused.key()).isEqualTo("failed");
    assertThat(List.of(refused.args()).toString()).contains("read-only");
    SqlRefused notASelect =
        catchThrowableOfType(
            SqlRefused.class, () -> run("delete from dim_channel", 10, Duration.ofSeconds(5)));
    assertThat(notASelect).isNotNull();
    assertThat(warehouse.count("select count(*) from dim_channel")).isEqualTo(before);
  }

  /** Before: DuckDB tried to download the inet extension, to load it into the server. */
  @Test
  void aTypeFromAnExtensionIsAnErrorAndNothingIsInstalled() {
    SqlRefused refused =
        catchThrowableOfType(
            SqlRefused.class, () -> run("select '1.2.3.4'::INET", 10, Duration.ofSeconds(5)));
    assertThat(refused).isNotNull();
    assertThat(refused.key()).isEqualTo("failed");
    assertThat(List.of(refused.args()).toString())
        .contains("INET")
        .doesNotContainIgnoringCase("download");
    assertThat(strings("select extension_name from duckdb_extensions() where installed"))
        .doesNotContain("inet");
  }

  @Test
  void extensionsAreNeitherInstalledNorLoadedByThemselvesAndNoStatementCanChangeThat() {
    assertThat(
            strings(
                "select current_setting('autoinstall_known_extensions')::varchar"
                    + " || current_setting('autoload_known_extensions')::varchar"
                    + " || current_setting('lock_configuration')::varchar"))
        .containsExactly("falsefalsetrue");
    assertThatThrownBy(
            () ->
                warehouse.db.read(
                    c -> {
                      try (Statement s = c.createStatement()) {
                        return s.execute("set autoload_known_extensions = true");
                      }
                    }))
        .hasStackTraceContaining("the configuration has been locked");
  }

  private void check(String sql) {
    warehouse.db.read(
        c -> {
          guard.check(c, sql);
          return null;
        });
  }

  private AnalystQuery.Result run(String sql, int max, Duration timeout) {
    return warehouse.db.read(c -> AnalystQuery.run(c, sql, max, timeout, timer));
  }

  private Set<String> strings(String sql) {
    return warehouse.db.read(
        c -> {
          Set<String> names = new HashSet<>();
          try (Statement s = c.createStatement();
              ResultSet rs = s.executeQuery(sql)) {
            while (rs.next()) {
              names.add(rs.getString(1));
            }
          }
          return names;
        });
  }
}
