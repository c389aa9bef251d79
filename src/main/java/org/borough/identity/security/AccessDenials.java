// SPDX-License-Identifier: AGPL-3.0-or-later
package org.borough.identity.security;

import jakarta.servlet.http.HttpServletRequest;
import org.aopalliance.intercept.MethodInvocation;
import org.borough.audit.AuditAction;
import org.borough.audit.AuditLog;
import org.springframework.context.event.EventListener;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.authorization.event.AuthorizationDeniedEvent;
import org.springframework.security.core.Authentication;
import org.springframework.security.web.access.intercept.RequestAuthorizationContext;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Audits every refusal to someone signed in (a user or a token): who, what they asked for (the path
 * without its query, which can hold search text; or the service method), from where a sign-in would
 * record it. Anonymous refusals are not recorded: they are sent to sign in, and anyone on the
 * internet can make them. In a transaction of its own, as the refused work rolls back.
 */
@Component
class AccessDenials {

  static final int SUBJECT_MAX = 64;
  static final int DETAIL_MAX = 1000;

  private final AuditLog audit;

  AccessDenials(AuditLog audit) {
    this.audit = audit;
  }

  @EventListener
  @Transactional(propagation = Propagation.REQUIRES_NEW)
  public void on(AuthorizationDeniedEvent<?> denied) {
    Authentication who = denied.getAuthentication().get();
    if (who == null || !who.isAuthenticated() || who instanceof AnonymousAuthenticationToken) {
      return;
    }
    String what = what(denied.getObject());
    audit.recordAs(
        who.getName(),
        AuditAction.ACCESS_DENIED,
        "access",
        what.length() > SUBJECT_MAX ? what.substring(0, SUBJECT_MAX) : what,
        what.length() > DETAIL_MAX ? what.substring(0, DETAIL_MAX) : what);
  }

  private static String what(Object target) {
    if (target instanceof RequestAuthorizationContext context) {
      return request(context.getRequest());
    } else if (target instanceof HttpServletRequest request) {
      return request(request);
    } else if (target instanceof MethodInvocation m) {
      return m.getMethod().getDeclaringClass().getSimpleName() + "." + m.getMethod().getName();
    }
    return target == null ? "?" : target.getClass().getSimpleName();
  }

  private static String request(HttpServletRequest r) {
    return r.getMethod() + " " + r.getRequestURI();
  }
}
