// SPDX-License-Identifier: AGPL-3.0-or-later
package org.borough.system.web;

import java.time.Clock;
import java.util.concurrent.TimeUnit;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Forgets idempotency keys after {@link IdempotentPosts#KEY_LIFETIME}: long enough for any client's
 * retries. Its own bean, because the lock's proxy cannot wrap a servlet filter.
 */
@Component
class IdempotencyKeyExpiry {

  private final IdempotentRequests requests;
  private final Clock clock;

  IdempotencyKeyExpiry(IdempotentRequests requests, Clock clock) {
    this.requests = requests;
    this.clock = clock;
  }

  @Scheduled(fixedDelay = 1, initialDelay = 1, timeUnit = TimeUnit.HOURS)
  @SchedulerLock(name = "idempotency-keys-expiry")
  void forgetOldKeys() {
    requests.forgetBefore(clock.instant().minus(IdempotentPosts.KEY_LIFETIME));
  }
}
