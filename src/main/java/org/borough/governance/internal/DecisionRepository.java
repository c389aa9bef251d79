// SPDX-License-Identifier: AGPL-3.0-or-later
package org.borough.governance.internal;

import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.borough.governance.CallIn;
import org.borough.governance.CallInOutcome;
import org.borough.governance.DecisionDetails;
import org.borough.governance.DecisionDocument;
import org.borough.governance.DecisionId;
import org.borough.governance.DecisionIssue;
import org.borough.governance.DecisionItem;
import org.borough.governance.DecisionMaker;
import org.borough.governance.DecisionQuery;
import org.borough.governance.DecisionRef;
import org.borough.governance.DecisionStatus;
import org.borough.governance.DecisionSummary;
import org.borough.governance.DecisionVerb;
import org.borough.governance.DecisionVersion;
import org.borough.governance.DeclaredInterest;
import org.borough.governance.ExemptParagraph;
import org.borough.governance.Exemption;
import org.borough.governance.InterestKind;
import org.borough.governance.KeyDecisionNotice;
import org.borough.governance.RejectedOption;
import org.borough.system.EditVersions;
import org.borough.system.LikePatterns;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.databind.json.JsonMapper;

/**
 * Decisions, their issues and their numbered parts. The current text is held in columns and child
 * rows (so items and amounts can be queried); each published version is kept whole as JSON.
 */
@Repository
public class DecisionRepository {

  private static final String COLUMNS =
      "d.id, d.issue_id, d.status, d.version, d.maker_kind, d.maker_name, d.meeting_date,"
          + " d.introduced_by, d.decision_date, d.publication_date, d.call_in_deadline,"
          + " d.subject_to_call_in, d.key_decision, d.forward_plan_published,"
          + " d.general_exception_notice, d.scrutiny_chair_informed, d.urgency_agreed_by,"
          + " d.urgency_agreed_on, d.purpose, d.reasons, d.declarations, d.recorded_at,"
          + " d.updated_at, d.superseded_by, d.edit_version, i.title, i.summary,"
          + " d.exempt_extent, d.exempt_paragraph, d.exempt_part";

  private static final String REF =
      "select d.id, i.title, d.decision_date from decision d"
          + " join decision_issue i on i.id = d.issue_id";

  private final JdbcClient jdbc;
  private final JsonMapper json;

  DecisionRepository(JdbcClient jdbc, JsonMapper json) {
    this.jdbc = jdbc;
    this.json = json;
  }

  public void insert(
      UUID id,
      DecisionStatus status,
      int version,
      DecisionDetails d,
      LocalDate callInDeadline,
      Instant now,
      String who) {
    UUID issueId = UUID.randomUUID();
    jdbc.sql("insert into decision_issue (id, title, summary) values (?, ?, ?)")
        .params(issueId, d.issue().title(), d.issue().summary())
        .update();
    jdbc.sql(
            """
            insert into decision (id, issue_id, status, version, maker_kind, maker_name,
              meeting_date, introduced_by, decision_date, publication_date, call_in_deadline,
              subject_to_call_in, key_decision, forward_plan_published, general_exception_notice,
              scrutiny_chair_informed, urgency_agreed_by, urgency_agreed_on, purpose, reasons,
              declarations, search_text, exempt_extent, exempt_paragraph, exempt_part,
              recorded_at, recorded_by, updated_at)
            values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?,
              ?)""")
        .params(
            concat(
                List.of(id, issueId),
                text(status, version, d, callInDeadline),
                List.of(Timestamp.from(now), who, Timestamp.from(now))))
        .update();
    insertParts(id, issueId, d);
  }

  /** The decision's columns from status to search text, in the order both statements name them. */
  private static List<Object> text(
      DecisionStatus status, int version, DecisionDetails d, LocalDate callInDeadline) {
    Exemption e = d.exemption();
    return Arrays.asList(
        status.name(),
        version,
        d.decisionMaker().kind().name(),
        d.decisionMaker().name(),
        date(d.meetingDate()),
        d.introducedBy(),
        date(d.decisionDate()),
        date(d.publicationDate()),
        date(callInDeadline),
        d.subjectToCallIn(),
        d.keyDecision(),
        date(d.keyDecisionNotice().forwardPlanPublished()),
        date(d.keyDecisionNotice().generalExceptionNotice()),
        date(d.keyDecisionNotice().scrutinyChairInformed()),
        d.keyDecisionNotice().specialUrgencyAgreedBy(),
        date(d.keyDecisionNotice().specialUrgencyAgreedOn()),
        d.purpose(),
        d.reasons(),
        d.declarations(),
        searchText(d),
        e == null ? null : e.extent().name(),
        e == null || e.paragraph() == null ? null : e.paragraph().number(),
        e == null ? null : e.exemptPart());
  }

  private static List<Object> concat(List<?> before, List<Object> middle, List<?> after) {
    List<Object> all = new ArrayList<>(before);
    all.addAll(middle);
    all.addAll(after);
    return all;
  }

  /** Replaces a decision's text and state with {@code d}. */
  public void replace(
      UUID id,
      UUID issueId,
      DecisionStatus status,
      int version,
      DecisionDetails d,
      LocalDate callInDeadline,
      Instant now) {
    jdbc.sql("update decision_issue set title = ?, summary = ? where id = ?")
        .params(d.issue().title(), d.issue().summary(), issueId)
        .update();
    jdbc.sql(
            """
            update decision set status = ?, version = ?, maker_kind = ?, maker_name = ?,
              meeting_date = ?, introduced_by = ?, decision_date = ?, publication_date = ?,
              call_in_deadline = ?, subject_to_call_in = ?, key_decision = ?,
              forward_plan_published = ?, general_exception_notice = ?,
              scrutiny_chair_informed = ?, urgency_agreed_by = ?, urgency_agreed_on = ?,
              purpose = ?, reasons = ?, declarations = ?, search_text = ?, exempt_extent = ?,
              exempt_paragraph = ?, exempt_part = ?, updated_at = ?
            where id = ?""")
        .params(
            concat(
                List.of(),
                text(status, version, d, callInDeadline),
                List.of(Timestamp.from(now), id)))
        .update();
    for (String table :
        List.of(
            "decision_member",
            "decision_item",
            "decision_option",
            "decision_interest",
            "decision_document")) {
      jdbc.sql("delete from " + table + " where decision_id = ?").param(id).update();
    }
    jdbc.sql("delete from decision_issue_ward where issue_id = ?").param(issueId).update();
    insertParts(id, issueId, d);
  }

  /**
   * Locks a decision's row until the transaction ends, so that budget lines given money by its
   * items are recorded one after another and cannot together exceed an item's amount.
   */
  public void lock(UUID id) {
    jdbc.sql("select id from decision where id = ? for update").param(id).query(UUID.class).list();
  }

  /** Records a forward-plan notice's date on a draft that has none yet. */
  public boolean noteForwardPlanNotice(UUID id, LocalDate publishedOn, Instant now) {
    return jdbc.sql(
                "update decision set forward_plan_published = ?, updated_at = ?,"
                    + " edit_version = edit_version + 1 where id = ?"
                    + " and status = 'DRAFT' and forward_plan_published is null")
            .params(date(publishedOn), Timestamp.from(now), id)
            .update()
        == 1;
  }

  /** Marks {@code id} superseded by {@code later}. */
  public void supersede(UUID id, UUID later, Instant now) {
    jdbc.sql(
            "update decision set status = 'SUPERSEDED', superseded_by = ?, updated_at = ?"
                + " where id = ?")
        .params(later, Timestamp.from(now), id)
        .update();
  }

  /** A decision as a link: its id, title and date. */
  public Optional<DecisionRef> ref(UUID id) {
    return jdbc.sql(REF + " where d.id = ?").param(id).query(DecisionRepository::ref).optional();
  }

  private static DecisionRef ref(ResultSet rs, int n) throws SQLException {
    return new DecisionRef(
        new DecisionId(rs.getObject(1, UUID.class)), rs.getString(2), localDate(rs.getDate(3)));
  }

  /** The decisions {@code id} superseded, oldest first. */
  public List<DecisionRef> supersededBy(UUID id) {
    return jdbc.sql(REF + " where d.superseded_by = ? order by d.decision_date, d.id")
        .param(id)
        .query(DecisionRepository::ref)
        .list();
  }

  public void setStatus(UUID id, DecisionStatus status, Instant now) {
    jdbc.sql("update decision set status = ?, updated_at = ? where id = ?")
        .params(status.name(), Timestamp.from(now), id)
        .update();
  }

  private void insertParts(UUID id, UUID issueId, DecisionDetails d) {
    for (String ward : d.issue().wards()) {
      jdbc.sql("insert into decision_issue_ward (issue_id, ward_code) values (?, ?)")
          .params(issueId, ward)
          .update();
    }
    int position = 0;
    for (String member : d.decisionMaker().members()) {
      jdbc.sql("insert into decision_member (decision_id, position, name) values (?, ?, ?)")
          .params(id, ++position, member)
          .update();
    }
    for (DecisionItem i : d.items()) {
      jdbc.sql(
              """
              insert into decision_item (decision_id, number, verb, body, amount_pence,
                financial_year, funding_source, referred_to, referral_date)
              values (?, ?, ?, ?, ?, ?, ?, ?, ?)""")
          .params(
              id,
              i.number(),
              i.verb().name(),
              i.text(),
              i.amountPence(),
              i.financialYear(),
              i.fundingSource(),
              i.referredTo(),
              date(i.referralDate()))
          .update();
    }
    for (RejectedOption o : d.alternativeOptions()) {
      jdbc.sql(
              "insert into decision_option (decision_id, number, title, why_rejected)"
                  + " values (?, ?, ?, ?)")
          .params(id, o.number(), o.option(), o.whyRejected())
          .update();
    }
    position = 0;
    for (DeclaredInterest x : d.interests()) {
      jdbc.sql(
              "insert into decision_interest (decision_id, position, member, kind, interest,"
                  + " dispensation_by, dispensation_on) values (?, ?, ?, ?, ?, ?, ?)")
          .params(
              id,
              ++position,
              x.member(),
              x.kind().name(),
              x.interest(),
              x.dispensationBy(),
              date(x.dispensationOn()))
          .update();
    }
    position = 0;
    for (DecisionDocument doc : d.documents()) {
      jdbc.sql(
              "insert into decision_document (decision_id, position, title, url,"
                  + " exempt_paragraph) values (?, ?, ?, ?, ?)")
          .params(
              id,
              ++position,
              doc.title(),
              doc.url(),
              doc.exempt() ? doc.exemptParagraph().number() : null)
          .update();
    }
  }

  public Optional<StoredDecision> find(UUID id) {
    return jdbc.sql(
            "select "
                + COLUMNS
                + " from decision d join decision_issue i on i.id = d.issue_id where d.id = ?")
        .param(id)
        .query((rs, n) -> row(rs))
        .optional();
  }

  private static final String ITEMS =
      "select decision_id, number, verb, body, amount_pence, financial_year, funding_source,"
          + " referred_to, referral_date from decision_item";

  private static DecisionItem item(ResultSet r) throws SQLException {
    return new DecisionItem(
        r.getInt("number"),
        DecisionVerb.valueOf(r.getString("verb")),
        r.getString("body"),
        r.getObject("amount_pence", Long.class),
        r.getString("financial_year"),
        r.getString("funding_source"),
        r.getString("referred_to"),
        localDate(r.getDate("referral_date")));
  }

  /** The items of several decisions in one query, by decision, each in number order. */
  public Map<UUID, List<DecisionItem>> itemsOf(Collection<UUID> decisions) {
    Map<UUID, List<DecisionItem>> out = new HashMap<>();
    if (decisions.isEmpty()) {
      return out;
    }
    jdbc.sql(ITEMS + " where decision_id in (:ids) order by decision_id, number")
        .param("ids", decisions)
        .query(
            (RowCallbackHandler)
                r ->
                    out.computeIfAbsent(
                            r.getObject("decision_id", UUID.class), d -> new ArrayList<>())
                        .add(item(r)));
    return out;
  }

  private StoredDecision row(ResultSet rs) throws SQLException {
    UUID id = rs.getObject("id", UUID.class);
    UUID issueId = rs.getObject("issue_id", UUID.class);
    List<String> wards =
        jdbc.sql("select ward_code from decision_issue_ward where issue_id = ? order by ward_code")
            .param(issueId)
            .query(String.class)
            .list();
    List<String> members =
        jdbc.sql("select name from decision_member where decision_id = ? order by position")
            .param(id)
            .query(String.class)
            .list();
    List<DecisionItem> items =
        jdbc.sql(ITEMS + " where decision_id = ? order by number")
            .param(id)
            .query((r, n) -> item(r))
            .list();
    List<RejectedOption> options =
        jdbc.sql(
                "select number, title, why_rejected from decision_option where decision_id = ?"
                    + " order by number")
            .param(id)
            .query((r, n) -> new RejectedOption(r.getInt(1), r.getString(2), r.getString(3)))
            .list();
    List<DeclaredInterest> interests =
        jdbc.sql(
                "select member, kind, interest, dispensation_by, dispensation_on"
                    + " from decision_interest where decision_id = ? order by position")
            .param(id)
            .query(
                (r, n) ->
                    new DeclaredInterest(
                        r.getString(1),
                        InterestKind.valueOf(r.getString(2)),
                        r.getString(3),
                        r.getString(4),
                        localDate(r.getDate(5))))
            .list();
    List<DecisionDocument> documents =
        jdbc.sql(
                "select title, url, exempt_paragraph from decision_document"
                    + " where decision_id = ? order by position")
            .param(id)
            .query(
                (r, n) ->
                    new DecisionDocument(
                        r.getString(1),
                        r.getString(2),
                        ExemptParagraph.of(r.getObject(3, Integer.class))))
            .list();
    CallIn callIn =
        jdbc.sql(
                "select called_in_on, called_in_by, reason from decision_call_in"
                    + " where decision_id = ?")
            .param(id)
            .query((r, n) -> new CallIn(localDate(r.getDate(1)), r.getString(2), r.getString(3)))
            .optional()
            .orElse(null);
    DecisionDetails details =
        new DecisionDetails(
            new DecisionIssue(rs.getString("title"), rs.getString("summary"), wards),
            new DecisionMaker(
                DecisionMaker.Kind.valueOf(rs.getString("maker_kind")),
                rs.getString("maker_name"),
                members),
            localDate(rs.getDate("meeting_date")),
            rs.getString("introduced_by"),
            localDate(rs.getDate("decision_date")),
            localDate(rs.getDate("publication_date")),
            rs.getBoolean("key_decision"),
            rs.getBoolean("subject_to_call_in"),
            new KeyDecisionNotice(
                localDate(rs.getDate("forward_plan_published")),
                localDate(rs.getDate("general_exception_notice")),
                localDate(rs.getDate("scrutiny_chair_informed")),
                rs.getString("urgency_agreed_by"),
                localDate(rs.getDate("urgency_agreed_on"))),
            rs.getString("purpose"),
            items,
            rs.getString("reasons"),
            options,
            rs.getString("declarations"),
            interests,
            documents,
            exemption(rs));
    return new StoredDecision(
        id,
        issueId,
        DecisionStatus.valueOf(rs.getString("status")),
        rs.getInt("version"),
        details,
        localDate(rs.getDate("call_in_deadline")),
        callIn,
        rs.getTimestamp("recorded_at").toInstant(),
        rs.getTimestamp("updated_at").toInstant(),
        rs.getObject("superseded_by", UUID.class),
        rs.getInt("edit_version"));
  }

  /**
   * Raises a decision's edit version from the one a change was made to, locking its row until the
   * change commits.
   *
   * @throws org.borough.system.StaleEditException when it is at another version now
   */
  public void raiseEditVersion(UUID id, int expected, String what) {
    EditVersions.raise(jdbc, "decision", "id", "edit_version", id, expected, what);
  }

  /**
   * Decisions matching {@code q}, newest decision first. Drafts only when {@code withDrafts}. The
   * status returned is the stored one; the caller works out "implementable".
   */
  public List<StoredSummary> search(DecisionQuery q, boolean withDrafts) {
    StringBuilder sql =
        new StringBuilder(
            """
            select d.id, i.title, d.maker_name, d.decision_date, d.publication_date, d.status,
              d.key_decision, d.version, d.subject_to_call_in, d.call_in_deadline
            from decision d join decision_issue i on i.id = d.issue_id where 1 = 1""");
    List<Object> params = new ArrayList<>();
    if (!withDrafts) {
      sql.append(" and d.status <> 'DRAFT'");
    }
    if (q.from() != null) {
      sql.append(" and d.decision_date >= ?");
      params.add(date(q.from()));
    }
    if (q.to() != null) {
      sql.append(" and d.decision_date <= ?");
      params.add(date(q.to()));
    }
    if (q.decisionMaker() != null && !q.decisionMaker().isBlank()) {
      sql.append(" and lower(d.maker_name) = ?");
      params.add(q.decisionMaker().trim().toLowerCase(Locale.ROOT));
    }
    if (q.keyOnly()) {
      sql.append(" and d.key_decision = true");
    }
    if (q.ward() != null && !q.ward().isBlank()) {
      sql.append(
          " and exists (select 1 from decision_issue_ward w where w.issue_id = d.issue_id"
              + " and w.ward_code = ?)");
      params.add(q.ward().trim());
    }
    if (q.text() != null && !q.text().isBlank()) {
      for (String word : q.text().trim().toLowerCase(Locale.ROOT).split("\\s+")) {
        sql.append(" and d.search_text like ? escape '\\'");
        params.add("%" + LikePatterns.literal(word) + "%");
      }
    }
    sql.append(" order by d.decision_date desc, d.recorded_at desc, d.id");
    sql.append(" offset ? rows fetch first ? rows only");
    params.add(q.offset());
    params.add(q.limit());
    return jdbc.sql(sql.toString())
        .params(params)
        .query(
            (rs, n) ->
                new StoredSummary(
                    new DecisionSummary(
                        new DecisionId(rs.getObject(1, UUID.class)),
                        rs.getString(2),
                        rs.getString(3),
                        localDate(rs.getDate(4)),
                        localDate(rs.getDate(5)),
                        DecisionStatus.valueOf(rs.getString(6)),
                        rs.getBoolean(7),
                        rs.getInt(8)),
                    rs.getBoolean(9),
                    localDate(rs.getDate(10))))
        .list();
  }

  /** A summary with what is needed to work out its status today. */
  public record StoredSummary(
      DecisionSummary summary, boolean subjectToCallIn, LocalDate callInDeadline) {}

  /** The names of bodies and people who have published decisions, for the list's filter. */
  public List<String> decisionMakers() {
    return jdbc.sql(
            "select distinct maker_name from decision where status <> 'DRAFT' order by maker_name")
        .query(String.class)
        .list();
  }

  public long count() {
    return jdbc.sql("select count(*) from decision").query(Long.class).single();
  }

  public void insertVersion(
      UUID id, int version, Instant at, String who, String reason, DecisionDetails d) {
    jdbc.sql(
            "insert into decision_version (decision_id, version, recorded_at, recorded_by, reason,"
                + " content) values (?, ?, ?, ?, ?, ?)")
        .params(id, version, Timestamp.from(at), who, reason, json.writeValueAsString(d))
        .update();
  }

  public List<DecisionVersion> versions(UUID id) {
    return jdbc.sql(
            "select version, recorded_at, recorded_by, reason from decision_version"
                + " where decision_id = ? order by version")
        .param(id)
        .query(
            (rs, n) ->
                new DecisionVersion(
                    rs.getInt(1), rs.getTimestamp(2).toInstant(), rs.getString(3), rs.getString(4)))
        .list();
  }

  public Optional<DecisionDetails> snapshot(UUID id, int version) {
    return jdbc.sql("select content from decision_version where decision_id = ? and version = ?")
        .params(id, version)
        .query(String.class)
        .optional()
        .map(s -> json.readValue(s, DecisionDetails.class));
  }

  public void insertCallIn(UUID id, CallIn callIn, Instant at, String who) {
    jdbc.sql(
            "insert into decision_call_in (decision_id, called_in_on, called_in_by, reason,"
                + " recorded_at, recorded_by) values (?, ?, ?, ?, ?, ?)")
        .params(
            id,
            date(callIn.calledInOn()),
            callIn.calledInBy(),
            callIn.reason(),
            Timestamp.from(at),
            who)
        .update();
  }

  /** Adds an outcome after the call-in's others. */
  public void insertCallInOutcome(UUID id, CallInOutcome outcome, Instant at, String who) {
    jdbc.sql(
            "insert into decision_call_in_outcome (decision_id, position, outcome, decided_on,"
                + " decided_by, notes, recorded_at, recorded_by) select ?, coalesce(max(position),"
                + " 0) + 1, ?, ?, ?, ?, ?, ? from decision_call_in_outcome where decision_id = ?")
        .params(
            id,
            outcome.outcome().name(),
            date(outcome.decidedOn()),
            outcome.decidedBy(),
            outcome.notes(),
            Timestamp.from(at),
            who,
            id)
        .update();
  }

  /** The call-in's outcomes, first recorded first. */
  public List<CallInOutcome> callInOutcomes(UUID id) {
    return jdbc.sql(
            "select outcome, decided_on, decided_by, notes from decision_call_in_outcome"
                + " where decision_id = ? order by position")
        .param(id)
        .query(
            (r, n) ->
                new CallInOutcome(
                    CallInOutcome.Outcome.valueOf(r.getString(1)),
                    localDate(r.getDate(2)),
                    r.getString(3),
                    r.getString(4)))
        .list();
  }

  private static Exemption exemption(ResultSet rs) throws SQLException {
    String extent = rs.getString("exempt_extent");
    return extent == null
        ? null
        : new Exemption(
            Exemption.Extent.valueOf(extent),
            ExemptParagraph.of(rs.getObject("exempt_paragraph", Integer.class)),
            rs.getString("exempt_part"));
  }

  /**
   * Lower-case text that the register's search looks in: only what is published, so exempt words
   * never find a decision, not even for staff.
   */
  static String searchText(DecisionDetails all) {
    DecisionDetails d = all.published();
    Stream<String> parts =
        Stream.of(
                Stream.of(
                    d.issue().title(),
                    d.issue().summary(),
                    d.decisionMaker().name(),
                    d.introducedBy(),
                    d.purpose(),
                    d.reasons()),
                d.items().stream().map(DecisionItem::text),
                d.alternativeOptions().stream().map(o -> o.option() + " " + o.whyRejected()))
            .flatMap(s -> s);
    String text =
        parts
            .filter(s -> s != null && !s.isBlank())
            .collect(Collectors.joining("\n"))
            .toLowerCase(Locale.ROOT);
    return text.length() > 100_000 ? text.substring(0, 100_000) : text;
  }

  private static Date date(LocalDate d) {
    return d == null ? null : Date.valueOf(d);
  }

  private static LocalDate localDate(Date d) {
    return d == null ? null : d.toLocalDate();
  }
}
