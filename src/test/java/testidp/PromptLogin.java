// SPDX-License-Identifier: AGPL-3.0-or-later
package testidp;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * {@code prompt=login} as OpenID Connect Core 3.1.2.1 asks and Entra ID, Google, Keycloak and Okta
 * do it: the user signs in again even with a session here. Spring Authorization Server lets its
 * session stand; this makes the test provider behave like the real ones. Each authorization request
 * (its {@code state}) asks once, so the request replayed after the sign-in goes through.
 */
class PromptLogin extends OncePerRequestFilter {

  private static final String ASKED = PromptLogin.class.getName();

  @Override
  protected boolean shouldNotFilter(HttpServletRequest request) {
    String prompt = request.getParameter("prompt");
    return !request.getRequestURI().endsWith("/oauth2/authorize")
        || prompt == null
        || !prompt.contains("login");
  }

  @Override
  protected void doFilterInternal(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    HttpSession session = request.getSession();
    String state = request.getParameter("state");
    if (state != null && !state.equals(session.getAttribute(ASKED))) {
      session.setAttribute(ASKED, state);
      session.removeAttribute(HttpSessionSecurityContextRepository.SPRING_SECURITY_CONTEXT_KEY);
      SecurityContextHolder.clearContext();
    }
    chain.doFilter(request, response);
  }
}
