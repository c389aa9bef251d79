// SPDX-License-Identifier: AGPL-3.0-or-later
package org.borough.identity.security;

import java.time.Clock;
import java.time.Duration;
import java.util.function.Function;
import org.borough.identity.IdentityProperties;
import org.borough.identity.Permission;
import org.borough.identity.StaffAdministration;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.security.authorization.AuthenticatedAuthorizationManager;
import org.springframework.security.authorization.AuthorityAuthorizationManager;
import org.springframework.security.authorization.AuthorizationEventPublisher;
import org.springframework.security.authorization.AuthorizationManager;
import org.springframework.security.authorization.AuthorizationManagerFactories;
import org.springframework.security.authorization.AuthorizationManagerFactory;
import org.springframework.security.authorization.SpringAuthorizationEventPublisher;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.observation.SecurityObservationSettings;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.core.authority.FactorGrantedAuthority;
import org.springframework.security.core.session.SessionRegistry;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.oauth2.client.authentication.OAuth2AuthenticationToken;
import org.springframework.security.oauth2.client.oidc.web.logout.OidcClientInitiatedLogoutSuccessHandler;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.AccessDeniedHandlerImpl;
import org.springframework.security.web.access.intercept.AuthorizationFilter;
import org.springframework.security.web.access.intercept.RequestAuthorizationContext;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.web.authentication.SimpleUrlAuthenticationFailureHandler;
import org.springframework.security.web.authentication.UsernamePasswordAuthenticationFilter;
import org.springframework.security.web.authentication.logout.LogoutSuccessHandler;
import org.springframework.security.web.authentication.logout.SimpleUrlLogoutSuccessHandler;
import org.springframework.security.web.context.SecurityContextHolderFilter;
import org.springframework.security.web.csrf.CsrfException;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.session.SessionManagementFilter;
import org.springframework.security.web.util.matcher.AnyRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;
import org.springframework.session.FindByIndexNameSessionRepository;
import org.springframework.session.Session;
import org.springframework.session.security.SpringSessionBackedSessionRegistry;

/**
 * One filter chain for the console and the API. Pages sign in with a form and a session (CSRF on);
 * API clients may instead send a bearer token (CSRF is not needed for those: a browser never adds
 * that header by itself). Every response has a strict CSP and {@code Cache-Control: no-store}.
 */
@Configuration(proxyBeanMethods = false)
@EnableMethodSecurity
class SecurityConfiguration {

  static final String CSP =
      "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:;"
          + " font-src 'self'; connect-src 'self'; object-src 'none'; base-uri 'self';"
          + " form-action 'self'; frame-ancestors 'none'";

  /** A browser never posts an api_key by itself, so Open311 needs no CSRF token. */
  static final RequestMatcher OPEN311 =
      PathPatternRequestMatcher.withDefaults().matcher("/open311/**");

  /**
   * Calls from other services (GOV.UK Notify's delivery receipts): each carries a token of its own
   * that the receiving module checks; a browser never sends one by itself, so no CSRF token.
   */
  static final RequestMatcher CALLBACKS =
      PathPatternRequestMatcher.withDefaults().matcher("/callbacks/**");

  /** The console's pages that ask for the password again ({@code BOROUGH_STEP_UP}). */
  static final String[] STEP_UP_PAGES = {
    "/residents/*/erasure",
    "/residents/*/legal-holds",
    "/residents/*/legal-holds/**",
    "/privacy/retention/run"
  };

  /**
   * Requests that, from a console session, want a sign-in within {@code BOROUGH_STEP_UP}: issuing
   * API tokens, creating staff or changing their roles, state, password or authenticator app,
   * setting up one's own app, recovery codes or passkeys, a resident's subject access pack, and the
   * warehouse's SQL page (free queries over everything the warehouse holds).
   */
  static final RequestMatcher[] RECENT_SIGN_IN = {
    matcher(HttpMethod.POST, "/account/tokens"),
    matcher(HttpMethod.POST, "/admin/tokens"),
    matcher(HttpMethod.POST, "/admin/staff"),
    matcher(HttpMethod.POST, "/admin/staff/*"),
    matcher(HttpMethod.POST, "/admin/staff/*/password"),
    matcher(HttpMethod.POST, "/admin/staff/*/authenticator"),
    matcher(HttpMethod.POST, "/account/authenticator"),
    matcher(HttpMethod.POST, "/account/authenticator/recovery-codes"),
    matcher(HttpMethod.GET, "/webauthn/register"),
    matcher(HttpMethod.POST, "/webauthn/register/options"),
    matcher(HttpMethod.GET, "/warehouse/sql"),
    matcher(HttpMethod.POST, "/warehouse/sql"),
    matcher(HttpMethod.POST, "/warehouse/sql.csv"),
    matcher(HttpMethod.POST, "/warehouse/sql.xlsx"),
    matcher(HttpMethod.PUT, "/api/v1/staff/*"),
    matcher(HttpMethod.PUT, "/api/v1/staff/*/password"),
    matcher(HttpMethod.GET, "/residents/*/subject-access/pack"),
    matcher(HttpMethod.GET, "/api/v1/residents/*/subject-access")
  };

  private static RequestMatcher matcher(HttpMethod method, String pattern) {
    return PathPatternRequestMatcher.withDefaults().matcher(method, pattern);
  }

  /**
   * Spring Security publishes its authorization decisions as events only when asked: the refusals
   * reach {@link AccessDenials}, which audits them.
   */
  @Bean
  AuthorizationEventPublisher authorizationEventPublisher(ApplicationEventPublisher events) {
    return new SpringAuthorizationEventPublisher(events);
  }

  @Bean
  PasswordEncoder passwordEncoder() {
    // BCrypt today, with the {id} prefix so hashes can move to Argon2 without a reset.
    return PasswordEncoderFactories.createDelegatingPasswordEncoder();
  }

  /**
   * No Spring Security observations. They wrap each of the chain's filters, the authorization and
   * the authentication of every request in an observation of its own (a timer, tags and events):
   * spans for a tracing system Borough does not have, and about a tenth of the CPU a case raised
   * through the API took (docs/benchmarks.md, issue 12). Requests are still timed, once each, as
   * {@code http.server.requests}.
   */
  @Bean
  SecurityObservationSettings securityObservationSettings() {
    return SecurityObservationSettings.noObservations();
  }

  /**
   * Console sessions by user, so an admin can end them (see {@link ConsoleSessions}), read from the
   * sessions table: a session signed in on another node is found and ended too.
   */
  @Bean
  <S extends Session> SessionRegistry sessionRegistry(FindByIndexNameSessionRepository<S> stored) {
    return new SpringSessionBackedSessionRegistry<>(stored);
  }

  @Bean
  SecurityFilterChain securityFilterChain(
      HttpSecurity http,
      ApiTokens tokens,
      StaffUserDetailsService users,
      SessionRegistry sessions,
      SignInThrottle throttle,
      StaffAdministration administration,
      IdentityProperties identity,
      ObjectProvider<DiscoveredRegistration> singleSignOn,
      ObjectProvider<StaffOidcUserService> providerUsers,
      SecondFactors secondFactors,
      PasskeyProperties passkeys,
      SecondFactorOutcomes secondFactorOutcomes,
      Clock clock)
      throws Exception {
    RequestMatcher api = PathPatternRequestMatcher.withDefaults().matcher("/api/**");
    // One answer for every refusal: a deactivated account looks like a wrong password.
    var failure = new SimpleUrlAuthenticationFailureHandler("/sign-in?error");
    var success = new TokenNoticeFirst(administration);
    var recentSignIn =
        recentSignIn(identity.stepUp(), f -> f.hasAuthority(Permission.ERASURE.name()));
    var recentlySignedIn =
        recentUnlessBearer(recentSignIn(identity.stepUp(), f -> f.authenticated()));

    // The token is checked after session management has looked at the request: a bearer request
    // is stateless. Checked before it, the token's user looked to session management like a user
    // who had just signed in, so every API call started (or, with the cookie sent back, read and
    // rewrote) a session in the database, and a request with only that session's cookie went on
    // being let in after the token was revoked.
    http.addFilterAfter(new ApiTokenFilter(tokens, users::loadStaff), SessionManagementFilter.class)
        .addFilterBefore(
            new SignInThrottleFilter(throttle), UsernamePasswordAuthenticationFilter.class)
        .addFilterAfter(
            new SecondFactorSignIn(secondFactors, throttle, secondFactorOutcomes, clock, success),
            UsernamePasswordAuthenticationFilter.class)
        // Before the request is authorized: a session that owes its second factor reaches nothing.
        .addFilterBefore(new SecondFactorFirst(secondFactors), AuthorizationFilter.class)
        .addFilterAfter(new PasswordChangeFirst(), AuthorizationFilter.class)
        .addFilterBefore(
            new SessionLifetime(identity.sessionAbsoluteTimeout(), clock),
            SecurityContextHolderFilter.class)
        .authorizeHttpRequests(
            a ->
                a.requestMatchers(
                        "/assets/**",
                        "/css/**",
                        "/js/**",
                        "/webjars/**",
                        "/favicon.ico",
                        "/sign-in",
                        "/error",
                        "/actuator/health",
                        "/actuator/health/**",
                        "/v3/api-docs",
                        "/v3/api-docs/**",
                        "/swagger-ui.html",
                        "/swagger-ui/**")
                    .permitAll()
                    // The decisions register (SI 2012/2089 reg 13) and the forward plan (reg 9)
                    // are public: pages, feeds, API.
                    .requestMatchers(
                        HttpMethod.GET,
                        "/decisions",
                        "/decisions/**",
                        "/decisions.atom",
                        "/api/v1/decisions",
                        "/api/v1/decisions/*",
                        "/forward-plan",
                        "/forward-plan/*",
                        "/forward-plan.atom",
                        "/api/v1/forward-plan",
                        "/api/v1/forward-plan/*")
                    .permitAll()
                    // The resident portal: no staff sign-in, but CSRF stays on for its forms.
                    .requestMatchers("/portal", "/portal/**")
                    .permitAll()
                    // Open311 is a machine API for apps: reads are public, and writes carry an
                    // api_key the Open311 module checks itself, answering in Open311's format.
                    .requestMatchers("/open311/**")
                    .permitAll()
                    .requestMatchers(CALLBACKS)
                    .permitAll()
                    .requestMatchers("/actuator/**")
                    .hasAuthority(Permission.STAFF_ADMIN.name())
                    .requestMatchers(STEP_UP_PAGES)
                    .access(recentSignIn)
                    // Issuing tokens, changing who may do what, and taking a resident's whole
                    // record away want a recent sign-in too; what each needs besides is checked
                    // where it is done, as for any request.
                    .requestMatchers(RECENT_SIGN_IN)
                    .access(recentlySignedIn)
                    // Over the API: a bearer token scoped to ERASURE (ApiTokenFilter), or a
                    // console session whose password is recent, as on the pages.
                    .requestMatchers(HttpMethod.POST, "/api/v1/residents/*/erasure")
                    .access(
                        (auth, context) ->
                            ApiTokenFilter.hasBearer(context.getRequest())
                                ? AuthorityAuthorizationManager
                                    .<RequestAuthorizationContext>hasAuthority(
                                        Permission.ERASURE.name())
                                    .authorize(auth, context)
                                : recentSignIn.authorize(auth, context))
                    .anyRequest()
                    .authenticated())
        .formLogin(
            f ->
                f.loginPage("/sign-in").successHandler(success).failureHandler(failure).permitAll())
        .logout(l -> l.logoutUrl("/sign-out").logoutSuccessHandler(signedOut(singleSignOn)))
        // At most BOROUGH_MAX_SESSIONS each (ASVS V7.1.2): one more sign-in ends the session used
        // least recently, rather than refusing it, so a lost laptop cannot lock its owner out.
        // Registered in the sessions table, so the limit and "sign out elsewhere" span nodes.
        .sessionManagement(
            s ->
                s.maximumSessions(identity.maxSessions() > 0 ? identity.maxSessions() : -1)
                    .sessionRegistry(sessions)
                    .expiredUrl("/sign-in?ended"))
        .csrf(
            c ->
                c.ignoringRequestMatchers(ApiTokenFilter::hasBearer)
                    .ignoringRequestMatchers(OPEN311)
                    .ignoringRequestMatchers(CALLBACKS))
        .exceptionHandling(
            e ->
                e.defaultAuthenticationEntryPointFor(
                        (req, res, ex) ->
                            Problems.write(
                                res, 401, "Unauthorized", "Sign in or send a bearer token"),
                        api)
                    // Pages go to the sign-in form whatever the Accept header says.
                    .defaultAuthenticationEntryPointFor(
                        new LoginUrlAuthenticationEntryPoint("/sign-in"),
                        AnyRequestMatcher.INSTANCE)
                    .defaultAccessDeniedHandlerFor(
                        (req, res, ex) ->
                            Problems.write(
                                res,
                                403,
                                "Forbidden",
                                ex instanceof CsrfException
                                    ? "The CSRF token is missing or wrong; send a bearer token"
                                    : req.getAttribute(ApiTokenFilter.WITHHELD) != null
                                        ? "Your role does not allow this, or it needs a token"
                                            + " scoped to "
                                            + req.getAttribute(ApiTokenFilter.WITHHELD)
                                            + ", which a token for all of your permissions"
                                            + " does not carry"
                                        : "Your role does not allow this"),
                        api)
                    // A step-up page with a password entered too long ago: sign in again, then
                    // back to the page (the request is saved like any other).
                    .defaultDeniedHandlerForMissingAuthority(
                        new LoginUrlAuthenticationEntryPoint("/sign-in?again"),
                        FactorGrantedAuthority.PASSWORD_AUTHORITY)
                    .defaultDeniedHandlerForMissingAuthority(
                        new LoginUrlAuthenticationEntryPoint("/sign-in?again"),
                        FactorGrantedAuthority.AUTHORIZATION_CODE_AUTHORITY)
                    // Pages get the console's 403 page; a lone handler would apply to both.
                    .defaultAccessDeniedHandlerFor(
                        new AccessDeniedHandlerImpl(), AnyRequestMatcher.INSTANCE))
        .headers(
            h ->
                h.contentSecurityPolicy(c -> c.policyDirectives(CSP))
                    .referrerPolicy(r -> r.policy(ReferrerPolicy.SAME_ORIGIN))
                    .frameOptions(f -> f.deny()));
    Passkeys.configure(http, passkeys, secondFactorOutcomes);
    DiscoveredRegistration registration = singleSignOn.getIfAvailable();
    if (registration != null) {
      http.oauth2Login(
          o ->
              o.loginPage("/sign-in")
                  .clientRegistrationRepository(registration)
                  .authorizationEndpoint(
                      a -> a.authorizationRequestResolver(new SingleSignOnRequests(registration)))
                  .userInfoEndpoint(u -> u.oidcUserService(providerUsers.getObject()))
                  .successHandler(success)
                  .failureHandler(
                      (request, response, e) ->
                          response.sendRedirect(
                              request.getContextPath() + "/sign-in?sso=" + refusal(e))));
    }
    return http.build();
  }

  /**
   * Step-up: the pages that destroy what cannot be got back want the user to have signed in
   * recently, not only once when the session began (Spring Security's factor authorities, issued at
   * sign-in) — with their password, or through the identity provider for those who signed in there.
   * When it is too long ago, the user is sent to sign in again and then back to the page.
   */
  private static AuthorizationManager<RequestAuthorizationContext> recentSignIn(
      Duration within,
      Function<
              AuthorizationManagerFactory<RequestAuthorizationContext>,
              AuthorizationManager<RequestAuthorizationContext>>
          rule) {
    var password =
        rule.apply(
            AuthorizationManagerFactories.<RequestAuthorizationContext>multiFactor()
                .requireFactor(f -> f.passwordAuthority().validDuration(within))
                .build());
    var provider =
        rule.apply(
            AuthorizationManagerFactories.<RequestAuthorizationContext>multiFactor()
                .requireFactor(f -> f.authorizationCodeAuthority().validDuration(within))
                .build());
    return (auth, context) ->
        (auth.get() instanceof OAuth2AuthenticationToken ? provider : password)
            .authorize(auth, context);
  }

  /**
   * Asks a console session for a recent sign-in; a bearer token, which is scoped to what it may do
   * and issued on purpose, is let through as it is.
   */
  private static AuthorizationManager<RequestAuthorizationContext> recentUnlessBearer(
      AuthorizationManager<RequestAuthorizationContext> recent) {
    AuthorizationManager<RequestAuthorizationContext> bearer =
        AuthenticatedAuthorizationManager.authenticated();
    return (auth, context) ->
        (ApiTokenFilter.hasBearer(context.getRequest()) ? bearer : recent).authorize(auth, context);
  }

  /** After signing out: the sign-in page, by way of the identity provider's own sign-out. */
  private static LogoutSuccessHandler signedOut(ObjectProvider<DiscoveredRegistration> sso) {
    DiscoveredRegistration registration = sso.getIfAvailable();
    if (registration == null) {
      var handler = new SimpleUrlLogoutSuccessHandler();
      handler.setDefaultTargetUrl("/sign-in?signedOut");
      return handler;
    }
    var handler = new OidcClientInitiatedLogoutSuccessHandler(registration);
    handler.setPostLogoutRedirectUri("{baseUrl}/sign-in?signedOut");
    handler.setDefaultTargetUrl("/sign-in?signedOut");
    return handler;
  }

  /** The reason a single sign-on was refused, as the sign-in page's {@code sso} parameter. */
  private static String refusal(AuthenticationException e) {
    if (e instanceof OAuth2AuthenticationException oauth) {
      String code = oauth.getError().getErrorCode();
      if (StaffOidcUserService.UNKNOWN.equals(code)) {
        return "unknown";
      }
      if (StaffOidcUserService.NO_ROLE.equals(code)) {
        return "norole";
      }
    }
    return "failed";
  }
}
