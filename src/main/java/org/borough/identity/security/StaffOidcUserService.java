// SPDX-License-Identifier: AGPL-3.0-or-later
package org.borough.identity.security;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.borough.identity.Role;
import org.borough.identity.Staff;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.FactorGrantedAuthority;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserRequest;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserService;
import org.springframework.security.oauth2.client.userinfo.OAuth2UserService;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;

/**
 * Who a single sign-on is: the ID token (its signature, issuer, audience and expiry checked by
 * Spring Security before this runs) names a Borough username, which must be an active member of
 * staff — nobody is created here. With a group mapping configured, their roles and teams are set
 * from their groups at each sign-in, so a user taken out of a group loses what it gave at their
 * next sign-in, and a user in no mapped group is refused.
 */
class StaffOidcUserService implements OAuth2UserService<OidcUserRequest, OidcUser> {

  /** Error codes the sign-in page turns into words ({@code /sign-in?sso=...}). */
  static final String UNKNOWN = "borough_unknown_user";

  static final String NO_ROLE = "borough_no_role";

  private final OidcUserService provider = new OidcUserService();
  private final OidcProperties properties;
  private final StaffRepository staff;
  private final StaffService administration;

  StaffOidcUserService(
      OidcProperties properties, StaffRepository staff, StaffService administration) {
    this.properties = properties;
    this.staff = staff;
    this.administration = administration;
  }

  @Override
  public OidcUser loadUser(OidcUserRequest request) {
    OidcUser user = provider.loadUser(request);
    Map<String, Object> claims = user.getClaims();
    Object named = claims.get(properties.usernameClaim());
    String username = properties.username(named == null ? null : named.toString());
    // An email address the provider has not verified names nobody.
    boolean unverified =
        "email".equals(properties.usernameClaim()) && Boolean.FALSE.equals(user.getEmailVerified());
    Optional<Staff> known =
        username.isEmpty() || unverified ? Optional.empty() : staff.findByUsername(username);
    if (known.isEmpty() || !known.get().enabled()) {
      // A deactivated account is refused in the same words as an unknown one.
      throw refused(UNKNOWN, "no active Borough account for " + SignInEvents.recordable(username));
    }
    Set<String> groups = groups(claims.get(properties.roleClaim()));
    Set<Role> roles = null;
    if (!properties.rolesByGroup().isEmpty()) {
      roles = new TreeSet<>();
      for (var mapped : properties.rolesByGroup().entrySet()) {
        if (groups.contains(mapped.getKey())) {
          roles.addAll(mapped.getValue());
        }
      }
      if (roles.isEmpty()) {
        throw refused(NO_ROLE, username + " is in no group that gives a Borough role");
      }
    }
    Set<String> teams = null;
    if (!properties.teamsByGroup().isEmpty()) {
      teams = new TreeSet<>();
      for (var mapped : properties.teamsByGroup().entrySet()) {
        if (groups.contains(mapped.getKey())) {
          teams.addAll(mapped.getValue());
        }
      }
    }
    Staff now = administration.fromIdentityProvider(known.get(), roles, teams, properties.name());
    List<GrantedAuthority> authorities =
        new ArrayList<>(StaffUserDetailsService.authorities(now.roles()));
    // Spring Security adds this factor for OAuth 2.0 sign-ins but not for OpenID Connect ones; the
    // step-up pages need it. It is dated when the provider last checked the user (auth_time), not
    // now: a sign-in the provider let through on its own old session is not a recent one.
    Instant checked =
        user.getIdToken().getAuthenticatedAt() != null
            ? user.getIdToken().getAuthenticatedAt()
            : user.getIdToken().getIssuedAt();
    authorities.add(
        FactorGrantedAuthority.withAuthority(FactorGrantedAuthority.AUTHORIZATION_CODE_AUTHORITY)
            .issuedAt(checked)
            .build());
    return new StaffOidcUser(authorities, user.getIdToken(), user.getUserInfo(), now.username());
  }

  /** The groups claim as strings: a list (Entra, Keycloak, Okta) or one space-separated value. */
  private static Set<String> groups(Object claim) {
    Set<String> out = new TreeSet<>();
    if (claim instanceof Collection<?> many) {
      many.forEach(g -> out.add(String.valueOf(g)));
    } else if (claim != null) {
      for (String g : claim.toString().split("\\s+")) {
        if (!g.isBlank()) {
          out.add(g);
        }
      }
    }
    return out;
  }

  private static OAuth2AuthenticationException refused(String code, String why) {
    return new OAuth2AuthenticationException(new OAuth2Error(code, why, null), why);
  }
}
