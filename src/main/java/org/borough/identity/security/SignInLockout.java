// SPDX-License-Identifier: AGPL-3.0-or-later
package org.borough.identity.security;

import java.time.Clock;
import org.borough.identity.IdentityProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.security.authentication.event.AuthenticationFailureBadCredentialsEvent;
import org.springframework.security.authentication.event.AuthenticationSuccessEvent;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** Locks an account for a while after repeated failed sign-ins, to slow password guessing. */
@Component
class SignInLockout {

  private static final Logger log = LoggerFactory.getLogger(SignInLockout.class);

  private final StaffRepository staff;
  private final IdentityProperties properties;
  private final Clock clock;

  SignInLockout(StaffRepository staff, IdentityProperties properties, Clock clock) {
    this.staff = staff;
    this.properties = properties;
    this.clock = clock;
  }

  @EventListener
  @Transactional
  public void onFailure(AuthenticationFailureBadCredentialsEvent event) {
    String username = event.getAuthentication().getName();
    staff.recordFailure(
        username, properties.lockoutAttempts(), clock.instant().plus(properties.lockoutDuration()));
    // The username is staff data, not a resident's: it is fine in the log and helps ops.
    log.info("Failed sign-in for {}", username);
  }

  @EventListener
  @Transactional
  public void onSuccess(AuthenticationSuccessEvent event) {
    staff.recordSuccess(event.getAuthentication().getName());
  }
}
