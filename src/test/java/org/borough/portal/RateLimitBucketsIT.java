// SPDX-License-Identifier: AGPL-3.0-or-later
package org.borough.portal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.UUID;
import javax.sql.DataSource;
import org.borough.support.IntegrationTest;
import org.borough.support.TestDatabase;
import org.borough.system.Sha256;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The portal's rate limits across nodes: two {@link RateLimitBuckets} on one database stand for two
 * nodes. On PostgreSQL they share each bucket, so the limit holds for the cluster; on the embedded
 * H2 default (one node) each keeps its own in memory. The shared table holds no address.
 */
class RateLimitBucketsIT extends IntegrationTest {

  private static final Duration HOUR = Duration.ofHours(1);

  @Autowired DataSource dataSource;
  @Autowired JdbcClient jdbc;

  @Test
  void twoNodesOnPostgresqlAllowTheConfiguredRateNotTwiceIt() {
    RateLimitBuckets nodeA = new RateLimitBuckets(dataSource);
    RateLimitBuckets nodeB = new RateLimitBuckets(dataSource);
    String name = "test-" + UUID.randomUUID();
    String address = "198.51.100.77";
    RateLimits a = nodeA.limit(name, 3, HOUR);
    RateLimits b = nodeB.limit(name, 3, HOUR);

    assertThat(a.take(address)).isEmpty();
    assertThat(a.take(address)).isEmpty();
    assertThat(b.take(address)).isEmpty();
    boolean shared = TestDatabase.postgres();
    assertThat(nodeA.shared()).isEqualTo(shared);
    if (shared) {
      assertThat(b.take(address)).as("the fourth, on the other node").isPresent();
      assertThat(a.take(address).orElseThrow())
          .as("seconds until a request is allowed again: a third of the hour")
          .isBetween(1_100L, 1_200L);
      assertThat(a.take("198.51.100.78")).as("another address").isEmpty();
      assertThat(rows(name, address)).isEqualTo(1);
      assertThat(
              jdbc.sql("select count(*) from rate_limit_bucket where id like '%198.51%'")
                  .query(Long.class)
                  .single())
          .as("only hashes are stored")
          .isZero();
    } else {
      assertThat(b.take(address)).as("node B's own second").isEmpty();
      assertThat(a.take(address)).as("node A's own third").isEmpty();
      assertThat(a.take(address)).as("node A's own fourth").isPresent();
      assertThat(rows(name, address)).as("nothing stored on H2").isZero();
    }
  }

  @Test
  void bucketsThatWouldBeFullAgainAreClearedAndOthersKept() throws InterruptedException {
    RateLimitBuckets node = new RateLimitBuckets(dataSource);
    String name = "test-" + UUID.randomUUID();
    // Ten a tenth of a second: full again 10 ms after one is taken. Ten an hour: in six minutes.
    node.limit(name, 10, Duration.ofMillis(100)).take("brief");
    node.limit(name, 10, HOUR).take("long");

    long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
    node.clearExpired();
    while (rows(name, "brief") > 0 && System.nanoTime() < deadline) {
      Thread.sleep(20);
      node.clearExpired();
    }

    assertThat(rows(name, "brief")).as("full again, so cleared").isZero();
    assertThat(rows(name, "long")).isEqualTo(TestDatabase.postgres() ? 1 : 0);
  }

  private long rows(String name, String key) {
    return jdbc.sql("select count(*) from rate_limit_bucket where id = ?")
        .param(Sha256.hex(name + "\n" + key))
        .query(Long.class)
        .single();
  }
}
