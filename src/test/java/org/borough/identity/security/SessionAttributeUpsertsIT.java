// SPDX-License-Identifier: AGPL-3.0-or-later
package org.borough.identity.security;

import static org.assertj.core.api.Assertions.assertThat;

import org.borough.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.session.FindByIndexNameSessionRepository;
import org.springframework.session.Session;

/**
 * Two requests of one session at once, each adding the same attribute (the CSRF token of a new
 * session, asked for by two tabs): the second save used to fail on the attributes' primary key, and
 * its request answered 500. Each request loads the session before either saves, as they do when
 * they run at the same time.
 */
class SessionAttributeUpsertsIT extends IntegrationTest {

  // Raw: the repository's own session type (JdbcSession) is not public.
  @SuppressWarnings("rawtypes")
  @Autowired
  FindByIndexNameSessionRepository sessions;

  @Test
  @SuppressWarnings("unchecked")
  void twoRequestsAddingTheSameAttributeBothSaveAndTheLastStands() {
    Session created = sessions.createSession();
    sessions.save(created);
    Session first = sessions.findById(created.getId());
    Session second = sessions.findById(created.getId());

    first.setAttribute("csrf", "from the first request");
    second.setAttribute("csrf", "from the second request");
    sessions.save(first);
    sessions.save(second);

    assertThat((String) sessions.findById(created.getId()).getAttribute("csrf"))
        .isEqualTo("from the second request");
    sessions.deleteById(created.getId());
  }
}
