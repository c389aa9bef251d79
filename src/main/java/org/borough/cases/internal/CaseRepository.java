// SPDX-License-Identifier: AGPL-3.0-or-later
package org.borough.cases.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.borough.cases.CaseStatus;
import org.borough.cases.CaseView.TimelineEntry;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Repository;

/** The case tables. Queue reads are keyset-paginated on (due_at, id); nothing counts rows. */
@Repository
public class CaseRepository {

  static final String COLUMNS =
      "id, reference, service_code, resident_id, description, address, uprn, latitude,"
          + " longitude, ward_code, priority, status, team_id, officer_id, channel, opened_at,"
          + " first_response_at, resolved_at, closed_at, due_at, sla_risk_at, sla_paused_at,"
          + " sla_breached_at, times_reopened, duplicate_of, updated_at, version";
  static final String ACTIVE = "status in ('NEW', 'OPEN', 'IN_PROGRESS', 'ON_HOLD')";

  private final JdbcClient jdbc;
  private final CaseWordIndex words;

  CaseRepository(JdbcClient jdbc, CaseWordIndex words) {
    this.jdbc = jdbc;
    this.words = words;
  }

  public long nextReferenceNumber() {
    return jdbc.sql("select nextval('case_reference_seq')").query(Long.class).single();
  }

  public Optional<CaseRow> find(UUID id) {
    return jdbc.sql("select " + COLUMNS + " from service_case where id = ?")
        .param(id)
        .query((rs, i) -> row(rs))
        .optional();
  }

  public Optional<CaseRow> findByReference(String reference) {
    return jdbc.sql("select " + COLUMNS + " from service_case where reference = ?")
        .param(reference)
        .query((rs, i) -> row(rs))
        .optional();
  }

  public Optional<UUID> idByReference(String reference) {
    return jdbc.sql("select id from service_case where reference = ?")
        .param(reference)
        .query(UUID.class)
        .optional();
  }

  /** Locks the rows for an all-or-nothing bulk action, in id order to avoid deadlocks. */
  public List<CaseRow> lockAll(List<UUID> ids) {
    if (ids.isEmpty()) {
      return List.of();
    }
    String marks = String.join(",", Collections.nCopies(ids.size(), "?"));
    return jdbc.sql(
            "select "
                + COLUMNS
                + " from service_case where id in ("
                + marks
                + ")"
                + " order by id for update")
        .params(ids.toArray())
        .query((rs, i) -> row(rs))
        .list();
  }

  public void insert(CaseRow c) {
    jdbc.sql(
            "insert into service_case ("
                + COLUMNS
                + ") values"
                + " (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
        .params(values(c))
        .update();
    words.add(c.id(), c.openedAt(), CaseWordIndex.wordsOf(c));
  }

  /** Re-indexes a case whose address changed, so search finds it where it is now. */
  public void rewriteWords(CaseRow c) {
    words.replace(c.id(), c.openedAt(), CaseWordIndex.wordsOf(c));
  }

  /** Saves a changed case if nobody else changed it since it was read. */
  public boolean update(CaseRow c) {
    return jdbc.sql(
                "update service_case set resident_id = ?, service_code = ?, address = ?,"
                    + " uprn = ?, latitude = ?, longitude = ?, ward_code = ?, priority = ?,"
                    + " status = ?, team_id = ?,"
                    + " officer_id = ?, first_response_at = ?, resolved_at = ?, closed_at = ?,"
                    + " due_at = ?, sla_risk_at = ?, sla_paused_at = ?, sla_breached_at = ?,"
                    + " times_reopened = ?, duplicate_of = ?, updated_at = ?,"
                    + " version = version + 1 where id = ? and version = ?")
            .params(
                c.residentId(),
                c.serviceCode(),
                c.address(),
                c.uprn(),
                c.latitude(),
                c.longitude(),
                c.wardCode(),
                c.priority(),
                c.status().name(),
                c.teamId(),
                c.officerId(),
                ts(c.firstResponseAt()),
                ts(c.resolvedAt()),
                ts(c.closedAt()),
                ts(c.dueAt()),
                ts(c.slaRiskAt()),
                ts(c.slaPausedAt()),
                ts(c.slaBreachedAt()),
                c.timesReopened(),
                c.duplicateOf(),
                ts(c.updatedAt()),
                c.id(),
                c.version())
            .update()
        == 1;
  }

  /** Stores a case's answers in one statement (a case has a handful; one round trip, not n). */
  public void insertAnswers(UUID caseId, Map<String, List<String>> answers) {
    List<Object> params = new ArrayList<>();
    StringBuilder rows = new StringBuilder();
    answers.forEach(
        (code, values) -> {
          for (int i = 0; i < values.size(); i++) {
            rows.append(rows.isEmpty() ? "(?, ?, ?, ?)" : ", (?, ?, ?, ?)");
            params.addAll(List.of(caseId, code, i, values.get(i)));
          }
        });
    if (params.isEmpty()) {
      return;
    }
    jdbc.sql(
            "insert into case_attribute (case_id, attribute_code, position, attr_value) values "
                + rows)
        .params(params)
        .update();
  }

  public Map<String, List<String>> answers(UUID caseId) {
    Map<String, List<String>> answers = new LinkedHashMap<>();
    jdbc.sql(
            "select attribute_code, attr_value from case_attribute where case_id = ?"
                + " order by attribute_code, position")
        .param(caseId)
        .query(
            (rs, i) ->
                answers
                    .computeIfAbsent(rs.getString(1), k -> new ArrayList<>())
                    .add(rs.getString(2)))
        .list();
    return answers;
  }

  /** The words of one timeline entry of a kind, if the case has it. */
  public Optional<String> timelineBody(UUID caseId, long entryId, String kind) {
    return jdbc.sql("select body from case_timeline where id = ? and case_id = ? and kind = ?")
        .params(entryId, caseId, kind)
        .query(String.class)
        .optional();
  }

  /** Adds to a case's timeline and answers the entry as written, with its id. */
  public TimelineEntry addTimeline(
      UUID caseId,
      Instant at,
      String actor,
      String kind,
      boolean publicNote,
      CaseStatus from,
      CaseStatus to,
      String body) {
    KeyHolder key = new GeneratedKeyHolder();
    jdbc.sql(
            "insert into case_timeline (case_id, at, actor, kind, public_note, from_status,"
                + " to_status, body) values (?, ?, ?, ?, ?, ?, ?, ?)")
        .params(
            caseId,
            ts(at),
            actor,
            kind,
            publicNote,
            from == null ? null : from.name(),
            to == null ? null : to.name(),
            body)
        .update(key, "id");
    return new TimelineEntry(key.getKey().longValue(), at, actor, kind, publicNote, from, to, body);
  }

  /**
   * Adds a contact line to a case's timeline in one statement, the existence check included; false
   * when there is no such case. A failed foreign key would abort a PostgreSQL transaction instead.
   */
  /** Adds a staff-only line of a kind with no status change; false when there is no such case. */
  public boolean addInternalLine(UUID caseId, Instant at, String actor, String kind, String body) {
    return jdbc.sql(
                "insert into case_timeline (case_id, at, actor, kind, public_note, body)"
                    + " select id, ?, ?, ?, false, ? from service_case where id = ?")
            .params(ts(at), actor, kind, body, caseId)
            .update()
        == 1;
  }

  public List<TimelineEntry> timeline(UUID caseId) {
    return jdbc.sql(
            "select id, at, actor, kind, public_note, from_status, to_status, body"
                + " from case_timeline where case_id = ? order by id desc")
        .param(caseId)
        .query(
            (rs, i) ->
                new TimelineEntry(
                    rs.getLong(1),
                    rs.getTimestamp(2).toInstant(),
                    rs.getString(3),
                    rs.getString(4),
                    rs.getBoolean(5),
                    status(rs.getString(6)),
                    status(rs.getString(7)),
                    rs.getString(8)))
        .list();
  }

  /**
   * A page of active cases for a team or an officer, most urgent first.
   *
   * @param ownerColumn {@code team_id} or {@code officer_id}
   * @param where extra conditions (already safe SQL) and their parameters
   */
  public List<CaseRow> queue(
      String ownerColumn,
      UUID owner,
      String where,
      List<Object> whereParams,
      Instant afterDue,
      UUID afterId,
      int limit) {
    List<Object> params = new ArrayList<>();
    params.add(owner);
    params.addAll(whereParams);
    String keyset = "";
    if (afterDue != null) {
      keyset = " and (due_at, id) > (?, ?)";
      params.add(ts(afterDue));
      params.add(afterId);
    }
    params.add(limit);
    return jdbc.sql(
            "select "
                + COLUMNS
                + " from service_case where "
                + ownerColumn
                + " = ? and "
                + ACTIVE
                + where
                + keyset
                + " order by due_at, id fetch first ? rows only")
        .params(params)
        .query((rs, i) -> row(rs))
        .list();
  }

  /** A resident's cases, newest first. */
  public List<CaseRow> ofResident(UUID residentId, int limit) {
    return jdbc.sql(
            "select "
                + COLUMNS
                + " from service_case where resident_id = ?"
                + " order by opened_at desc fetch first ? rows only")
        .params(residentId, limit)
        .query((rs, i) -> row(rs))
        .list();
  }

  /** Active cases whose clock is running and has passed due without a breach recorded. */
  public List<CaseRow> newlyBreached(Instant now, int limit) {
    return jdbc.sql(
            "select "
                + COLUMNS
                + " from service_case where "
                + ACTIVE
                + " and due_at < ? and sla_paused_at is null and sla_breached_at is null"
                + " order by due_at fetch first ? rows only")
        .params(ts(now), limit)
        .query((rs, i) -> row(rs))
        .list();
  }

  /**
   * Active cases past their warning point, not yet due nor paused, whose warning has not been told:
   * told before the warning point means told for an earlier deadline, since moved later.
   */
  public List<CaseRow> newlyAtRisk(Instant now, int limit) {
    return jdbc.sql(
            "select "
                + COLUMNS
                + " from service_case where "
                + ACTIVE
                + " and sla_risk_at < ? and due_at >= ? and sla_paused_at is null"
                + " and (sla_risk_told_at is null or sla_risk_told_at < sla_risk_at)"
                + " order by sla_risk_at fetch first ? rows only")
        .params(ts(now), ts(now), limit)
        .query((rs, i) -> row(rs))
        .list();
  }

  /** Records that the case's warning was told; 0 when another node told it first. */
  public int markAtRiskTold(UUID id, Instant at) {
    return jdbc.sql(
            "update service_case set sla_risk_told_at = ? where id = ?"
                + " and (sla_risk_told_at is null or sla_risk_told_at < sla_risk_at)")
        .params(ts(at), id)
        .update();
  }

  public int markBreached(UUID id, Instant at) {
    return jdbc.sql(
            "update service_case set sla_breached_at = ? where id = ? and sla_breached_at is null")
        .params(ts(at), id)
        .update();
  }

  public List<UUID> idsOfResident(UUID residentId) {
    return jdbc.sql("select id from service_case where resident_id = ?")
        .param(residentId)
        .query((rs, i) -> rs.getObject(1, UUID.class))
        .list();
  }

  public void moveResident(UUID from, UUID to) {
    jdbc.sql(
            "update service_case set resident_id = ?, version = version + 1"
                + " where resident_id = ?")
        .params(to, from)
        .update();
  }

  public Optional<String> referenceOf(UUID id) {
    return jdbc.sql("select reference from service_case where id = ?")
        .param(id)
        .query(String.class)
        .optional();
  }

  // --- followers ----------------------------------------------------------------------------

  /** The residents following a case, in the order they started. */
  public List<UUID> followers(UUID caseId) {
    return jdbc.sql(
            "select resident_id from case_follower where case_id = ? order by followed_at,"
                + " resident_id")
        .param(caseId)
        .query((rs, i) -> rs.getObject(1, UUID.class))
        .list();
  }

  /** Adds a follower unless they already follow; true when added. */
  public boolean addFollower(UUID caseId, UUID residentId, Instant at) {
    return jdbc.sql(
                "insert into case_follower (case_id, resident_id, followed_at) select ?, ?, ?"
                    + " where not exists (select 1 from case_follower where case_id = ? and"
                    + " resident_id = ?)")
            .params(caseId, residentId, ts(at), caseId, residentId)
            .update()
        == 1;
  }

  // --- proof of a resident's link (ReporterProof) --------------------------------------------

  /** The case's reporter was named by details anyone could type. */
  public void markReporterUnproven(UUID caseId) {
    jdbc.sql("update service_case set reporter_unproven = true where id = ?")
        .param(caseId)
        .update();
  }

  /** The resident's follow of the case was asked for by details anyone could type. */
  public void markFollowUnproven(UUID caseId, UUID residentId) {
    jdbc.sql("update case_follower set unproven = true where case_id = ? and resident_id = ?")
        .params(caseId, residentId)
        .update();
  }

  /** Proves the residents' links to the case; how many links were unproven before. */
  public int proveLinks(UUID caseId, List<UUID> residents) {
    if (residents.isEmpty()) {
      return 0;
    }
    String marks = String.join(",", Collections.nCopies(residents.size(), "?"));
    List<Object> params = new ArrayList<>();
    params.add(caseId);
    params.addAll(residents);
    return jdbc.sql(
                "update service_case set reporter_unproven = false where id = ? and"
                    + " reporter_unproven and resident_id in ("
                    + marks
                    + ")")
            .params(params)
            .update()
        + jdbc.sql(
                "update case_follower set unproven = false where case_id = ? and unproven and"
                    + " resident_id in ("
                    + marks
                    + ")")
            .params(params)
            .update();
  }

  /** Whether any of the residents reported or follows the case by a proven link. */
  public boolean provenLink(UUID caseId, List<UUID> residents) {
    if (residents.isEmpty()) {
      return false;
    }
    String marks = String.join(",", Collections.nCopies(residents.size(), "?"));
    List<Object> params = new ArrayList<>();
    params.add(caseId);
    params.addAll(residents);
    params.add(caseId);
    params.addAll(residents);
    return jdbc
        .sql(
            "select count(*) from service_case where id = ? and not reporter_unproven and"
                + " resident_id in ("
                + marks
                + ") union all select count(*) from case_follower where case_id = ? and not"
                + " unproven and resident_id in ("
                + marks
                + ")")
        .params(params)
        .query(Long.class)
        .list()
        .stream()
        .anyMatch(n -> n > 0);
  }

  /**
   * Takes every trace of the reporter out of a case and keeps what statistics need (service, ward,
   * team, times, status): the reporter, the description, the address and UPRN, the answers to the
   * service's questions and the words of every timeline entry go; the point is kept to about 100
   * metres, enough for a ward and a hot-spot map, too coarse for a front door.
   */
  public void anonymise(UUID caseId, String description, Instant at) {
    jdbc.sql(
            """
            update service_case set resident_id = null, reporter_unproven = false,
              description = ?, address = null, uprn = null,
              latitude = round(latitude, 3), longitude = round(longitude, 3),
              anonymised_at = ?, updated_at = ?, version = version + 1
            where id = ?""")
        .params(description, ts(at), ts(at), caseId)
        .update();
    jdbc.sql("delete from case_attribute where case_id = ?").param(caseId).update();
    jdbc.sql("update case_timeline set body = '[erased]' where case_id = ? and body is not null")
        .param(caseId)
        .update();
    // The old words were the reporter's: only the reference and the new description (the address
    // is gone) stay findable.
    find(caseId).ifPresent(c -> words.replace(caseId, c.openedAt(), CaseWordIndex.wordsOf(c)));
  }

  /** A case the retention schedule may take: finished, not yet anonymised. */
  public record Finished(UUID id, String reference, UUID residentId) {}

  /**
   * Finished cases of a service (closed, cancelled or duplicate) whose personal data is still there
   * and that finished before {@code cutoff}: closed before it, or, never closed, last changed
   * before it. At most {@code limit}, oldest first.
   */
  public List<Finished> finishedBefore(String serviceCode, Instant cutoff, int limit) {
    return jdbc.sql(
            """
            select id, reference, resident_id from service_case
            where service_code = ? and anonymised_at is null
              and (status = 'CLOSED' and closed_at < ?
                or status in ('CANCELLED', 'DUPLICATE') and updated_at < ?)
            order by coalesce(closed_at, updated_at), id fetch first ? rows only""")
        .params(serviceCode, ts(cutoff), ts(cutoff), limit)
        .query(
            (rs, i) ->
                new Finished(
                    rs.getObject(1, UUID.class), rs.getString(2), rs.getObject(3, UUID.class)))
        .list();
  }

  /** How many cases {@link #finishedBefore} would find without a limit. */
  public long countFinishedBefore(String serviceCode, Instant cutoff) {
    return jdbc.sql(
            """
            select count(*) from service_case
            where service_code = ? and anonymised_at is null
              and (status = 'CLOSED' and closed_at < ?
                or status in ('CANCELLED', 'DUPLICATE') and updated_at < ?)""")
        .params(serviceCode, ts(cutoff), ts(cutoff))
        .query(Long.class)
        .single();
  }

  /** The resident no longer follows any case. */
  public void deleteFollows(UUID residentId) {
    jdbc.sql("delete from case_follower where resident_id = ?").param(residentId).update();
  }

  /** A merged resident's follows move to the kept record (dropping any it already had). */
  public void moveFollowers(UUID from, UUID to) {
    jdbc.sql(
            "delete from case_follower f where f.resident_id = ? and exists (select 1 from"
                + " case_follower k where k.case_id = f.case_id and k.resident_id = ?)")
        .params(from, to)
        .update();
    jdbc.sql("update case_follower set resident_id = ? where resident_id = ?")
        .params(to, from)
        .update();
  }

  // --- feeds (Open311, portal): many cases at once, public columns only ----------------------

  /**
   * A case row for a feed, with its latest public note (for its reporter) and its latest published
   * note: a public note written with a status change, the only kind meant for the world.
   */
  public record FeedRow(
      String reference,
      String serviceCode,
      CaseStatus status,
      String channel,
      String description,
      String address,
      Long uprn,
      java.math.BigDecimal latitude,
      java.math.BigDecimal longitude,
      UUID teamId,
      Instant openedAt,
      Instant updatedAt,
      Instant dueAt,
      String latestPublicNote,
      String latestPublishedNote) {}

  private static final String FEED_COLUMNS =
      "c.reference, c.service_code, c.status, c.channel, c.description, c.address, c.uprn,"
          + " c.latitude, c.longitude, c.team_id, c.opened_at, c.updated_at, c.due_at,"
          + " (select t.body from case_timeline t where t.case_id = c.id and t.public_note"
          + " and t.kind <> 'CREATED' and t.body is not null order by t.id desc"
          + " fetch first 1 row only),"
          + " (select t.body from case_timeline t where t.case_id = c.id and t.public_note"
          + " and t.kind = 'STATUS' and t.body is not null order by t.id desc"
          + " fetch first 1 row only)";

  public List<FeedRow> feedByReference(List<String> references, int limit) {
    if (references.isEmpty() || limit == 0) {
      return List.of();
    }
    String marks = String.join(",", Collections.nCopies(references.size(), "?"));
    List<Object> params = new ArrayList<>(references);
    params.add(limit);
    return jdbc.sql(
            "select "
                + FEED_COLUMNS
                + " from service_case c where c.reference in ("
                + marks
                + ") order by c.opened_at desc, c.id fetch first ? rows only")
        .params(params)
        .query((rs, i) -> feedRow(rs))
        .list();
  }

  /** Cases opened in a window, newest first; empty lists mean any service or status. */
  public List<FeedRow> feed(
      List<String> serviceCodes,
      Instant from,
      Instant to,
      List<CaseStatus> statuses,
      int offset,
      int limit) {
    if (limit == 0) {
      return List.of();
    }
    StringBuilder where = new StringBuilder(" where c.opened_at >= ? and c.opened_at <= ?");
    List<Object> params = new ArrayList<>(List.of(ts(from), ts(to)));
    if (!serviceCodes.isEmpty()) {
      where.append(" and c.service_code in (");
      where.append(String.join(",", Collections.nCopies(serviceCodes.size(), "?"))).append(")");
      params.addAll(serviceCodes);
    }
    if (!statuses.isEmpty()) {
      where.append(" and c.status in (");
      where.append(String.join(",", Collections.nCopies(statuses.size(), "?"))).append(")");
      statuses.forEach(s -> params.add(s.name()));
    }
    params.add(offset);
    params.add(limit);
    return jdbc.sql(
            "select "
                + FEED_COLUMNS
                + " from service_case c"
                + where
                + " order by c.opened_at desc, c.id offset ? rows fetch next ? rows only")
        .params(params)
        .query((rs, i) -> feedRow(rs))
        .list();
  }

  /** Cases of these services in one ward, newest first. */
  public List<FeedRow> feedInWard(
      List<String> serviceCodes, String wardCode, int offset, int limit) {
    if (limit == 0 || serviceCodes.isEmpty()) {
      return List.of();
    }
    List<Object> params = new ArrayList<>(List.of(wardCode));
    params.addAll(serviceCodes);
    params.add(offset);
    params.add(limit);
    return jdbc.sql(
            "select "
                + FEED_COLUMNS
                + " from service_case c where c.ward_code = ? and c.service_code in ("
                + String.join(",", Collections.nCopies(serviceCodes.size(), "?"))
                + ") order by c.opened_at desc, c.id offset ? rows fetch next ? rows only")
        .params(params)
        .query((rs, i) -> feedRow(rs))
        .list();
  }

  /**
   * Cases that any of these residents reported or follows by a proven link, newest first, each with
   * whether one of them reported it. Found through the two resident indexes, never a scan of every
   * case.
   */
  public List<Map.Entry<FeedRow, Boolean>> ofResidents(
      List<UUID> residents, int offset, int limit) {
    if (residents.isEmpty() || limit == 0) {
      return List.of();
    }
    String marks = String.join(",", Collections.nCopies(residents.size(), "?"));
    List<Object> params = new ArrayList<>(residents);
    params.addAll(residents);
    params.addAll(residents);
    params.add(offset);
    params.add(limit);
    return jdbc.sql(
            "select "
                + FEED_COLUMNS
                + ", case when not c.reporter_unproven and c.resident_id in ("
                + marks
                + ") then 1 else 0 end from service_case c where c.id in (select s.id from"
                + " service_case s where not s.reporter_unproven and s.resident_id in ("
                + marks
                + ") union select f.case_id from case_follower f where not f.unproven and"
                + " f.resident_id in ("
                + marks
                + ")) order by c.opened_at desc, c.id offset ? rows fetch next ? rows only")
        .params(params)
        .query((rs, i) -> Map.entry(feedRow(rs), rs.getInt(16) == 1))
        .list();
  }

  /**
   * Active cases of a service opened since {@code from} that may be the same problem: inside a box
   * around a point, at a UPRN, or at the same address (case-insensitive). Null criteria are
   * skipped; with none, nothing matches. The caller measures the real distance.
   */
  public List<FeedRow> possibleDuplicates(
      String serviceCode,
      Instant from,
      java.math.BigDecimal[] box,
      Long uprn,
      String address,
      int limit) {
    List<String> any = new ArrayList<>();
    List<Object> params = new ArrayList<>(List.of(serviceCode, ts(from)));
    if (box != null) {
      any.add("(c.latitude between ? and ? and c.longitude between ? and ?)");
      params.addAll(List.of(box[0], box[1], box[2], box[3]));
    }
    if (uprn != null) {
      any.add("c.uprn = ?");
      params.add(uprn);
    }
    if (address != null && !address.isBlank()) {
      any.add("lower(c.address) = ?");
      params.add(address.trim().toLowerCase(java.util.Locale.ROOT));
    }
    if (any.isEmpty() || limit == 0) {
      return List.of();
    }
    params.add(limit);
    return jdbc.sql(
            "select "
                + FEED_COLUMNS
                + " from service_case c where c.service_code = ? and c.opened_at >= ? and c."
                + ACTIVE
                + " and ("
                + String.join(" or ", any)
                + ") order by c.opened_at desc, c.id fetch first ? rows only")
        .params(params)
        .query((rs, i) -> feedRow(rs))
        .list();
  }

  /**
   * Status changes of cases of these services in a window, oldest first, each with its note when
   * the note was public (a note without a status change is never published).
   */
  public List<org.borough.cases.PublicUpdate> feedUpdates(
      List<String> serviceCodes, Instant from, Instant to, int limit) {
    if (limit == 0 || serviceCodes.isEmpty()) {
      return List.of();
    }
    List<Object> params = new ArrayList<>(List.of(ts(from), ts(to)));
    params.addAll(serviceCodes);
    params.add(limit);
    return jdbc.sql(
            "select t.id, c.reference, t.at, t.public_note, t.body, t.to_status"
                + " from case_timeline t join service_case c on c.id = t.case_id"
                + " where t.at >= ? and t.at <= ? and t.kind = 'STATUS' and c.service_code in ("
                + String.join(",", Collections.nCopies(serviceCodes.size(), "?"))
                + ") order by t.at, t.id fetch first ? rows only")
        .params(params)
        .query(
            (rs, i) ->
                new org.borough.cases.PublicUpdate(
                    rs.getLong(1),
                    rs.getString(2),
                    rs.getTimestamp(3).toInstant(),
                    CaseStatus.valueOf(rs.getString(6)),
                    rs.getBoolean(4) ? rs.getString(5) : null))
        .list();
  }

  private static FeedRow feedRow(ResultSet rs) throws SQLException {
    return new FeedRow(
        rs.getString(1),
        rs.getString(2),
        CaseStatus.valueOf(rs.getString(3)),
        rs.getString(4),
        rs.getString(5),
        rs.getString(6),
        rs.getObject(7) == null ? null : rs.getLong(7),
        rs.getBigDecimal(8),
        rs.getBigDecimal(9),
        rs.getObject(10, UUID.class),
        instant(rs, 11),
        instant(rs, 12),
        instant(rs, 13),
        rs.getString(14),
        rs.getString(15));
  }

  private static CaseStatus status(String s) {
    return s == null ? null : CaseStatus.valueOf(s);
  }

  static Timestamp ts(Instant i) {
    return i == null ? null : Timestamp.from(i);
  }

  private static Instant instant(ResultSet rs, int col) throws SQLException {
    Timestamp t = rs.getTimestamp(col);
    return t == null ? null : t.toInstant();
  }

  private static Object[] values(CaseRow c) {
    return new Object[] {
      c.id(),
      c.reference(),
      c.serviceCode(),
      c.residentId(),
      c.description(),
      c.address(),
      c.uprn(),
      c.latitude(),
      c.longitude(),
      c.wardCode(),
      c.priority(),
      c.status().name(),
      c.teamId(),
      c.officerId(),
      c.channel(),
      ts(c.openedAt()),
      ts(c.firstResponseAt()),
      ts(c.resolvedAt()),
      ts(c.closedAt()),
      ts(c.dueAt()),
      ts(c.slaRiskAt()),
      ts(c.slaPausedAt()),
      ts(c.slaBreachedAt()),
      c.timesReopened(),
      c.duplicateOf(),
      ts(c.updatedAt()),
      c.version()
    };
  }

  static CaseRow row(ResultSet rs) throws SQLException {
    return new CaseRow(
        rs.getObject(1, UUID.class),
        rs.getString(2),
        rs.getString(3),
        rs.getObject(4, UUID.class),
        rs.getString(5),
        rs.getString(6),
        rs.getObject(7) == null ? null : rs.getLong(7),
        rs.getBigDecimal(8),
        rs.getBigDecimal(9),
        rs.getString(10),
        rs.getString(11),
        CaseStatus.valueOf(rs.getString(12)),
        rs.getObject(13, UUID.class),
        rs.getObject(14, UUID.class),
        rs.getString(15),
        instant(rs, 16),
        instant(rs, 17),
        instant(rs, 18),
        instant(rs, 19),
        instant(rs, 20),
        instant(rs, 21),
        instant(rs, 22),
        instant(rs, 23),
        rs.getInt(24),
        rs.getObject(25, UUID.class),
        instant(rs, 26),
        rs.getInt(27));
  }
}
