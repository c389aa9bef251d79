// SPDX-License-Identifier: AGPL-3.0-or-later
package org.borough.system;

import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.availability.AvailabilityChangeEvent;
import org.springframework.boot.availability.ReadinessState;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * On shutdown, says "not ready" and keeps serving for {@code borough.shutdown-drain} before the web
 * server's graceful shutdown stops taking connections. A load balancer checking readiness every
 * second needs a moment to notice; without it, a rolling restart sent a request to a node that had
 * just closed its port (one 502 in 1,880 requests through HAProxy).
 */
@Component
class ShutdownDrain implements SmartLifecycle {

  private static final Logger log = LoggerFactory.getLogger(ShutdownDrain.class);

  private final ApplicationEventPublisher events;
  private final Duration drain;
  private volatile boolean running;
  private volatile boolean stoppedBefore;

  ShutdownDrain(
      ApplicationEventPublisher events, @Value("${borough.shutdown-drain:5s}") Duration drain) {
    this.events = events;
    this.drain = drain;
  }

  @Override
  public void start() {
    if (stoppedBefore) {
      // Started again after a stop without a restart (the test framework pauses the contexts it
      // is not using, and resumes them): ready again. The first start leaves it to Spring Boot,
      // which says ready only once start-up work is done.
      AvailabilityChangeEvent.publish(events, this, ReadinessState.ACCEPTING_TRAFFIC);
    }
    running = true;
  }

  @Override
  public void stop() {
    running = false;
    stoppedBefore = true;
    AvailabilityChangeEvent.publish(events, this, ReadinessState.REFUSING_TRAFFIC);
    if (!drain.isZero()) {
      log.info(
          "Not ready any more; serving {} s more while load balancers notice", drain.toSeconds());
      try {
        Thread.sleep(drain.toMillis());
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
  }

  @Override
  public boolean isRunning() {
    return running;
  }

  /** Stops before everything else, the web server's graceful shutdown included. */
  @Override
  public int getPhase() {
    return Integer.MAX_VALUE;
  }
}
