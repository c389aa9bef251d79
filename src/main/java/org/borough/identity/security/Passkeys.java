// SPDX-License-Identifier: AGPL-3.0-or-later
package org.borough.identity.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.jdbc.core.JdbcOperations;
import org.springframework.security.config.ObjectPostProcessor;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.FactorGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.authentication.HttpMessageConverterAuthenticationSuccessHandler;
import org.springframework.security.web.authentication.UsernamePasswordAuthenticationFilter;
import org.springframework.security.web.authentication.session.ChangeSessionIdAuthenticationStrategy;
import org.springframework.security.web.authentication.ui.DefaultResourcesFilter;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.OrRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;
import org.springframework.security.web.webauthn.authentication.WebAuthnAuthenticationFilter;
import org.springframework.security.web.webauthn.management.JdbcPublicKeyCredentialUserEntityRepository;
import org.springframework.security.web.webauthn.management.JdbcUserCredentialRepository;
import org.springframework.security.web.webauthn.management.PublicKeyCredentialUserEntityRepository;
import org.springframework.security.web.webauthn.management.UserCredentialRepository;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Passkeys (WebAuthn) through Spring Security's own support, as a second factor: after the
 * password, a passkey instead of the app's code. Registered passkeys live in the database (Spring
 * Security's JDBC repositories), so every node knows them. A passkey alone does not sign anyone in:
 * Borough's rule is a password and then a second factor, and a passkey that only proves possession
 * (no PIN or fingerprint) must not stand for both.
 */
@Configuration(proxyBeanMethods = false)
class Passkeys {

  @Bean
  PublicKeyCredentialUserEntityRepository passkeyUsers(JdbcOperations jdbc) {
    return new JdbcPublicKeyCredentialUserEntityRepository(jdbc);
  }

  @Bean
  UserCredentialRepository passkeyCredentials(JdbcOperations jdbc) {
    return new JdbcUserCredentialRepository(jdbc);
  }

  /** Spring Security's passkey endpoints, bound to the console's address. */
  static void configure(
      HttpSecurity http, PasskeyProperties passkeys, SecondFactorOutcomes outcomes)
      throws Exception {
    http.webAuthn(
            w ->
                w.rpName("Borough")
                    .rpId(passkeys.rpId())
                    .allowedOrigins(passkeys.browserOrigin())
                    // Borough's own page lists and adds passkeys (/webauthn/register).
                    .disableDefaultRegistrationPage(true)
                    .creationOptionsRepository(new SessionCreationOptions())
                    .withObjectPostProcessor(secondFactor(outcomes)))
        .addFilterAfter(new PasswordFirst(), UsernamePasswordAuthenticationFilter.class)
        // Spring Security serves its passkey script only with its own pages, which Borough does
        // not use: /login/webauthn.js is served here instead.
        .addFilter(DefaultResourcesFilter.webauthn());
  }

  /**
   * The passkey's factor joins the password session's (Spring Security's multi-factor merge), the
   * session id changes as at any sign-in, and the outcome is audited and counted like a code's.
   */
  private static ObjectPostProcessor<WebAuthnAuthenticationFilter> secondFactor(
      SecondFactorOutcomes outcomes) {
    return new ObjectPostProcessor<>() {
      @Override
      public <O extends WebAuthnAuthenticationFilter> O postProcess(O filter) {
        filter.setMfaEnabled(true);
        filter.setSessionAuthenticationStrategy(new ChangeSessionIdAuthenticationStrategy());
        var json = new HttpMessageConverterAuthenticationSuccessHandler();
        filter.setAuthenticationSuccessHandler(
            (request, response, authentication) -> {
              outcomes.given(authentication.getName(), "passkey");
              json.onAuthenticationSuccess(request, response, authentication);
            });
        filter.setAuthenticationFailureHandler(
            (request, response, e) -> {
              Authentication user = (Authentication) request.getAttribute(PasswordFirst.USER);
              outcomes.refused(user.getName(), request.getRemoteAddr(), "passkey");
              response.sendError(HttpServletResponse.SC_UNAUTHORIZED);
            });
        return filter;
      }
    };
  }

  /**
   * Lets a passkey be tried (and its challenge be asked for), added or removed only by a session
   * signed in with its password; anyone else (an API token too) gets 401 and no challenge.
   */
  static final class PasswordFirst extends OncePerRequestFilter {

    static final String USER = PasswordFirst.class.getName();

    private static final RequestMatcher PASSKEY =
        new OrRequestMatcher(
            PathPatternRequestMatcher.withDefaults().matcher(HttpMethod.POST, "/login/webauthn"),
            PathPatternRequestMatcher.withDefaults()
                .matcher(HttpMethod.POST, "/webauthn/authenticate/options"),
            // Adding and removing passkeys: from a console session, never with an API token.
            PathPatternRequestMatcher.withDefaults()
                .matcher(HttpMethod.POST, "/webauthn/register/options"),
            PathPatternRequestMatcher.withDefaults().matcher(HttpMethod.POST, "/webauthn/register"),
            PathPatternRequestMatcher.withDefaults()
                .matcher(HttpMethod.DELETE, "/webauthn/register/*"));

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
      return !PASSKEY.matches(request);
    }

    @Override
    protected void doFilterInternal(
        HttpServletRequest request, HttpServletResponse response, FilterChain chain)
        throws ServletException, IOException {
      Authentication current = SecurityContextHolder.getContext().getAuthentication();
      boolean password =
          current != null
              && current.getAuthorities().stream()
                  .anyMatch(
                      a -> FactorGrantedAuthority.PASSWORD_AUTHORITY.equals(a.getAuthority()));
      if (!password) {
        response.sendError(HttpServletResponse.SC_UNAUTHORIZED);
        return;
      }
      request.setAttribute(USER, current);
      chain.doFilter(request, response);
    }
  }
}
