// SPDX-License-Identifier: AGPL-3.0-or-later
package org.borough.system;

import java.nio.file.Path;
import java.util.Map;
import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * Points the embedded H2 database at {@code <data dir>/db/borough}, with an absolute path: H2
 * refuses relative paths not written as ./name, and BOROUGH_DATA_DIR may be given either way. Does
 * nothing when {@code SPRING_DATASOURCE_URL} is set (PostgreSQL in production).
 */
public class EmbeddedDatabaseLocation implements EnvironmentPostProcessor {

  /**
   * {@code MAX_COMPACT_TIME}: durable commits ({@link DurableCommits}) leave H2's file mostly empty
   * space (19 times its data in docs/benchmarks.md, "Soak"), and H2 compacts only when it closes,
   * for 200 ms by default. Thirty seconds lets a graceful stop or restart give most of it back (195
   * MB to 31 MB for 12 MB of rows); compacting while running is not safe beside commits. Public for
   * tests that make H2 databases of their own with Borough's settings.
   */
  public static final String H2_OPTIONS =
      ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;MAX_COMPACT_TIME=30000";

  @Override
  public void postProcessEnvironment(ConfigurableEnvironment env, SpringApplication app) {
    if (env.containsProperty("spring.datasource.url")) {
      return;
    }
    Path dir = Path.of(env.getProperty("borough.data-dir", "./data")).toAbsolutePath().normalize();
    String url = "jdbc:h2:file:" + dir.resolve("db").resolve("borough") + H2_OPTIONS;
    env.getPropertySources()
        .addLast(
            new MapPropertySource("boroughEmbeddedDatabase", Map.of("spring.datasource.url", url)));
  }
}
