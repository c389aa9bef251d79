// SPDX-License-Identifier: AGPL-3.0-or-later
package org.borough.system.logging;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class LogTextTests {

  @Test
  void writesControlCharactersAsEscapesSoInputCannotStartALine() {
    assertThat(LogText.encode("nobody\n2026-01-01 INFO forged\r\n"))
        .isEqualTo("nobody\\n2026-01-01 INFO forged\\r\\n");
    assertThat(LogText.encode("\u001b[2Jcleared\ttab\u0000"))
        .isEqualTo("\\u001b[2Jcleared\\ttab\\u0000");
    assertThat(LogText.encode("a\u2028b\u2029c\u0085d")).isEqualTo("a\\u2028b\\u2029c\\u0085d");
  }

  @Test
  void leavesOrdinaryTextAlone() {
    String text = "Failed sign-in for jo.bloggs — Zoë, 🚮 C:\\path";
    assertThat(LogText.encode(text)).isSameAs(text);
    assertThat(LogText.encode(null)).isNull();
  }
}
