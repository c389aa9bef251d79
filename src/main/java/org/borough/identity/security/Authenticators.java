// SPDX-License-Identifier: AGPL-3.0-or-later
package org.borough.identity.security;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/**
 * Staff's authenticator apps and recovery codes, by username. Each "use once" is a conditional
 * update that only one request can win, so two nodes never accept the same code twice.
 */
@Repository
class Authenticators {

  private static final String USER = "(select id from staff_user where username = ?)";

  private final JdbcClient jdbc;

  Authenticators(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  Optional<String> secret(String username) {
    return jdbc.sql("select secret from staff_authenticator where user_id = " + USER)
        .param(username)
        .query(String.class)
        .optional();
  }

  /** Sets up (or replaces) the user's app and recovery codes in one transaction. */
  @Transactional
  void enrol(String username, String secret, long step, List<String> codeHashes, Instant now) {
    forget(username);
    jdbc.sql(
            "insert into staff_authenticator (user_id, secret, last_step, enrolled_at)"
                + " values ("
                + USER
                + ", ?, ?, ?)")
        .params(username, secret, step, Timestamp.from(now))
        .update();
    insertCodes(username, codeHashes);
  }

  /** True when {@code step} is later than any step accepted before, which it now becomes. */
  boolean advance(String username, long step) {
    return jdbc.sql(
                "update staff_authenticator set last_step = ? where user_id = "
                    + USER
                    + " and last_step < ?")
            .params(step, username, step)
            .update()
        == 1;
  }

  /** True when the code was unused; it is used from now on. */
  boolean useRecoveryCode(String username, String codeHash, Instant now) {
    return jdbc.sql(
                "update staff_recovery_code set used_at = ? where user_id = "
                    + USER
                    + " and code_hash = ? and used_at is null")
            .params(Timestamp.from(now), username, codeHash)
            .update()
        == 1;
  }

  int recoveryCodesLeft(String username) {
    return jdbc.sql(
            "select count(*) from staff_recovery_code where user_id = "
                + USER
                + " and used_at is null")
        .param(username)
        .query(Integer.class)
        .single();
  }

  @Transactional
  void replaceRecoveryCodes(String username, List<String> codeHashes) {
    jdbc.sql("delete from staff_recovery_code where user_id = " + USER).param(username).update();
    insertCodes(username, codeHashes);
  }

  /** Removes the app and the codes: the user sets up a new app at their next sign-in. */
  @Transactional
  boolean forget(String username) {
    jdbc.sql("delete from staff_recovery_code where user_id = " + USER).param(username).update();
    return jdbc.sql("delete from staff_authenticator where user_id = " + USER)
            .param(username)
            .update()
        == 1;
  }

  private void insertCodes(String username, List<String> codeHashes) {
    for (String hash : codeHashes) {
      jdbc.sql("insert into staff_recovery_code (user_id, code_hash) values (" + USER + ", ?)")
          .params(username, hash)
          .update();
    }
  }
}
