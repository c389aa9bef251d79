// SPDX-License-Identifier: AGPL-3.0-or-later
package org.borough.identity.security;

import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.borough.identity.StaffAdministration;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.web.authentication.SavedRequestAwareAuthenticationSuccessHandler;

/**
 * After sign-in, goes where the user was going (or home), unless their password was chosen by
 * someone else (then to change it, and nowhere else until they have: {@link PasswordChangeFirst}),
 * or an administrator has issued an API token for them since they last looked (then to their tokens
 * page, which tells them so).
 */
class TokenNoticeFirst extends SavedRequestAwareAuthenticationSuccessHandler {

  private final StaffAdministration administration;

  TokenNoticeFirst(StaffAdministration administration) {
    this.administration = administration;
    setDefaultTargetUrl("/");
  }

  @Override
  public void onAuthenticationSuccess(
      HttpServletRequest request, HttpServletResponse response, Authentication authentication)
      throws ServletException, IOException {
    // A password sign-in only: through the identity provider, Borough's password is not in play.
    if (authentication instanceof UsernamePasswordAuthenticationToken
        && administration.mustChangePassword(authentication.getName())) {
      clearAuthenticationAttributes(request);
      request.getSession().setAttribute(PasswordChangeFirst.ATTRIBUTE, Boolean.TRUE);
      getRedirectStrategy().sendRedirect(request, response, PasswordChangeFirst.PAGE + "?required");
      return;
    }
    if (administration.hasTokenNotices(authentication.getName())) {
      clearAuthenticationAttributes(request);
      getRedirectStrategy().sendRedirect(request, response, "/account/tokens");
      return;
    }
    super.onAuthenticationSuccess(request, response, authentication);
  }
}
