// SPDX-License-Identifier: AGPL-3.0-or-later
package org.borough.support;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import org.borough.identity.security.SecondFactors;
import org.springframework.boot.test.context.TestComponent;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.FactorGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/**
 * Acting as a fixture user in a test: calls to the modules' services on this thread, or MockMvc
 * requests. Users are loaded as sign-in loads them, so they carry the same roles and permissions.
 */
@TestComponent
public class SignedIn {

  private final UserDetailsService users;

  SignedIn(UserDetailsService users) {
    this.users = users;
  }

  /** Runs {@code action} signed in as {@code username}, then signs out. */
  public <T> T as(String username, Supplier<T> action) {
    enter(username);
    try {
      return action.get();
    } finally {
      leave();
    }
  }

  /** Signs this thread in as {@code username} until {@link #leave()}. */
  public void enter(String username) {
    UserDetails user = users.loadUserByUsername(username);
    var context = SecurityContextHolder.createEmptyContext();
    context.setAuthentication(
        UsernamePasswordAuthenticationToken.authenticated(user, null, user.getAuthorities()));
    SecurityContextHolder.setContext(context);
  }

  public static void leave() {
    SecurityContextHolder.clearContext();
  }

  /**
   * A MockMvc request made by {@code username}, as if from their console session: signed in with
   * the password and an authenticator code just now, as the form does (their factor authorities,
   * for the step-up pages).
   */
  public RequestPostProcessor request(String username) {
    return signedInWithPassword(username, Instant.now());
  }

  /** As {@link #request}, with the password entered at {@code when} (a step-up test's past). */
  public RequestPostProcessor signedInWithPassword(String username, Instant when) {
    UserDetails user = users.loadUserByUsername(username);
    List<GrantedAuthority> authorities = new ArrayList<>(user.getAuthorities());
    authorities.add(
        FactorGrantedAuthority.withAuthority(FactorGrantedAuthority.PASSWORD_AUTHORITY)
            .issuedAt(when)
            .build());
    // And the app's code after it, as a role that needs a second factor gives at sign-in.
    authorities.add(FactorGrantedAuthority.withAuthority(SecondFactors.APP).issuedAt(when).build());
    return authentication(
        UsernamePasswordAuthenticationToken.authenticated(user, null, authorities));
  }
}
