// SPDX-License-Identifier: AGPL-3.0-or-later
package org.borough.sparkcheck;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The comparison can fail: a differing, missing or misplaced row is reported. */
class RowComparisonTest {

  static final List<Boolean> CODE_COUNT_PERCENT = List.of(false, true, true);

  static List<String> row(String... values) {
    return Arrays.asList(values);
  }

  @Test
  void aDifferingValueIsReportedWithBothRows() {
    var d =
        RowComparison.differences(
            CODE_COUNT_PERCENT,
            List.of(row("PHONE", "2", "50.0"), row("WEB", "1", "100.0")),
            List.of(row("PHONE", "2", "50.0"), row("WEB", "1", "99.9")),
            true);
    assertEquals(List.of("row 2: DuckDB [WEB, 1, 100.0], Spark [WEB, 1, 99.9]"), d);
  }

  @Test
  void aMissingRowANullAndAnotherOrderAreDifferences() {
    assertEquals(
        1,
        RowComparison.differences(CODE_COUNT_PERCENT, List.of(row("A", "1", "1")), List.of(), true)
            .size());
    assertFalse(
        RowComparison.differences(
                CODE_COUNT_PERCENT, List.of(row("A", "1", null)), List.of(row("A", "1", "0")), true)
            .isEmpty());
    var abc = List.of(row("A", "1", "1"), row("B", "2", "2"));
    var bac = List.of(row("B", "2", "2"), row("A", "1", "1"));
    assertEquals(2, RowComparison.differences(CODE_COUNT_PERCENT, abc, bac, true).size());
    assertTrue(RowComparison.differences(CODE_COUNT_PERCENT, abc, bac, false).isEmpty());
  }

  @Test
  void numbersCompareByValueNotByHowEachEngineWritesThem() {
    assertTrue(
        RowComparison.differences(
                CODE_COUNT_PERCENT,
                List.of(row("A", "2", "2.5")),
                List.of(row("A", "2", "2.50")),
                true)
            .isEmpty());
    assertFalse(
        RowComparison.differences(List.of(false), List.of(row("2.5")), List.of(row("2.50")), true)
            .isEmpty(),
        "text columns compare as text");
  }

  @Test
  void onlyTheGrandTotalOfNothingMayBeMissingOnSpark() {
    assertTrue(RowComparison.emptyGrandTotal(CODE_COUNT_PERCENT, List.of(), row(null, "0", null)));
    assertFalse(RowComparison.emptyGrandTotal(CODE_COUNT_PERCENT, List.of(), row(null, "1", null)));
    assertFalse(
        RowComparison.emptyGrandTotal(
            CODE_COUNT_PERCENT, List.of(row("A", "0", null)), row(null, "0", null)));
  }

  @Test
  void aQueryIsOrderedOnlyByAnOrderByOutsideParentheses() {
    assertTrue(RowComparison.ordered("with x as (select 1) select * from x order by 1"));
    assertFalse(
        RowComparison.ordered(
            "with w as (select sum(a) over (order by b) as n from t) select * from w"));
  }

  @Test
  void parametersBecomeTypedSparkLiterals() {
    var values =
        List.of(
            new Parameters.Value("integer", "20260101"),
            new Parameters.Value("null", null),
            new Parameters.Value("text", "it's"),
            new Parameters.Value("timestamp", "2026-03-27T10:00:00Z"));
    assertEquals(
        "select cast(20260101 as int), cast(null as string), 'it\\'s',"
            + " cast(timestamp'2026-03-27T10:00:00Z' as timestamp)",
        Parameters.bind("select $1::integer, $2::varchar, $3, $4::timestamptz", values));
  }
}
