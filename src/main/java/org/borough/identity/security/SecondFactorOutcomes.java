// SPDX-License-Identifier: AGPL-3.0-or-later
package org.borough.identity.security;

import org.borough.audit.AuditAction;
import org.borough.audit.AuditLog;
import org.springframework.stereotype.Component;

/**
 * What follows a second factor, whichever it was (a code or a passkey): given, the account's failed
 * sign-ins are forgotten; refused, it counts against the account and the address like a wrong
 * password ({@link SignInThrottle}). Both go into the audit log.
 */
@Component
class SecondFactorOutcomes {

  private final SignInThrottle throttle;
  private final AuditLog audit;

  SecondFactorOutcomes(SignInThrottle throttle, AuditLog audit) {
    this.throttle = throttle;
    this.audit = audit;
  }

  void given(String username, String how) {
    throttle.clear(username);
    audit.recordAs(username, AuditAction.SIGN_IN, "staff", username, "second factor: " + how);
  }

  void refused(String username, String address, String how) {
    throttle.failed(username, address);
    audit.recordAs(
        username, AuditAction.SIGN_IN_FAILED, "staff", username, "second factor: " + how);
  }
}
