// SPDX-License-Identifier: AGPL-3.0-or-later
package org.borough.audit.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.sql.DataSource;
import org.borough.audit.AuditAction;
import org.borough.audit.AuditLog;
import org.borough.audit.AuditLog.Entry;
import org.borough.support.Fixtures;
import org.borough.support.IntegrationTest;
import org.borough.support.TestDatabase;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The audit log's seal: every entry is chained after it commits, and a walk of the chain finds an
 * entry altered directly in the database, at exactly that entry, even when whoever altered it also
 * rewrote the chain's hashes after it (the signed checkpoints catch that). Each test puts back what
 * it altered, so the shared database's chain is whole again for the tests after it.
 */
class AuditChainIT extends IntegrationTest {

  @Autowired AuditLog audit;
  @Autowired AuditChain chain;
  @Autowired JdbcTemplate jdbc;
  @Autowired MockMvc mvc;
  @Autowired DataSource dataSource;

  @Test
  void theApiProvesAnUnalteredLog() throws Exception {
    List<Long> written = write(3);

    mvc.perform(
            get("/api/v1/audit/verify").header("Authorization", "Bearer " + Fixtures.ADMIN_TOKEN))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.verified").value(true))
        .andExpect(jsonPath("$.firstBrokenEntry").doesNotExist())
        .andExpect(jsonPath("$.entries").value(org.hamcrest.Matchers.greaterThanOrEqualTo(3)));

    assertThat(sealed(written)).as("each entry is in the chain").isEqualTo(3);
    assertThat(audit.read(new AuditLog.AuditQuery("audit", "chain", null, null, 1)))
        .as("the check is itself audited")
        .first()
        .satisfies(e -> assertThat(e.detail()).endsWith("entries: unaltered"));
  }

  @Test
  void anEntryAlteredInTheDatabaseBreaksTheChainAtThatEntry() {
    List<Long> written = write(3);
    chain.sealAll();
    long altered = written.get(1);
    String detail = detailOf(altered);

    withoutAppendOnly(
        "audit_log",
        () -> jdbc.update("update audit_log set detail = ? where id = ?", "x", altered));
    AuditVerification broken = chain.verify();
    withoutAppendOnly(
        "audit_log",
        () -> jdbc.update("update audit_log set detail = ? where id = ?", detail, altered));

    assertThat(broken.verified()).isFalse();
    assertThat(broken.firstBrokenEntry()).isEqualTo(altered);
    assertThat(broken.problem()).contains("altered");
    assertThat(chain.verify().verified()).as("whole again once put back").isTrue();
  }

  @Test
  void rewritingTheChainAfterAnAlteredEntryIsCaughtByTheNextSignedCheckpoint() {
    List<Long> written = write(3);
    chain.sealAll();
    long altered = written.get(0);
    long checkpointed = written.get(2);
    String detail = detailOf(altered);
    List<Map<String, Object>> links =
        jdbc.queryForList(
            "select seq, audit_id, previous_hash, entry_hash from audit_chain"
                + " where seq >= (select seq from audit_chain where audit_id = ?) order by seq",
            altered);

    withoutAppendOnly(
        "audit_log",
        () -> jdbc.update("update audit_log set detail = ? where id = ?", "x", altered));
    withoutAppendOnly("audit_chain", () -> rehash(links));
    AuditVerification broken = chain.verify();
    withoutAppendOnly(
        "audit_log",
        () -> jdbc.update("update audit_log set detail = ? where id = ?", detail, altered));
    withoutAppendOnly("audit_chain", () -> putBack(links));

    assertThat(broken.verified()).isFalse();
    assertThat(broken.firstBrokenEntry())
        .as("the hashes agree again, but not the checkpoint signed when the three were sealed")
        .isEqualTo(checkpointed);
    assertThat(broken.problem()).contains("signature");
    assertThat(chain.verify().verified()).isTrue();
  }

  /**
   * An entry whose transaction began first but committed after later entries were sealed has a
   * lower id than they do: the next run still seals it, and the chain stays whole.
   */
  @Test
  void anEntryCommittedAfterLaterOnesWereSealedIsSealedNextTime() throws Exception {
    String subject = "late-" + UUID.randomUUID();
    try (Connection slow = dataSource.getConnection()) {
      slow.setAutoCommit(false);
      try (PreparedStatement insert =
          slow.prepareStatement(
              "insert into audit_log (at, actor, action, subject_type, subject_id, detail)"
                  + " values (current_timestamp, 'tester', 'VIEW', 'test', ?, 'late')")) {
        insert.setString(1, subject);
        insert.executeUpdate();
      }
      List<Long> later = write(2);
      chain.sealRecent();
      assertThat(sealed(later)).isEqualTo(2);
      slow.commit();
    }
    long late =
        jdbc.queryForObject("select id from audit_log where subject_id = ?", Long.class, subject);
    assertThat(late)
        .isLessThan(jdbc.queryForObject("select max(audit_id) from audit_chain", Long.class));

    chain.sealRecent();

    assertThat(sealed(List.of(late))).isEqualTo(1);
    assertThat(chain.verify().verified()).isTrue();
  }

  @Test
  void noOneCanChangeOrDeleteTheChainOrItsCheckpoints() {
    write(1);
    chain.sealAll();
    for (String table : List.of("audit_chain", "audit_checkpoint")) {
      assertThatThrownBy(() -> jdbc.update("update " + table + " set seq = seq"))
          .isInstanceOf(DataAccessException.class)
          .hasMessageContaining("append-only");
      assertThatThrownBy(() -> jdbc.update("delete from " + table))
          .isInstanceOf(DataAccessException.class)
          .hasMessageContaining("append-only");
      assertThatThrownBy(() -> jdbc.execute("truncate table " + table))
          .isInstanceOf(DataAccessException.class);
    }
  }

  private List<Long> write(int n) {
    String subject = "chain-" + UUID.randomUUID();
    for (int i = 0; i < n; i++) {
      audit.recordAs("tester", AuditAction.VIEW, "test", subject, "entry " + i);
    }
    return audit.read(new AuditLog.AuditQuery("test", subject, null, null, n)).stream()
        .map(Entry::id)
        .sorted()
        .toList();
  }

  private long sealed(List<Long> ids) {
    return ids.stream()
        .filter(
            id ->
                jdbc.queryForObject(
                        "select count(*) from audit_chain where audit_id = ?", Long.class, id)
                    == 1)
        .count();
  }

  private String detailOf(long id) {
    return jdbc.queryForObject("select detail from audit_log where id = ?", String.class, id);
  }

  /** Recomputes every hash from the first of {@code links} on, as a careful forger would. */
  private void rehash(List<Map<String, Object>> links) {
    String previous = (String) links.get(0).get("previous_hash");
    for (Map<String, Object> link : links) {
      long id = ((Number) link.get("audit_id")).longValue();
      Entry entry =
          jdbc.queryForObject(
              "select " + JdbcAuditLog.columns("audit_log") + " from audit_log where id = ?",
              (rs, i) -> JdbcAuditLog.entry(rs, 1),
              id);
      String hash = AuditSeal.hash(previous, entry);
      jdbc.update(
          "update audit_chain set previous_hash = ?, entry_hash = ? where seq = ?",
          previous,
          hash,
          link.get("seq"));
      previous = hash;
    }
  }

  private void putBack(List<Map<String, Object>> links) {
    for (Map<String, Object> link : links) {
      jdbc.update(
          "update audit_chain set previous_hash = ?, entry_hash = ? where seq = ?",
          link.get("previous_hash"),
          link.get("entry_hash"),
          link.get("seq"));
    }
  }

  /**
   * Runs {@code change} with the table's append-only trigger out of the way, as someone with the
   * database owner's rights could, and puts the trigger back.
   */
  private void withoutAppendOnly(String table, Runnable change) {
    String trigger = table + "_no_change";
    if (TestDatabase.postgres()) {
      jdbc.execute("alter table " + table + " disable trigger " + trigger);
      try {
        change.run();
      } finally {
        jdbc.execute("alter table " + table + " enable trigger " + trigger);
      }
    } else {
      jdbc.execute("drop trigger " + trigger);
      try {
        change.run();
      } finally {
        jdbc.execute(
            "create trigger "
                + trigger
                + " before update, delete on "
                + table
                + " for each row call '"
                + org.borough.audit.web.AuditLogAppendOnly.class.getName()
                + "'");
      }
    }
  }
}
