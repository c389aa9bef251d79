// SPDX-License-Identifier: AGPL-3.0-or-later
package org.borough.bench;

import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.borough.support.TestDatabase;

/**
 * Borough's packaged jar started for a soak run: a data directory and a database of its own (an H2
 * file under the data directory, or a new PostgreSQL database), a demo borough of a chosen size, an
 * admin API token for the probes and an Open311 key for the reports. The outbox keeps rows its
 * readers have passed for {@code outboxRetention} (seven days in production) and is pruned twice as
 * often, so that a run of minutes sees the steady state a council sees over weeks.
 */
final class SoakServer implements AutoCloseable {

  static final String ADMIN_TOKEN = "brg_soak_admin_token_0123456789abcdef";
  static final String OPEN311_KEY = "o311_soak_default_key_0123456789abcdef";
  static final Duration START = Duration.ofMinutes(6);

  private final BoroughProcess process;

  SoakServer(Path dataDir, boolean postgres, int residents, int cases, Duration outboxRetention)
      throws Exception {
    Map<String, String> env = new HashMap<>();
    env.put("BOROUGH_DATA_DIR", dataDir.toString());
    env.put("BOROUGH_ADMIN_PASSWORD", "soak-test-admin-password");
    env.put("BOROUGH_ADMIN_API_TOKEN", ADMIN_TOKEN);
    env.put("BOROUGH_OPEN311_API_KEY", OPEN311_KEY);
    env.put("BOROUGH_DEMO_RESIDENTS", Integer.toString(residents));
    env.put("BOROUGH_DEMO_CASES", Integer.toString(cases));
    env.put("BOROUGH_DEMO_YEARS", "1");
    env.put("BOROUGH_OUTBOX_RETENTION", outboxRetention.toSeconds() + "s");
    env.put("BOROUGH_OUTBOX_PRUNE_INTERVAL", Math.max(1, outboxRetention.toSeconds() / 2) + "s");
    // No mail server: notifications are written to the log, as on a council's first install.
    // A connection held for a minute is logged with the stack that borrowed it: the first full
    // soak ended with every pooled connection lent out and no thread using one.
    env.put("SPRING_DATASOURCE_HIKARI_LEAK_DETECTION_THRESHOLD", "60000");
    if (postgres) {
      env.put("SPRING_DATASOURCE_URL", TestDatabase.createPostgres());
      env.put("SPRING_DATASOURCE_USERNAME", TestDatabase.USER);
      env.put("SPRING_DATASOURCE_PASSWORD", TestDatabase.PASSWORD);
    }
    Path log = dataDir.resolveSibling(dataDir.getFileName() + ".log");
    process = new BoroughProcess(BoroughProcess.packagedJar(), env, log);
    // The heap a council would start with on a small server, and the full JIT: a soak is long.
    process.jvmOptions("-Xmx512m");
  }

  BoroughProcess start() throws Exception {
    process.start(START);
    return process;
  }

  @Override
  public void close() throws InterruptedException {
    process.stop();
  }
}
