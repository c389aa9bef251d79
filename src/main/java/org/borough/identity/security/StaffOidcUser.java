// SPDX-License-Identifier: AGPL-3.0-or-later
package org.borough.identity.security;

import java.util.Collection;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.oauth2.core.oidc.OidcIdToken;
import org.springframework.security.oauth2.core.oidc.OidcUserInfo;
import org.springframework.security.oauth2.core.oidc.user.DefaultOidcUser;

/**
 * A member of staff signed in through the council's identity provider: named by their Borough
 * username (the audit log, case ownership and session lists all use it), with Borough's authorities
 * for their roles.
 */
class StaffOidcUser extends DefaultOidcUser {

  private static final long serialVersionUID = 1L;

  private final String username;

  StaffOidcUser(
      Collection<? extends GrantedAuthority> authorities,
      OidcIdToken idToken,
      OidcUserInfo userInfo,
      String username) {
    super(authorities, idToken, userInfo);
    this.username = username;
  }

  @Override
  public String getName() {
    return username;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof StaffOidcUser other && super.equals(o) && username.equals(other.username);
  }

  @Override
  public int hashCode() {
    return 31 * super.hashCode() + username.hashCode();
  }
}
