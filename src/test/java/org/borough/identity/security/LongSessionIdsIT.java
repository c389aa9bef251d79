// SPDX-License-Identifier: AGPL-3.0-or-later
package org.borough.identity.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.Set;
import org.borough.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.session.FindByIndexNameSessionRepository;
import org.springframework.session.Session;

/**
 * Sessions are named by 256 random bits (43 URL-safe characters), not Spring Session's UUIDs (122
 * random bits), both when made and when the id changes on signing in; the sessions table holds
 * them.
 */
class LongSessionIdsIT extends IntegrationTest {

  private static final String ID = "[A-Za-z0-9_-]{43}";

  // Raw: the repository's own session type (JdbcSession) is not public.
  @SuppressWarnings("rawtypes")
  @Autowired
  FindByIndexNameSessionRepository sessions;

  @Test
  @SuppressWarnings("unchecked")
  void aSessionIsNamedBy256RandomBitsWhenMadeAndWhenItsIdChanges() {
    Session created = sessions.createSession();
    assertThat(created.getId()).matches(ID);
    sessions.save(created);
    String first = created.getId();
    assertThat(sessions.findById(first)).isNotNull();

    String changed = created.changeSessionId(); // as on signing in
    sessions.save(created);
    assertThat(changed).matches(ID).isNotEqualTo(first);
    assertThat(sessions.findById(changed)).isNotNull();
    assertThat(sessions.findById(first)).isNull();
    sessions.deleteById(changed);
  }

  @Test
  void idsDoNotRepeat() {
    Set<String> seen = new HashSet<>();
    for (int i = 0; i < 10_000; i++) {
      assertThat(seen.add(LongSessionIds.GENERATOR.generate())).isTrue();
    }
  }
}
