// SPDX-License-Identifier: AGPL-3.0-or-later
package org.borough.warehouse;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** CSV cells as a spreadsheet opens them: text never runs as a formula. */
class ExportsTests {

  @ParameterizedTest
  @ValueSource(
      strings = {
        "=1+1",
        "+1",
        "-1",
        "@SUM(A1)",
        "\t=1+1",
        "\r=1+1",
        " =HYPERLINK(\"http://x\")",
        "   +1",
        "\u00a0=1+1",
        "\u0000=1+1",
        "\n-1",
        " \t @x"
      })
  void escapesTextThatASpreadsheetWouldRun(String text) {
    assertThat(Exports.csvCell(text)).as(text).isEqualTo("'" + text);
  }

  @Test
  void leavesOtherTextAndNumbersAlone() {
    assertThat(Exports.csvCell("Missed bin")).isEqualTo("Missed bin");
    assertThat(Exports.csvCell(" leading space")).isEqualTo(" leading space");
    assertThat(Exports.csvCell("a=b")).isEqualTo("a=b");
    assertThat(Exports.csvCell("a,b")).isEqualTo("a,b");
    assertThat(Exports.csvCell(new BigDecimal("-1.5"))).isEqualTo("-1.5");
    assertThat(Exports.csvCell(-3)).isEqualTo("-3");
    assertThat(Exports.csvCell("")).isEmpty();
    assertThat(Exports.csvCell(null)).isEmpty();
  }

  @Test
  void writesRfc4180LinesThatASpreadsheetReadsBack() throws IOException {
    Exports.Sheet sheet =
        new Exports.Sheet(
            "Query",
            List.<String[]>of(new String[] {"Query", "select 'a,b'\nfrom t"}),
            List.of("name", "count"),
            List.of(List.<Object>of("Smith, \"Jo\"", 3L), Arrays.asList(null, -1)),
            null);
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    Exports.csv(sheet, out);
    assertThat(out.toString(StandardCharsets.UTF_8))
        .isEqualTo(
            "Query,\"select 'a,b'\nfrom t\"\r\n\r\nname,count\r\n\"Smith, \"\"Jo\"\"\",3\r\n\"\",-1\r\n");
  }
}
