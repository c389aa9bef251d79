// SPDX-License-Identifier: AGPL-3.0-or-later
package org.borough.identity.security;

import java.util.regex.Pattern;
import org.borough.audit.AuditAction;
import org.borough.audit.AuditLog;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.authentication.event.AbstractAuthenticationFailureEvent;
import org.springframework.security.authentication.event.AuthenticationSuccessEvent;
import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.client.authentication.OAuth2LoginAuthenticationToken;
import org.springframework.security.web.authentication.WebAuthenticationDetails;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Each sign-in, successful or not, goes into the audit log, and each password one into the {@link
 * SignInThrottle}. A failure is recorded the same whether the username exists or not.
 */
@Component
class SignInEvents {

  private static final Logger log = LoggerFactory.getLogger(SignInEvents.class);

  /** What a username can be (StaffService's rule); anything else is not recorded as typed. */
  private static final Pattern USERNAME = Pattern.compile("[a-z0-9][a-z0-9._-]{1,59}");

  static final String NOT_A_USERNAME = "(not a username)";

  private final SignInThrottle throttle;
  private final AuditLog audit;

  SignInEvents(SignInThrottle throttle, AuditLog audit) {
    this.throttle = throttle;
    this.audit = audit;
  }

  @EventListener
  @Transactional
  public void onFailure(AbstractAuthenticationFailureEvent event) {
    Authentication attempt = event.getAuthentication();
    if (attempt instanceof OAuth2LoginAuthenticationToken) {
      // The identity provider has checked the password and throttles it: nothing to slow down here.
      audit.recordAs(
          "anonymous",
          AuditAction.SIGN_IN_FAILED,
          "staff",
          NOT_A_USERNAME,
          "single sign-on refused: " + event.getException().getMessage());
      log.info("Single sign-on refused: {}", event.getException().getMessage());
      return;
    }
    String username = attempt.getName();
    throttle.failed(username, address(attempt));
    audit.recordAs(
        "anonymous", AuditAction.SIGN_IN_FAILED, "staff", recordable(username), "form sign-in");
    // A staff username as typed, not a resident's; anything that is not a username (a password
    // typed in the wrong box, a line break forging a log line) is not written out.
    log.info("Failed sign-in for {}", recordable(username));
  }

  @EventListener
  @Transactional
  public void onSuccess(AuthenticationSuccessEvent event) {
    String username = event.getAuthentication().getName();
    throttle.clear(username);
    audit.recordAs(
        username,
        AuditAction.SIGN_IN,
        "staff",
        username,
        event.getAuthentication() instanceof UsernamePasswordAuthenticationToken
            ? "form sign-in"
            : "single sign-on");
  }

  static String recordable(String username) {
    return username != null && USERNAME.matcher(username).matches() ? username : NOT_A_USERNAME;
  }

  private static String address(Authentication attempt) {
    return attempt.getDetails() instanceof WebAuthenticationDetails web
        ? web.getRemoteAddress()
        : null;
  }
}
