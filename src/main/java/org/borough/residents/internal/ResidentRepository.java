// SPDX-License-Identifier: AGPL-3.0-or-later
package org.borough.residents.internal;

import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.borough.residents.Address;
import org.borough.residents.Channel;
import org.borough.residents.NameSounds;
import org.borough.residents.ResidentId;
import org.borough.residents.ResidentSummary;
import org.borough.residents.Vulnerability;
import org.borough.system.LikePatterns;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The resident tables. Search queries are keyset-paginated on (search_name, id), no counts. */
@Repository
public class ResidentRepository {

  private static final String SUMMARY =
      "select r.id, r.forename, r.surname, r.date_of_birth, a.line1, a.postcode, r.search_name"
          + " from resident r left join resident_address a"
          + " on a.resident_id = r.id and a.is_primary";

  private final JdbcClient jdbc;

  ResidentRepository(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /** A row of the resident table. */
  public record Row(
      UUID id,
      String forename,
      String surname,
      LocalDate dateOfBirth,
      Channel preferredChannel,
      String preferredLanguage,
      String accessibilityNeeds,
      UUID mergedInto,
      Instant createdAt,
      Instant updatedAt,
      int version) {}

  public Optional<Row> find(UUID id) {
    return jdbc.sql(
            "select id, forename, surname, date_of_birth, preferred_channel, preferred_language,"
                + " accessibility_needs, merged_into, created_at, updated_at, version"
                + " from resident where id = ?")
        .param(id)
        .query(
            (rs, i) ->
                new Row(
                    rs.getObject(1, UUID.class),
                    rs.getString(2),
                    rs.getString(3),
                    localDate(rs.getDate(4)),
                    rs.getString(5) == null ? null : Channel.valueOf(rs.getString(5)),
                    rs.getString(6),
                    rs.getString(7),
                    rs.getObject(8, UUID.class),
                    rs.getTimestamp(9).toInstant(),
                    rs.getTimestamp(10).toInstant(),
                    rs.getInt(11)))
        .optional();
  }

  /** Full names by id, in one query. */
  public java.util.Map<UUID, String> names(List<UUID> ids) {
    java.util.Map<UUID, String> names = new java.util.HashMap<>();
    if (ids.isEmpty()) {
      return names;
    }
    String marks = String.join(",", java.util.Collections.nCopies(ids.size(), "?"));
    jdbc.sql("select id, forename, surname from resident where id in (" + marks + ")")
        .params(ids.toArray())
        .query(
            (rs, i) ->
                names.put(rs.getObject(1, UUID.class), rs.getString(2) + " " + rs.getString(3)))
        .list();
    return names;
  }

  public List<String> emails(UUID id) {
    return jdbc.sql("select email from resident_email where resident_id = ? order by email")
        .param(id)
        .query(String.class)
        .list();
  }

  public List<String> phones(UUID id) {
    return jdbc.sql("select phone from resident_phone where resident_id = ? order by phone")
        .param(id)
        .query(String.class)
        .list();
  }

  public List<Address> addresses(UUID id) {
    return jdbc.sql(
            "select line1, line2, town, postcode, uprn, ward_code from resident_address"
                + " where resident_id = ? order by is_primary desc, line1")
        .param(id)
        .query(
            (rs, i) ->
                new Address(
                    rs.getString(1),
                    rs.getString(2),
                    rs.getString(3),
                    rs.getString(4),
                    rs.getObject(5) == null ? null : rs.getLong(5),
                    rs.getString(6)))
        .list();
  }

  public List<Vulnerability> vulnerabilities(UUID id) {
    return jdbc.sql(
            "select flag, note from resident_vulnerability where resident_id = ? order by flag")
        .param(id)
        .query(
            (rs, i) ->
                new Vulnerability(Vulnerability.Kind.valueOf(rs.getString(1)), rs.getString(2)))
        .list();
  }

  public void insert(Row r, String searchName) {
    NameSounds.Keys sounds = NameSounds.of(r.forename(), r.surname());
    jdbc.sql(
            "insert into resident (id, forename, surname, search_name, date_of_birth,"
                + " preferred_channel, preferred_language, accessibility_needs, created_at,"
                + " updated_at, version, surname_sound, surname_soundex, forename_sound)"
                + " values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 0, ?, ?, ?)")
        .params(
            r.id(),
            r.forename(),
            r.surname(),
            searchName,
            r.dateOfBirth() == null ? null : Date.valueOf(r.dateOfBirth()),
            r.preferredChannel() == null ? null : r.preferredChannel().name(),
            r.preferredLanguage(),
            r.accessibilityNeeds(),
            Timestamp.from(r.createdAt()),
            Timestamp.from(r.updatedAt()),
            sounds.surname(),
            sounds.surnameSoundex(),
            sounds.forename())
        .update();
  }

  /** Optimistic update: false when someone else saved first. */
  public boolean update(Row r, String searchName, int expectedVersion) {
    NameSounds.Keys sounds = NameSounds.of(r.forename(), r.surname());
    boolean updated =
        jdbc.sql(
                    "update resident set forename = ?, surname = ?, search_name = ?,"
                        + " surname_sound = ?, surname_soundex = ?, forename_sound = ?,"
                        + " date_of_birth = ?, preferred_channel = ?, preferred_language = ?,"
                        + " accessibility_needs = ?, updated_at = ?, version = version + 1"
                        + " where id = ? and version = ?")
                .params(
                    r.forename(),
                    r.surname(),
                    searchName,
                    sounds.surname(),
                    sounds.surnameSoundex(),
                    sounds.forename(),
                    r.dateOfBirth() == null ? null : Date.valueOf(r.dateOfBirth()),
                    r.preferredChannel() == null ? null : r.preferredChannel().name(),
                    r.preferredLanguage(),
                    r.accessibilityNeeds(),
                    Timestamp.from(r.updatedAt()),
                    r.id(),
                    expectedVersion)
                .update()
            == 1;
    if (updated) {
      // Search by phone, email or postcode pages by the copy of the name beside each detail.
      for (String table : List.of("resident_email", "resident_phone", "resident_address")) {
        jdbc.sql("update " + table + " set search_name = ? where resident_id = ?")
            .params(searchName, r.id())
            .update();
      }
    }
    return updated;
  }

  public void addEmail(UUID id, String email) {
    jdbc.sql(
            "insert into resident_email (resident_id, email, search_name)"
                + " select r.id, ?, r.search_name from resident r where r.id = ? and not exists"
                + " (select 1 from resident_email where resident_id = ? and email = ?)")
        .params(email, id, id, email)
        .update();
  }

  public void addPhone(UUID id, String phone) {
    jdbc.sql(
            "insert into resident_phone (resident_id, phone, search_name)"
                + " select r.id, ?, r.search_name from resident r where r.id = ? and not exists"
                + " (select 1 from resident_phone where resident_id = ? and phone = ?)")
        .params(phone, id, id, phone)
        .update();
  }

  public boolean removeEmail(UUID id, String email) {
    return jdbc.sql("delete from resident_email where resident_id = ? and email = ?")
            .params(id, email)
            .update()
        == 1;
  }

  public boolean removePhone(UUID id, String phone) {
    return jdbc.sql("delete from resident_phone where resident_id = ? and phone = ?")
            .params(id, phone)
            .update()
        == 1;
  }

  public void setPrimaryAddress(UUID id, Address a) {
    jdbc.sql("update resident_address set is_primary = false where resident_id = ?")
        .param(id)
        .update();
    insertAddress(id, a, true);
  }

  public void addSecondaryAddress(UUID id, Address a) {
    insertAddress(id, a, false);
  }

  private void insertAddress(UUID id, Address a, boolean primary) {
    jdbc.sql(
            "insert into resident_address (id, resident_id, line1, line2, town, postcode, uprn,"
                + " ward_code, is_primary, search_name) select ?, r.id, ?, ?, ?, ?, ?, ?, ?,"
                + " r.search_name from resident r where r.id = ?")
        .params(
            UUID.randomUUID(),
            a.line1(),
            a.line2(),
            a.town(),
            a.postcode(),
            a.uprn(),
            a.wardCode(),
            primary,
            id)
        .update();
  }

  public void replaceVulnerabilities(UUID id, List<Vulnerability> flags) {
    jdbc.sql("delete from resident_vulnerability where resident_id = ?").param(id).update();
    flags.forEach(f -> addVulnerability(id, f));
  }

  public void addVulnerability(UUID id, Vulnerability f) {
    jdbc.sql(
            "insert into resident_vulnerability (resident_id, flag, note) select ?, ?, ?"
                + " where not exists (select 1 from resident_vulnerability"
                + " where resident_id = ? and flag = ?)")
        .params(id, f.kind().name(), f.note(), id, f.kind().name())
        .update();
  }

  public void markMerged(UUID merged, UUID kept, Instant at) {
    jdbc.sql(
            "update resident set merged_into = ?, updated_at = ?, version = version + 1"
                + " where id = ?")
        .params(kept, Timestamp.from(at), merged)
        .update();
  }

  /** When the resident's personal data was erased, or empty when it was not (or no such row). */
  public Optional<Instant> erasedAt(UUID id) {
    return jdbc.sql("select erased_at from resident where id = ? and erased_at is not null")
        .param(id)
        .query((rs, i) -> rs.getTimestamp(1).toInstant())
        .optional();
  }

  /** The records merged into this one, directly or through another merged record. */
  public List<UUID> mergedInto(UUID id) {
    List<UUID> found = new java.util.ArrayList<>();
    List<UUID> next = List.of(id);
    while (!next.isEmpty()) {
      List<UUID> level = new java.util.ArrayList<>();
      for (UUID kept : next) {
        level.addAll(
            jdbc.sql("select id from resident where merged_into = ?")
                .param(kept)
                .query((rs, i) -> rs.getObject(1, UUID.class))
                .list());
      }
      level.removeAll(found);
      found.addAll(level);
      next = level;
    }
    return found;
  }

  /**
   * Removes every piece of personal data the resident tables hold about one record: contact
   * details, addresses, flags, and the name, date of birth and needs, which are overwritten. The
   * row stays (erased_at set) because cases, the SAR register and the audit refer to its id, which
   * alone identifies no one.
   */
  public void erase(UUID id, Instant at) {
    for (String table :
        List.of("resident_email", "resident_phone", "resident_address", "resident_vulnerability")) {
      jdbc.sql("delete from " + table + " where resident_id = ?").param(id).update();
    }
    jdbc.sql(
            """
            update resident set forename = 'Erased', surname = 'resident', search_name = '',
              surname_sound = '', surname_soundex = '', forename_sound = '',
              date_of_birth = null, preferred_channel = null, preferred_language = null,
              accessibility_needs = null, email_updates = false, text_updates = false,
              erased_at = ?, updated_at = ?, version = version + 1
            where id = ?""")
        .params(Timestamp.from(at), Timestamp.from(at), id)
        .update();
  }

  // --- search: each returns at most `limit` rows after the keyset (searchName, id) -----------

  public List<ResidentSummary> byNamePrefix(
      String prefix, String afterKey, UUID afterId, int limit) {
    return jdbc.sql(
            SUMMARY
                + " where r.search_name like ? and r.merged_into is null and r.erased_at is null"
                + keyset(afterKey)
                + " order by r.search_name, r.id fetch first ? rows only")
        .params(params(LikePatterns.literal(prefix) + "%", afterKey, afterId, limit))
        .query((rs, i) -> summary(rs))
        .list();
  }

  /**
   * Live residents whose surname has this sound key ({@code column} is {@code surname_sound} or
   * {@code surname_soundex}), and whose forename has {@code forenameSound} when given: read off the
   * index on (key, forename_sound, search_name, id), so it stops after {@code limit} rows.
   */
  public List<ResidentSummary> bySound(String column, String key, String forenameSound, int limit) {
    if (!column.equals("surname_sound") && !column.equals("surname_soundex")) {
      throw new IllegalArgumentException(column);
    }
    boolean forename = forenameSound != null && !forenameSound.isEmpty();
    String sql =
        SUMMARY
            + " where r."
            + column
            + " = ?"
            + (forename ? " and r.forename_sound = ?" : "")
            + " and r.merged_into is null and r.erased_at is null"
            + " order by r."
            + column
            + ", r.forename_sound, r.search_name, r.id fetch first ? rows only";
    Object[] params =
        forename ? new Object[] {key, forenameSound, limit} : new Object[] {key, limit};
    return jdbc.sql(sql).params(params).query((rs, i) -> summary(rs)).list();
  }

  public List<ResidentSummary> byEmail(String email, String afterKey, UUID afterId, int limit) {
    return byChild("resident_email", "email", email, afterKey, afterId, limit);
  }

  public List<ResidentSummary> byPhone(String phone, String afterKey, UUID afterId, int limit) {
    return byChild("resident_phone", "phone", phone, afterKey, afterId, limit);
  }

  public List<ResidentSummary> byPostcode(
      String postcode, String afterKey, UUID afterId, int limit) {
    return byChild("resident_address", "postcode", postcode, afterKey, afterId, limit);
  }

  /**
   * Residents with a row in {@code table} whose {@code column} equals the value (exact match). The
   * page comes in order off the index on (column, search_name, resident_id), so a value that a
   * thousand residents share costs no more than one that a single resident has.
   */
  private List<ResidentSummary> byChild(
      String table, String column, String value, String afterKey, UUID afterId, int limit) {
    List<ResidentSummary> page =
        jdbc.sql(
                "select r.id, r.forename, r.surname, r.date_of_birth, a.line1, a.postcode,"
                    + " r.search_name from "
                    + table
                    + " c join resident r on r.id = c.resident_id left join resident_address a"
                    + " on a.resident_id = r.id and a.is_primary where c."
                    + column
                    + " = ? and r.merged_into is null"
                    + (afterKey == null ? "" : " and (c.search_name, c.resident_id) > (?, ?)")
                    + " order by c.search_name, c.resident_id fetch first ? rows only")
            .params(params(value, afterKey, afterId, limit))
            .query((rs, i) -> summary(rs))
            .list();
    // Two addresses of one resident can share a postcode. The repeat is dropped here and the
    // keyset skips it on the next page; such a page may hold one resident fewer.
    Map<ResidentId, ResidentSummary> distinct = new LinkedHashMap<>();
    page.forEach(r -> distinct.putIfAbsent(r.id(), r));
    return List.copyOf(distinct.values());
  }

  /** Live (not merged) residents with this exact email, oldest first. */
  public List<UUID> idsByEmail(String email) {
    return jdbc.sql(
            "select r.id from resident_email e join resident r on r.id = e.resident_id"
                + " where e.email = ? and r.merged_into is null order by r.created_at, r.id")
        .param(email)
        .query((rs, i) -> rs.getObject(1, UUID.class))
        .list();
  }

  /** Whether the resident wants updates by email and by text, or empty when there is no row. */
  public Optional<boolean[]> preferences(UUID id) {
    return jdbc.sql("select email_updates, text_updates from resident where id = ?")
        .param(id)
        .query((rs, i) -> new boolean[] {rs.getBoolean(1), rs.getBoolean(2)})
        .optional();
  }

  /** What a notification needs, in one statement; see {@code ResidentAccounts#reach}. */
  public record ReachRow(
      UUID id,
      String forename,
      UUID mergedInto,
      String email,
      String mobile,
      boolean emailUpdates,
      boolean textUpdates,
      String surname,
      String line1,
      String line2,
      String town,
      String postcode) {}

  /** One statement: the resident, their first email and mobile, and their primary address. */
  public Optional<ReachRow> reach(UUID id) {
    return jdbc.sql(
            "select r.id, r.forename, r.merged_into,"
                + " (select min(e.email) from resident_email e where e.resident_id = r.id),"
                + " (select min(p.phone) from resident_phone p where p.resident_id = r.id"
                + " and p.phone like '+447%'), r.email_updates, r.text_updates, r.surname,"
                + " a.line1, a.line2, a.town, a.postcode"
                + " from resident r left join resident_address a on a.resident_id = r.id"
                + " where r.id = ? order by a.is_primary desc, a.line1 fetch first 1 rows only")
        .param(id)
        .query(
            (rs, i) ->
                new ReachRow(
                    rs.getObject(1, UUID.class),
                    rs.getString(2),
                    rs.getObject(3, UUID.class),
                    rs.getString(4),
                    rs.getString(5),
                    rs.getBoolean(6),
                    rs.getBoolean(7),
                    rs.getString(8),
                    rs.getString(9),
                    rs.getString(10),
                    rs.getString(11),
                    rs.getString(12)))
        .optional();
  }

  public void setPreferences(UUID id, boolean emailUpdates, boolean textUpdates, Instant at) {
    jdbc.sql("update resident set email_updates = ?, text_updates = ?, updated_at = ? where id = ?")
        .params(emailUpdates, textUpdates, Timestamp.from(at), id)
        .update();
  }

  /** Residents at a postcode with their names, for the similar-name duplicate check. */
  public List<ResidentSummary> atPostcode(String postcode, int limit) {
    return byPostcode(postcode, null, null, limit);
  }

  private static String keyset(String afterKey) {
    return afterKey == null ? "" : " and (r.search_name, r.id) > (?, ?)";
  }

  private static Object[] params(Object first, String afterKey, UUID afterId, int limit) {
    if (afterKey == null) {
      return new Object[] {first, limit};
    }
    return new Object[] {first, afterKey, afterId, limit};
  }

  private static ResidentSummary summary(ResultSet rs) throws SQLException {
    String line1 = rs.getString(5);
    String postcode = rs.getString(6);
    String address = line1 == null ? null : line1 + ", " + postcode;
    return new ResidentSummary(
        new ResidentId(rs.getObject(1, UUID.class)),
        rs.getString(2) + " " + rs.getString(3),
        localDate(rs.getDate(4)),
        address,
        rs.getString(7));
  }

  private static LocalDate localDate(Date d) {
    return d == null ? null : d.toLocalDate();
  }
}
