// SPDX-License-Identifier: AGPL-3.0-or-later
package org.borough.audit.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.borough.audit.AuditLog.Entry;
import org.borough.system.BulkReadTemplate;
import org.borough.system.SecretKeys;
import org.borough.system.SystemProperties;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Seals audit entries into a hash chain after they commit, and walks the chain to prove that no
 * sealed entry was altered, removed or moved since (see V28 and {@link AuditSeal}).
 *
 * <p>Entries are sealed in the order the sealer sees them commit, not strictly by id: an entry
 * whose transaction commits after a later id's was sealed joins the chain on the next run. A
 * scheduled run looks for such late entries only among the last {@link #LATE_WINDOW} ids, so that
 * it does not scan the whole log every minute; a verification seals everything first, however late.
 */
@Component
public class AuditChain {

  static final int BATCH = 1000;
  static final long LATE_WINDOW = 10_000;

  private final JdbcTemplate jdbc;
  private final DataSource dataSource;
  private final TransactionTemplate transactions;
  private final TransactionTemplate readOnly;
  private final Clock clock;
  private final byte[] key;

  AuditChain(
      JdbcTemplate jdbc,
      DataSource dataSource,
      PlatformTransactionManager transactionManager,
      Clock clock,
      AuditProperties properties,
      SystemProperties system) {
    this.jdbc = jdbc;
    this.dataSource = dataSource;
    this.transactions = new TransactionTemplate(transactionManager);
    this.readOnly = new TransactionTemplate(transactionManager);
    this.readOnly.setReadOnly(true);
    this.clock = clock;
    this.key =
        SecretKeys.configuredOrKeptIn(
            properties.checkpointKey(), system.dataDir().resolve("audit-checkpoint.key"));
  }

  @Scheduled(
      fixedDelayString = "${borough.audit.seal-interval:1m}",
      initialDelayString = "${borough.audit.seal-interval:1m}")
  @SchedulerLock(name = "audit-seal")
  void sealRecent() {
    Long newest = jdbc.queryForObject("select max(audit_id) from audit_chain", Long.class);
    sealAfter(newest == null ? 0 : Math.max(0, newest - LATE_WINDOW));
  }

  /** Seals every entry not sealed yet; returns how many it sealed. */
  int sealAll() {
    return sealAfter(0);
  }

  /**
   * Seals batch after batch, each starting after the last entry the one before sealed: an unsealed
   * entry below that was not yet committed when its batch looked, and the next run finds it. (Each
   * batch starting again from {@code id} made sealing a long log quadratic: every batch re-read all
   * the entries sealed before it.)
   */
  private int sealAfter(long id) {
    int total = 0;
    long after = id;
    List<Entry> sealed;
    do {
      long from = after;
      sealed = transactions.execute(status -> sealBatch(from));
      total += sealed.size();
      after = sealed.isEmpty() ? after : sealed.get(sealed.size() - 1).id();
    } while (sealed.size() == BATCH);
    return total;
  }

  /**
   * Seals up to {@link #BATCH} entries after {@code id}, in id order, and signs a checkpoint at the
   * last; returns them.
   */
  private List<Entry> sealBatch(long id) {
    jdbc.queryForObject("select id from audit_seal_lock where id = 1 for update", Integer.class);
    List<Object[]> head =
        jdbc.query(
            "select seq, entry_hash from audit_chain order by seq desc fetch first 1 rows only",
            (rs, i) -> new Object[] {rs.getLong(1), rs.getString(2)});
    long seq = head.isEmpty() ? 0 : (Long) head.get(0)[0];
    String hash = head.isEmpty() ? AuditSeal.GENESIS : (String) head.get(0)[1];
    List<Entry> entries = unsealed(id);
    List<Object[]> links = new ArrayList<>(entries.size());
    for (Entry e : entries) {
      String next = AuditSeal.hash(hash, e);
      links.add(new Object[] {++seq, e.id(), hash, next});
      hash = next;
    }
    if (!links.isEmpty()) {
      jdbc.batchUpdate(
          "insert into audit_chain (seq, audit_id, previous_hash, entry_hash) values (?, ?, ?, ?)",
          links);
      jdbc.update(
          "insert into audit_checkpoint (seq, at, signature) values (?, ?, ?)",
          seq,
          Timestamp.from(clock.instant()),
          AuditSeal.sign(key, seq, hash));
    }
    return entries;
  }

  /**
   * Up to {@link #BATCH} unsealed entries after {@code id}, in id order: first any below the newest
   * sealed one (committed late), looked for one by one in the chain's index, then those above it,
   * which need no looking for. One query for both let the planner hash the whole chain each time.
   */
  private List<Entry> unsealed(long id) {
    Long newest = jdbc.queryForObject("select max(audit_id) from audit_chain", Long.class);
    long sealedUpTo = newest == null ? 0 : newest;
    List<Entry> entries = new ArrayList<>();
    if (id < sealedUpTo) {
      entries.addAll(
          jdbc.query(
              "select "
                  + JdbcAuditLog.columns("l")
                  + " from audit_log l where l.id > ? and l.id < ? and not exists"
                  + " (select 1 from audit_chain c where c.audit_id = l.id)"
                  + " order by l.id fetch first "
                  + BATCH
                  + " rows only",
              (rs, i) -> JdbcAuditLog.entry(rs, 1),
              id,
              sealedUpTo));
    }
    if (entries.size() < BATCH) {
      entries.addAll(
          jdbc.query(
              "select "
                  + JdbcAuditLog.columns("l")
                  + " from audit_log l where l.id > ? order by l.id fetch first "
                  + (BATCH - entries.size())
                  + " rows only",
              (rs, i) -> JdbcAuditLog.entry(rs, 1),
              Math.max(id, sealedUpTo)));
    }
    return entries;
  }

  /** Seals what is new, then re-walks the whole chain from its first link. */
  public AuditVerification verify() {
    sealAll();
    Walk walk = new Walk();
    readOnly.executeWithoutResult(
        status ->
            new BulkReadTemplate(dataSource, 1000)
                .query(
                    "select c.seq, c.audit_id, c.previous_hash, c.entry_hash, k.signature, "
                        + JdbcAuditLog.columns("l")
                        + " from audit_chain c left join audit_log l on l.id = c.audit_id"
                        + " left join audit_checkpoint k on k.seq = c.seq order by c.seq",
                    walk));
    Long unsealed =
        jdbc.queryForObject(
            "select count(*) from audit_log l where not exists"
                + " (select 1 from audit_chain c where c.audit_id = l.id)",
            Long.class);
    return new AuditVerification(
        walk.brokenAt == null,
        walk.entries,
        walk.checkpoints,
        unsealed == null ? 0 : unsealed,
        walk.brokenAt,
        walk.problem,
        clock.instant());
  }

  /** One pass over the links in order, stopping its checks at the first that fails. */
  private final class Walk implements RowCallbackHandler {
    long expected = 1;
    String previous = AuditSeal.GENESIS;
    long entries;
    long checkpoints;
    Long brokenAt;
    String problem;

    @Override
    public void processRow(ResultSet rs) throws SQLException {
      if (brokenAt != null) {
        return;
      }
      long seq = rs.getLong(1);
      long auditId = rs.getLong(2);
      String storedHash = rs.getString(4);
      if (seq != expected) {
        broken(auditId, "link " + expected + " of the chain is missing (the next is " + seq + ")");
      } else if (!previous.equals(rs.getString(3))) {
        broken(auditId, "the entry's link does not follow the one before it");
      } else if (rs.getObject(6) == null) {
        broken(auditId, "the entry is missing from the audit log");
      } else if (!AuditSeal.hash(previous, JdbcAuditLog.entry(rs, 6)).equals(storedHash)) {
        broken(auditId, "the entry was altered after it was sealed");
      } else if (rs.getString(5) != null
          && !rs.getString(5).equals(AuditSeal.sign(key, seq, storedHash))) {
        broken(auditId, "the checkpoint at this entry does not carry this server's signature");
      } else {
        checkpoints += rs.getString(5) == null ? 0 : 1;
        entries++;
        expected++;
        previous = storedHash;
      }
    }

    private void broken(long auditId, String what) {
      brokenAt = auditId;
      problem = what;
    }
  }
}
