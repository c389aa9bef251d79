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
class EmbeddedDatabaseLocation implements EnvironmentPostProcessor {

  static final String H2_OPTIONS =
      ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH";

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
