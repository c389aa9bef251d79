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

  /** Open311 clients authenticate with an api_key; a stray bearer header there is ignored. */
  @Override
  protected boolean shouldNotFilter(HttpServletRequest request) {
    return SecurityConfiguration.OPEN311.matches(request);
  }

  /** The owner's authorities the token may use: all of them, or only its scopes. */
  static List<GrantedAuthority> scoped(
      Collection<? extends GrantedAuthority> authorities, Set<Permission> scopes) {
    return authorities.stream()
        .filter(
            a ->
                scopes.isEmpty()
                    || scopes.stream().anyMatch(p -> p.name().equals(a.getAuthority())))
        .map(GrantedAuthority.class::cast)
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
