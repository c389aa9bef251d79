// SPDX-License-Identifier: AGPL-3.0-or-later
package org.borough.notifications;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The notification tables: the events handled and the sent-log. */
@Repository
class NotificationRepository {

  /** A message to send, or sent. */
  record Row(
      UUID id,
      long eventPosition,
      UUID caseId,
      UUID residentId,
      String template,
      String caseStatus,
      int attempts,
      Long entryId) {}

  private final JdbcClient jdbc;

  NotificationRepository(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /**
   * Forgets which events up to a position were handled, once the stored cursor is past them and
   * they are a day old: no node reads them again by then (a node's gaps last a minute).
   */
  int forgetHandled(long upTo, Instant before) {
    return jdbc.sql("delete from notification_event where position <= ? and handled_at < ?")
        .params(upTo, Timestamp.from(before))
        .update();
  }

  /** Records that an event was planned for; false when it already was. */
  boolean markHandled(long position, String eventType, Instant at) {
    return jdbc.sql(
                "insert into notification_event (position, event_type, handled_at) select ?, ?, ?"
                    + " where not exists (select 1 from notification_event where position = ?)")
            .params(position, eventType, Timestamp.from(at), position)
            .update()
        == 1;
  }

  void insert(
      long position,
      UUID caseId,
      UUID residentId,
      String template,
      String caseStatus,
      Instant now) {
    jdbc.sql(
            "insert into notification (id, event_position, case_id, resident_id, template,"
                + " case_status, status, attempts, next_attempt_at, created_at) select ?, ?, ?, ?,"
                + " ?, ?, 'PENDING', 0, ?, ? where not exists (select 1 from notification where"
                + " event_position = ? and resident_id = ?)")
        .params(
            UUID.randomUUID(),
            position,
            caseId,
            residentId,
            template,
            caseStatus,
            Timestamp.from(now),
            Timestamp.from(now),
            position,
            residentId)
        .update();
  }

  /** A reply to the reporter, whose words are the case's timeline entry {@code entryId}. */
  void insertReply(long position, UUID caseId, UUID residentId, long entryId, Instant now) {
    jdbc.sql(
            "insert into notification (id, event_position, case_id, resident_id, template,"
                + " status, attempts, next_attempt_at, created_at, entry_id) select ?, ?, ?, ?,"
                + " 'REPLY', 'PENDING', 0, ?, ?, ? where not exists (select 1 from notification"
                + " where event_position = ? and resident_id = ?)")
        .params(
            UUID.randomUUID(),
            position,
            caseId,
            residentId,
            Timestamp.from(now),
            Timestamp.from(now),
            entryId,
            position,
            residentId)
        .update();
  }

  /** Messages whose time has come, oldest event first. */
  List<Row> due(Instant now, int limit) {
    return jdbc.sql(
            "select id, event_position, case_id, resident_id, template, case_status, attempts,"
                + " entry_id from notification where status = 'PENDING' and next_attempt_at <= ?"
                + " order by event_position, id fetch first ? rows only")
        .params(Timestamp.from(now), limit)
        .query(
            (rs, i) ->
                new Row(
                    rs.getObject(1, UUID.class),
                    rs.getLong(2),
                    rs.getObject(3, UUID.class),
                    rs.getObject(4, UUID.class),
                    rs.getString(5),
                    rs.getString(6),
                    rs.getInt(7),
                    rs.getObject(8) == null ? null : rs.getLong(8)))
        .list();
  }

  /**
   * Takes a message for sending, so that a second dispatcher (another node) leaves it alone; if
   * this one dies while sending, the claim lapses at {@code until} and the message goes again.
   */
  boolean claim(UUID id, Instant until) {
    return jdbc.sql(
                "update notification set status = 'SENDING', next_attempt_at = ? where id = ? and"
                    + " status = 'PENDING'")
            .params(Timestamp.from(until), id)
            .update()
        == 1;
  }

  /** Claims that lapsed (the node died mid-send) go back to the queue. */
  int releaseLapsed(Instant now) {
    return jdbc.sql(
            "update notification set status = 'PENDING' where status = 'SENDING' and"
                + " next_attempt_at < ?")
        .param(Timestamp.from(now))
        .update();
  }

  void finish(UUID id, String status, String channel, String providerId, Instant at, String note) {
    jdbc.sql(
            "update notification set status = ?, channel = ?, provider_id = ?, sent_at = ?,"
                + " last_error = ?, attempts = attempts + 1 where id = ?")
        .params(status, channel, providerId, Timestamp.from(at), note, id)
        .update();
  }

  /** A message whose delivery Notify reported on. */
  record Receipt(UUID caseId, String template, String channel) {}

  /**
   * Records what Notify says became of a message it sent; the message when this is news (Notify may
   * send the same receipt again), empty when it is not or Borough sent no such message.
   */
  Optional<Receipt> receive(UUID id, String providerId, String deliveryStatus, Instant at) {
    int changed =
        jdbc.sql(
                "update notification set delivery_status = ?, delivered_at = ? where id = ? and"
                    + " provider_id = ? and (delivery_status is null or delivery_status <> ?)")
            .params(deliveryStatus, Timestamp.from(at), id, providerId, deliveryStatus)
            .update();
    if (changed == 0) {
      return Optional.empty();
    }
    return jdbc.sql("select case_id, template, channel from notification where id = ?")
        .param(id)
        .query(
            (rs, i) -> new Receipt(rs.getObject(1, UUID.class), rs.getString(2), rs.getString(3)))
        .optional();
  }

  void retry(UUID id, Instant next, String error, boolean giveUp) {
    jdbc.sql(
            "update notification set status = ?, attempts = attempts + 1, next_attempt_at = ?,"
                + " last_error = ? where id = ?")
        .params(giveUp ? "FAILED" : "PENDING", Timestamp.from(next), error, id)
        .update();
  }

  /** Every message planned for a resident, oldest first (for their subject access request). */
  List<NotificationHistory.SentNotification> ofResident(UUID resident) {
    return jdbc.sql(
            "select case_id, template, case_status, channel, status, created_at, sent_at"
                + " from notification where resident_id = ? order by created_at, id")
        .param(resident)
        .query(
            (rs, n) ->
                new NotificationHistory.SentNotification(
                    rs.getObject("case_id", UUID.class),
                    rs.getString("template"),
                    rs.getString("case_status"),
                    rs.getString("channel"),
                    rs.getString("status"),
                    rs.getTimestamp("created_at").toInstant(),
                    rs.getTimestamp("sent_at") == null
                        ? null
                        : rs.getTimestamp("sent_at").toInstant()))
        .list();
  }

  /** Forgets every message planned for or sent to a resident; returns how many there were. */
  int deleteOfResident(UUID resident) {
    return jdbc.sql("delete from notification where resident_id = ?").param(resident).update();
  }
}
