// SPDX-License-Identifier: AGPL-3.0-or-later
package org.borough.identity.security;

import java.security.SecureRandom;
import org.borough.system.RandomTokens;
import org.springframework.session.SessionIdGenerator;
import org.springframework.session.config.SessionRepositoryCustomizer;
import org.springframework.session.jdbc.JdbcIndexedSessionRepository;
import org.springframework.stereotype.Component;

/**
 * Session ids of 256 bits from the JDK's {@link SecureRandom}, URL-safe Base64 (43 characters).
 * Spring Session's default, a random UUID, carries 122 random bits: under the 128 that OWASP ASVS
 * (V7.2.3) asks of a session token, which is all an attacker needs to guess to act as a member of
 * staff.
 */
@Component
class LongSessionIds implements SessionRepositoryCustomizer<JdbcIndexedSessionRepository> {

  static final int BYTES = 32;

  static final SessionIdGenerator GENERATOR =
      () -> {
        return RandomTokens.urlSafe(BYTES);
      };

  @Override
  public void customize(JdbcIndexedSessionRepository repository) {
    repository.setSessionIdGenerator(GENERATOR);
  }
}
