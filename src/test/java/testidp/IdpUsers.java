// SPDX-License-Identifier: AGPL-3.0-or-later
package testidp;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;

/** The provider's staff: passwords, groups, and how (if at all) their ID tokens are spoiled. */
public final class IdpUsers implements UserDetailsService {

  /** What is wrong with a spoiled ID token. */
  public enum Spoiled {
    NOT,
    EXPIRED,
    OTHER_ISSUER,
    OTHER_AUDIENCE
  }

  private final Map<String, String> passwords = new ConcurrentHashMap<>();
  private final Map<String, List<String>> groups = new ConcurrentHashMap<>();
  private final Map<String, Spoiled> spoiled = new ConcurrentHashMap<>();

  void add(String username, String password, String... inGroups) {
    passwords.put(username, password);
    groups.put(username, List.of(inGroups));
    spoiled.put(username, Spoiled.NOT);
  }

  void groups(String username, String... inGroups) {
    groups.put(username, List.of(inGroups));
  }

  void spoil(String username, Spoiled how) {
    spoiled.put(username, how);
  }

  List<String> groupsOf(String username) {
    return groups.getOrDefault(username, List.of());
  }

  Spoiled spoiledFor(String username) {
    return spoiled.getOrDefault(username, Spoiled.NOT);
  }

  @Override
  public UserDetails loadUserByUsername(String username) {
    String password = passwords.get(username);
    if (password == null) {
      throw new UsernameNotFoundException(username);
    }
    return User.withUsername(username).password("{noop}" + password).roles("USER").build();
  }
}
