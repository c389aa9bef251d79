// SPDX-License-Identifier: AGPL-3.0-or-later
package org.borough.warehouse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WarehouseDatabaseTests {

  @TempDir Path dir;

  @Test
  void theConfiguredMemoryLimitIsDuckDbs() {
    try (WarehouseDatabase db = new WarehouseDatabase(dir.resolve("w.duckdb"), "512MB")) {
      String limit =
          db.read(
              c -> {
                try (Statement s = c.createStatement();
                    ResultSet rs = s.executeQuery("select current_setting('memory_limit')")) {
                  rs.next();
                  return rs.getString(1);
                }
              });
      // DuckDB reports 512 MB (10^6 bytes) in MiB.
      assertThat(limit).isEqualTo("488.2 MiB");
    }
  }

  @Test
  void aMemoryLimitThatIsNotASizeIsRefusedAtStart() {
    assertThatThrownBy(() -> properties("all of it"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("memory-limit must be a size such as 4GB");
    assertThatThrownBy(() -> properties("1GB'; attach 'x"))
        .isInstanceOf(IllegalArgumentException.class);
    assertThat(properties("4GB").memoryLimit()).isEqualTo("4GB");
    assertThat(properties(null).memoryLimit()).isNull();
  }

  private static WarehouseProperties properties(String memoryLimit) {
    return new WarehouseProperties(
        true,
        java.time.Duration.ofSeconds(2),
        5000,
        java.time.Duration.ofMinutes(2),
        java.time.Duration.ofSeconds(30),
        null,
        null,
        true,
        UnitCosts.socitm(),
        List.of("CRM"),
        memoryLimit);
  }
}
