// SPDX-License-Identifier: AGPL-3.0-or-later
package org.borough.notifications;

import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.borough.cases.SlaState;
import org.borough.notifications.StaffAlerts.Alert;
import org.borough.notifications.StaffAlerts.Frequency;
import org.borough.notifications.StaffAlerts.Setting;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The staff_alert and staff_alert_setting tables. */
@Repository
class StaffAlertRepository {

  private static final String COLUMNS =
      "a.id, a.staff_id, a.case_id, a.reference, a.state, a.due_at, a.raised_at, a.read_at";

  private final JdbcClient jdbc;

  StaffAlertRepository(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /** Adds the alert unless that member of staff already has it; true when it was added. */
  boolean raise(
      UUID staff, UUID caseId, String reference, SlaState state, Instant due, Instant at) {
    // Checked by a select, not left to the unique constraint: on PostgreSQL a refused insert would
    // end the SLA watch's transaction, and with it the case's mark and event.
    return jdbc.sql(
                "insert into staff_alert (staff_id, case_id, reference, state, due_at, raised_at)"
                    + " select ?, ?, ?, ?, ?, ? from (values (1)) v where not exists"
                    + " (select 1 from staff_alert where staff_id = ? and case_id = ?"
                    + " and state = ? and due_at = ?)")
            .params(
                staff,
                caseId,
                reference,
                state.name(),
                Timestamp.from(due),
                Timestamp.from(at),
                staff,
                caseId,
                state.name(),
                Timestamp.from(due))
            .update()
        == 1;
  }

  int unread(UUID staff) {
    return jdbc.sql("select count(*) from staff_alert where staff_id = ? and read_at is null")
        .param(staff)
        .query(Integer.class)
        .single();
  }

  List<Alert> latest(UUID staff, int limit) {
    return jdbc.sql(
            "select "
                + COLUMNS
                + " from staff_alert a where a.staff_id = ?"
                + " order by a.raised_at desc, a.id desc fetch first ? rows only")
        .params(staff, limit)
        .query((rs, i) -> alert(rs))
        .list();
  }

  void markRead(UUID staff, Instant at) {
    jdbc.sql("update staff_alert set read_at = ? where staff_id = ? and read_at is null")
        .params(Timestamp.from(at), staff)
        .update();
  }

  /** Alerts not yet emailed to those who hear of each, raised since {@code since}. */
  List<Alert> unsentEach(Instant since, int limit) {
    return jdbc.sql(
            "select "
                + COLUMNS
                + " from staff_alert a join staff_alert_setting s on s.staff_id = a.staff_id"
                + " where a.emailed_at is null and s.frequency = 'EACH' and a.raised_at >= ?"
                + " order by a.staff_id, a.id fetch first ? rows only")
        .params(Timestamp.from(since), limit)
        .query((rs, i) -> alert(rs))
        .list();
  }

  /** Who hears once a day and has not had today's digest. */
  List<UUID> digestsDue(LocalDate today) {
    return jdbc.sql(
            "select staff_id from staff_alert_setting where frequency = 'DAILY'"
                + " and (digest_sent_on is null or digest_sent_on < ?)")
        .param(Date.valueOf(today))
        .query((rs, i) -> rs.getObject(1, UUID.class))
        .list();
  }

  List<Alert> unsentOf(UUID staff, Instant since) {
    return jdbc.sql(
            "select "
                + COLUMNS
                + " from staff_alert a where a.staff_id = ? and a.emailed_at is null"
                + " and a.raised_at >= ? order by a.id")
        .params(staff, Timestamp.from(since))
        .query((rs, i) -> alert(rs))
        .list();
  }

  void markEmailed(Collection<Long> ids, Instant at) {
    if (ids.isEmpty()) {
      return;
    }
    jdbc.sql("update staff_alert set emailed_at = :at where id in (:ids)")
        .param("at", Timestamp.from(at))
        .param("ids", ids)
        .update();
  }

  void digestSent(UUID staff, LocalDate on) {
    jdbc.sql("update staff_alert_setting set digest_sent_on = ? where staff_id = ?")
        .params(Date.valueOf(on), staff)
        .update();
  }

  Optional<Setting> setting(UUID staff) {
    return jdbc.sql("select email, frequency from staff_alert_setting where staff_id = ?")
        .param(staff)
        .query((rs, i) -> new Setting(rs.getString(1), Frequency.valueOf(rs.getString(2))))
        .optional();
  }

  void save(UUID staff, Setting setting, Instant at, LocalDate today) {
    // A new daily choice starts with tomorrow's digest: today's alerts are on the page already.
    int changed =
        jdbc.sql(
                "update staff_alert_setting set email = ?, frequency = ?, updated_at = ?"
                    + " where staff_id = ?")
            .params(setting.email(), setting.frequency().name(), Timestamp.from(at), staff)
            .update();
    if (changed == 0) {
      jdbc.sql(
              "insert into staff_alert_setting"
                  + " (staff_id, email, frequency, digest_sent_on, updated_at)"
                  + " values (?, ?, ?, ?, ?)")
          .params(
              staff,
              setting.email(),
              setting.frequency().name(),
              Date.valueOf(today),
              Timestamp.from(at))
          .update();
    }
  }

  private static Alert alert(ResultSet rs) throws SQLException {
    Timestamp read = rs.getTimestamp(8);
    return new Alert(
        rs.getLong(1),
        rs.getObject(2, UUID.class),
        rs.getObject(3, UUID.class),
        rs.getString(4),
        SlaState.valueOf(rs.getString(5)),
        rs.getTimestamp(6).toInstant(),
        rs.getTimestamp(7).toInstant(),
        read == null ? null : read.toInstant());
  }
}
