// SPDX-License-Identifier: AGPL-3.0-or-later
package org.borough.identity.security;

import java.util.ArrayList;
import java.util.List;
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

  StaffUserDetailsService(StaffRepository staff) {
    this.staff = staff;
  }

  @Override
  public UserDetails loadUserByUsername(String username) {
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
