// SPDX-License-Identifier: AGPL-3.0-or-later
package org.borough.portal;

import io.github.bucket4j.distributed.ExpirationAfterWriteStrategy;
import io.github.bucket4j.distributed.jdbc.PrimaryKeyMapper;
import io.github.bucket4j.postgresql.Bucket4jPostgreSQL;
import io.github.bucket4j.postgresql.PostgreSQLSelectForUpdateBasedProxyManager;
import java.time.Duration;
import javax.sql.DataSource;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.borough.system.DatabaseProducts;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Where the portal's rate limits keep their buckets. On PostgreSQL, the database every node shares
 * (Bucket4j's store, table {@code rate_limit_bucket}), so that two nodes behind a load balancer
 * allow ten sign-in links an hour from an address, not twenty. On the embedded H2 default, which is
 * one node, each limit's memory. Buckets that would be full again are deleted every ten minutes, on
 * one node at a time.
 */
@Component
class RateLimitBuckets {

  /** Rows deleted per statement when clearing expired buckets. */
  private static final int CLEAR_BATCH = 1000;

  private final PostgreSQLSelectForUpdateBasedProxyManager<String> shared;

  RateLimitBuckets(DataSource dataSource) {
    this.shared =
        DatabaseProducts.isPostgres(dataSource)
            ? Bucket4jPostgreSQL.selectForUpdateBasedBuilder(dataSource)
                .primaryKeyMapper(PrimaryKeyMapper.STRING)
                .table("rate_limit_bucket")
                .idColumn("id")
                .stateColumn("state")
                .expiresAtColumn("expires_at")
                .expirationAfterWrite(
                    ExpirationAfterWriteStrategy.basedOnTimeForRefillingBucketUpToMax(
                        Duration.ZERO))
                .build()
            : null;
  }

  /** A limit of {@code requests} per {@code period}; {@code name} keeps it apart from others. */
  RateLimits limit(String name, int requests, Duration period) {
    return new RateLimits(name, requests, period, shared);
  }

  /** Whether the buckets are shared by every node (PostgreSQL). */
  boolean shared() {
    return shared != null;
  }

  @Scheduled(fixedDelay = 10, initialDelay = 10, timeUnit = java.util.concurrent.TimeUnit.MINUTES)
  @SchedulerLock(name = "rate-limit-buckets-clear")
  void clearExpired() {
    if (shared != null) {
      while (shared.removeExpired(CLEAR_BATCH) == CLEAR_BATCH) {
        // another batch
      }
    }
  }
}
