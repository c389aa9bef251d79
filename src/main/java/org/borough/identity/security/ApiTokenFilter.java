// SPDX-License-Identifier: AGPL-3.0-or-later
package org.borough.identity.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.borough.identity.Permission;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Authenticates {@code Authorization: Bearer brg_…} requests. A wrong or revoked token gets a 401
 * problem at once rather than falling back to anonymous, so a client learns its token is bad.
 */
class ApiTokenFilter extends OncePerRequestFilter {

  private final ApiTokens tokens;
  private final UserDetailsService users;

  ApiTokenFilter(ApiTokens tokens, UserDetailsService users) {
    this.tokens = tokens;
    this.users = users;
  }

  static boolean hasBearer(HttpServletRequest request) {
    String header = request.getHeader("Authorization");
    return header != null && header.regionMatches(true, 0, "Bearer ", 0, 7);
  }

  /**
   * Open311 clients authenticate with an api_key, and callers of the callbacks with a token of
   * their own (Notify's is a bearer token too): neither is an API token.
   */
  @Override
  protected boolean shouldNotFilter(HttpServletRequest request) {
    return SecurityConfiguration.OPEN311.matches(request)
        || SecurityConfiguration.CALLBACKS.matches(request);
  }

  /**
   * Permissions a token carries only when it is scoped to them: they destroy what cannot be got
   * back, so they are never in an everyday token's "all of its owner's permissions". Making such a
   * token is a deliberate act, which over the API stands in for the console's second password.
   */
  static final Set<Permission> ONLY_WHEN_SCOPED = Set.of(Permission.ERASURE);

  /** The request attribute naming what an unscoped token held back, for the 403's detail. */
  static final String WITHHELD = ApiTokenFilter.class.getName() + ".withheld";

  /** The owner's authorities the token may use: all of them but those above, or its scopes. */
  static List<GrantedAuthority> scoped(
      Collection<? extends GrantedAuthority> authorities, Set<Permission> scopes) {
    return authorities.stream()
        .filter(
            a ->
                scopes.isEmpty()
                    ? ONLY_WHEN_SCOPED.stream().noneMatch(p -> p.name().equals(a.getAuthority()))
                    : scopes.stream().anyMatch(p -> p.name().equals(a.getAuthority())))
        .map(GrantedAuthority.class::cast)
        .toList();
  }

  private static List<String> withheld(
      Collection<? extends GrantedAuthority> authorities, Set<Permission> scopes) {
    if (!scopes.isEmpty()) {
      return List.of();
    }
    return ONLY_WHEN_SCOPED.stream()
        .map(Permission::name)
        .filter(p -> authorities.stream().anyMatch(a -> p.equals(a.getAuthority())))
        .sorted()
        .toList();
  }

  @Override
  protected void doFilterInternal(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    if (!hasBearer(request)) {
      chain.doFilter(request, response);
      return;
    }
    String token = request.getHeader("Authorization").substring(7).trim();
    Optional<ApiTokens.TokenUser> found = tokens.authenticate(token, users::loadUserByUsername);
    if (found.isEmpty()) {
      Problems.write(
          response, 401, "Unauthorized", "The bearer token is not valid, expired or revoked");
      return;
    }
    UserDetails user = found.get().user();
    List<String> heldBack = withheld(user.getAuthorities(), found.get().scopes());
    if (!heldBack.isEmpty()) {
      request.setAttribute(WITHHELD, String.join(" or ", heldBack));
    }
    var auth =
        UsernamePasswordAuthenticationToken.authenticated(
            user, null, scoped(user.getAuthorities(), found.get().scopes()));
    var context = SecurityContextHolder.createEmptyContext();
    context.setAuthentication(auth);
    SecurityContextHolder.setContext(context);
    try {
      chain.doFilter(request, response);
    } finally {
      SecurityContextHolder.clearContext();
    }
  }
}
