// SPDX-License-Identifier: AGPL-3.0-or-later
package org.borough.contacts.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.borough.contacts.Contact;
import org.borough.contacts.ContactId;
import org.borough.contacts.ContactOutcome;
import org.borough.contacts.Direction;
import org.borough.residents.Channel;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
public class ContactRepository {

  private static final String COLUMNS =
      "id, resident_id, case_id, channel, direction, agent, occurred_at, duration_seconds,"
          + " outcome, resolved_at_first_contact, summary";

  private final JdbcClient jdbc;

  ContactRepository(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  public void insert(Contact c) {
    jdbc.sql("insert into contact (" + COLUMNS + ") values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
        .params(
            c.id().value(),
            c.residentId(),
            c.caseId(),
            c.channel().name(),
            c.direction().name(),
            c.agent(),
            Timestamp.from(c.occurredAt()),
            c.durationSeconds(),
            c.outcome().name(),
            c.resolvedAtFirstContact(),
            c.summary())
        .update();
  }

  public Optional<Contact> find(UUID id) {
    return jdbc.sql("select " + COLUMNS + " from contact where id = ?")
        .param(id)
        .query((rs, i) -> contact(rs))
        .optional();
  }

  public List<Contact> ofResident(UUID resident, int limit) {
    return jdbc.sql(
            "select "
                + COLUMNS
                + " from contact where resident_id = ?"
                + " order by occurred_at desc fetch first ? rows only")
        .params(resident, limit)
        .query((rs, i) -> contact(rs))
        .list();
  }

  public long countOfResident(UUID resident) {
    return jdbc.sql("select count(*) from contact where resident_id = ?")
        .param(resident)
        .query(Long.class)
        .single();
  }

  public int linkToCase(UUID contact, UUID caseId, ContactOutcome outcome) {
    return jdbc.sql(
            "update contact set case_id = ?, outcome = ?, resolved_at_first_contact = false"
                + " where id = ?")
        .params(caseId, outcome.name(), contact)
        .update();
  }

  public List<UUID> idsOfResident(UUID resident) {
    return jdbc.sql("select id from contact where resident_id = ?")
        .param(resident)
        .query((rs, i) -> rs.getObject(1, UUID.class))
        .list();
  }

  public void moveResident(UUID from, UUID to) {
    jdbc.sql("update contact set resident_id = ? where resident_id = ?").params(to, from).update();
  }

  /**
   * An erased resident's contacts stay as anonymous counts (channel, time, outcome): the link to
   * the resident and the agent's summary of what was said go. Returns how many.
   */
  /** Contacts before {@code cutoff} that still name a resident or hold a summary. */
  public long countIdentifiableBefore(Instant cutoff) {
    return jdbc.sql(
            "select count(*) from contact where occurred_at < ?"
                + " and (resident_id is not null or summary is not null)")
        .param(java.sql.Timestamp.from(cutoff))
        .query(Long.class)
        .single();
  }

  /** Keeps contacts before {@code cutoff} as anonymous counts; returns how many changed. */
  public int anonymiseBefore(Instant cutoff) {
    return jdbc.sql(
            "update contact set resident_id = null, summary = null where occurred_at < ?"
                + " and (resident_id is not null or summary is not null)")
        .param(java.sql.Timestamp.from(cutoff))
        .update();
  }

  public int anonymise(UUID residentId) {
    return jdbc.sql("update contact set resident_id = null, summary = null where resident_id = ?")
        .param(residentId)
        .update();
  }

  private static Contact contact(ResultSet rs) throws SQLException {
    return new Contact(
        new ContactId(rs.getObject(1, UUID.class)),
        rs.getObject(2, UUID.class),
        rs.getObject(3, UUID.class),
        Channel.valueOf(rs.getString(4)),
        Direction.valueOf(rs.getString(5)),
        rs.getString(6),
        rs.getTimestamp(7).toInstant(),
        rs.getObject(8) == null ? null : rs.getInt(8),
        ContactOutcome.valueOf(rs.getString(9)),
        rs.getBoolean(10),
        rs.getString(11));
  }
}
