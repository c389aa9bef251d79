// SPDX-License-Identifier: AGPL-3.0-or-later
package org.borough.identity.security;

import java.util.ArrayList;
import java.util.List;
import org.borough.identity.IdentityProperties;
import org.borough.identity.Permission;
import org.borough.identity.Role;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.stereotype.Component;

/**
 * Loads a member of staff for sign-in. Authorities are the roles ({@code ROLE_AGENT}) and the
 * permissions they grant ({@code CASE_READ}), so controllers check permissions only.
 */
@Component
class StaffUserDetailsService implements UserDetailsService {

  private final StaffRepository staff;
  private final IdentityProperties identity;

  StaffUserDetailsService(StaffRepository staff, IdentityProperties identity) {
    this.staff = staff;
    this.identity = identity;
  }

  @Override
  public UserDetails loadUserByUsername(String username) {
    // With passwords turned off (staff sign in through the council's identity provider), only the
    // break-glass administrator has one; anyone else is refused as if unknown.
    if (!identity.localSignIn() && !AdminBootstrap.ADMIN.equals(username)) {
      throw new UsernameNotFoundException("Password sign-in is turned off");
    }
    return loadStaff(username);
  }

  /** The member of staff whoever signs them in (an API token, too): no password rule applies. */
  UserDetails loadStaff(String username) {
    StaffRepository.Credentials c =
        staff
            .credentials(username)
            .orElseThrow(() -> new UsernameNotFoundException("No such user"));
    return User.withUsername(c.staff().username())
        .password(c.passwordHash())
        .disabled(!c.staff().enabled())
        .authorities(authorities(c.staff().roles()))
        .build();
  }

  static List<GrantedAuthority> authorities(java.util.Set<Role> roles) {
    List<GrantedAuthority> authorities = new ArrayList<>();
    roles.forEach(r -> authorities.add(new SimpleGrantedAuthority("ROLE_" + r.name())));
    Permission.of(roles).forEach(p -> authorities.add(new SimpleGrantedAuthority(p.name())));
    return authorities;
  }
}
