// SPDX-License-Identifier: AGPL-3.0-or-later
package org.borough.identity.security;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import org.springframework.http.HttpMethod;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.InsufficientAuthenticationException;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.core.authority.FactorGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.authentication.AbstractAuthenticationProcessingFilter;
import org.springframework.security.web.authentication.AuthenticationSuccessHandler;
import org.springframework.security.web.authentication.logout.SecurityContextLogoutHandler;
import org.springframework.security.web.authentication.session.ChangeSessionIdAuthenticationStrategy;
import org.springframework.security.web.context.DelegatingSecurityContextRepository;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.security.web.context.RequestAttributeSecurityContextRepository;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;

/**
 * The second step of a password sign-in: {@code POST /sign-in/code} with a code from the user's
 * authenticator app or a recovery code. Spring Security's multi-factor support adds the code's
 * factor to the session's authentication (the password's factor and the roles stay), and the
 * session id changes, as at any sign-in. Wrong codes count against the account like wrong passwords
 * ({@link SignInThrottle}); after {@link #MAX_WRONG} in one session it ends, so guessing goes back
 * through the password and its waits.
 */
class SecondFactorSignIn extends AbstractAuthenticationProcessingFilter {

  static final String PAGE = "/sign-in/code";
  static final int MAX_WRONG = 5;
  private static final String WRONG = SecondFactorSignIn.class.getName() + ".wrong";

  /** Who is giving the code: Spring Security clears the context before a failure is handled. */
  private static final String USER = SecondFactorSignIn.class.getName() + ".user";

  private final SecondFactors factors;
  private final SignInThrottle throttle;
  private final SecondFactorOutcomes outcomes;

  SecondFactorSignIn(
      SecondFactors factors,
      SignInThrottle throttle,
      SecondFactorOutcomes outcomes,
      Clock clock,
      AuthenticationSuccessHandler success) {
    super(PathPatternRequestMatcher.withDefaults().matcher(HttpMethod.POST, PAGE));
    this.factors = factors;
    this.throttle = throttle;
    this.outcomes = outcomes;
    setAuthenticationManager(new ProviderManager(new CodeCheck(factors, clock)));
    setMfaEnabled(true);
    setSessionAuthenticationStrategy(new ChangeSessionIdAuthenticationStrategy());
    setSecurityContextRepository(
        new DelegatingSecurityContextRepository(
            new RequestAttributeSecurityContextRepository(),
            new HttpSessionSecurityContextRepository()));
    setAuthenticationSuccessHandler(
        (request, response, authentication) -> {
          outcomes.given(authentication.getName(), "code");
          HttpSession session = request.getSession(false);
          if (session != null) {
            session.removeAttribute(WRONG);
          }
          success.onAuthenticationSuccess(request, response, authentication);
        });
    setAuthenticationFailureHandler(this::refused);
  }

  @Override
  public Authentication attemptAuthentication(
      HttpServletRequest request, HttpServletResponse response) {
    Authentication current = SecurityContextHolder.getContext().getAuthentication();
    if (!(current instanceof UsernamePasswordAuthenticationToken) || !current.isAuthenticated()) {
      throw new InsufficientAuthenticationException("Sign in with your password first");
    }
    request.setAttribute(USER, current);
    Duration wait = throttle.waitFor(current.getName(), request.getRemoteAddr());
    if (!wait.isZero() && !wait.isNegative()) {
      throw new Throttled(wait);
    }
    return getAuthenticationManager().authenticate(new Code(current, request.getParameter("code")));
  }

  private void refused(
      HttpServletRequest request, HttpServletResponse response, AuthenticationException e)
      throws IOException {
    String base = request.getContextPath();
    if (e instanceof InsufficientAuthenticationException) {
      response.sendRedirect(base + "/sign-in");
      return;
    }
    if (e instanceof Throttled throttled) {
      long seconds = Math.max(1, (throttled.wait.toMillis() + 999) / 1000);
      response.sendRedirect(base + PAGE + "?wait=" + seconds);
      return;
    }
    Authentication current = (Authentication) request.getAttribute(USER);
    String username = current.getName();
    outcomes.refused(username, request.getRemoteAddr(), "code");
    HttpSession session = request.getSession();
    int wrong = session.getAttribute(WRONG) instanceof Integer n ? n + 1 : 1;
    if (wrong >= MAX_WRONG) {
      new SecurityContextLogoutHandler().logout(request, response, current);
      response.sendRedirect(base + "/sign-in?codes");
      return;
    }
    session.setAttribute(WRONG, wrong);
    response.sendRedirect(base + PAGE + "?error");
  }

  /** A code typed for the signed-in (password-only) user; authenticated by {@link CodeCheck}. */
  static final class Code extends UsernamePasswordAuthenticationToken {
    Code(Authentication user, String code) {
      super(user.getPrincipal(), code);
    }
  }

  private static final class Throttled extends AuthenticationException {
    private final transient Duration wait;

    Throttled(Duration wait) {
      super("Too many wrong codes");
      this.wait = wait;
    }
  }

  /** Checks the code and, when right, answers with the factor it proves. */
  private record CodeCheck(SecondFactors factors, Clock clock)
      implements org.springframework.security.authentication.AuthenticationProvider {

    @Override
    public Authentication authenticate(Authentication attempt) {
      String factor =
          factors
              .check(attempt.getName(), (String) attempt.getCredentials())
              .orElseThrow(() -> new BadCredentialsException("Wrong code"));
      // Only the factor: Spring Security's multi-factor merge adds the password session's roles,
      // permissions and password factor, as it is the same user.
      return UsernamePasswordAuthenticationToken.authenticated(
          attempt.getPrincipal(),
          null,
          java.util.List.of(
              FactorGrantedAuthority.withAuthority(factor).issuedAt(clock.instant()).build()));
    }

    @Override
    public boolean supports(Class<?> type) {
      return Code.class.isAssignableFrom(type);
    }
  }
}
