// SPDX-License-Identifier: AGPL-3.0-or-later
package org.borough.governance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** Ledger files as councils' finance systems export them. */
class LedgerCsvTests {

  static String ledgerExport(String first, String second) throws IOException {
    try (InputStream in =
        LedgerCsvTests.class.getResourceAsStream("/governance/ledger-export.csv")) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8)
          .replace("{first}", first)
          .replace("{second}", second);
    }
  }

  @Test
  void readsAnExportWithQuotedCommasLineBreaksAndQuotesAsSpreadsheetRows() throws IOException {
    assertThat(LedgerCsv.read(ledgerExport("a-1", "b-2")))
        .containsExactly(
            new LedgerCsv.Line(2, "a-1", "£87,916.67"), new LedgerCsv.Line(4, "b-2", "20000.00"));
  }

  @Test
  void aHeadingWithoutTheTwoColumnsIsRefusedOnItsRow() {
    assertThatThrownBy(() -> LedgerCsv.read("\n\nline,cost\nx,1\n"))
        .isInstanceOfSatisfying(LedgerCsv.Unreadable.class, e -> assertThat(e.line()).isEqualTo(3))
        .hasMessageContaining("must name the columns budget_line and amount");
  }

  @Test
  void aQuoteNeverClosedIsRefusedNotReadAsOneLongValue() {
    String text = "budget_line,amount\nx,1\ny,\"2\nz,3\n";
    assertThatThrownBy(() -> LedgerCsv.read(text))
        .isInstanceOfSatisfying(LedgerCsv.Unreadable.class, e -> assertThat(e.line()).isEqualTo(3))
        .hasMessageContaining("not CSV");
    assertThatThrownBy(() -> LedgerCsv.read("budget_line,amount\n\"x\"y,1\n"))
        .isInstanceOf(LedgerCsv.Unreadable.class);
  }

  @Test
  void blankAndMissingValuesAreEmpty() {
    assertThat(LedgerCsv.read("budget_line,amount\r\n x ,\r\ny\r\n"))
        .containsExactly(new LedgerCsv.Line(2, "x", ""), new LedgerCsv.Line(3, "y", ""));
    assertThat(LedgerCsv.read(null)).isEmpty();
  }
}
