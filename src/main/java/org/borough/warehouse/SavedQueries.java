// SPDX-License-Identifier: AGPL-3.0-or-later
package org.borough.warehouse;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.borough.audit.AuditAction;
import org.borough.audit.AuditLog;
import org.borough.identity.Permission;
import org.borough.identity.Staff;
import org.borough.identity.StaffDirectory;
import org.borough.system.ConflictException;
import org.borough.system.Errors;
import org.borough.system.InvalidInputException;
import org.borough.system.NotFoundException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Analysts' saved queries, kept in the CRM's database (table {@code warehouse_saved_query}): every
 * analyst sees them all; only the owner changes one, and the owner or an administrator of the
 * warehouse deletes it. A query is checked by the guard before it is saved, so a saved query is one
 * the SQL page would run. Every change is in the audit log.
 */
@Component
class SavedQueries {

  static final String SUBJECT = "saved-query";
  static final int NAME_LENGTH = 100;
  static final int DESCRIPTION_LENGTH = 1000;

  private static final String SELECT =
      "select id, name, description, query_text, owner, version, created_at, updated_at"
          + " from warehouse_saved_query";

  private final JdbcClient jdbc;
  private final AuditLog audit;
  private final StaffDirectory staff;
  private final AnalystSql sql;
  private final Clock clock;

  SavedQueries(JdbcClient jdbc, AuditLog audit, StaffDirectory staff, AnalystSql sql, Clock clock) {
    this.jdbc = jdbc;
    this.audit = audit;
    this.staff = staff;
    this.sql = sql;
    this.clock = clock;
  }

  record SavedQuery(
      UUID id,
      String name,
      String description,
      String sql,
      String owner,
      int version,
      Instant createdAt,
      Instant updatedAt) {}

  /** What an analyst enters to save a query. */
  record Details(String name, String description, String sql) {

    Details {
      name = name == null ? "" : name.strip();
      description = description == null || description.isBlank() ? null : description.strip();
    }
  }

  List<SavedQuery> list() {
    return jdbc.sql(SELECT + " order by lower(name), id").query(SavedQueries::map).list();
  }

  SavedQuery get(UUID id) {
    return find(id).orElseThrow(() -> new NotFoundException("Saved query"));
  }

  private Optional<SavedQuery> find(UUID id) {
    return jdbc.sql(SELECT + " where id = ?").param(id).query(SavedQueries::map).optional();
  }

  /** Whether the signed-in member of staff may change this query (its owner). */
  boolean mayChange(SavedQuery q) {
    return staff.current().map(s -> s.username().equals(q.owner())).orElse(false);
  }

  /** Whether the signed-in member of staff may delete it: the owner, or a warehouse admin. */
  boolean mayDelete(SavedQuery q) {
    return staff
        .current()
        .map(s -> s.username().equals(q.owner()) || s.can(Permission.WAREHOUSE_ADMIN))
        .orElse(false);
  }

  @Transactional
  public UUID save(Details d) {
    Staff me = me();
    validate(d, null);
    UUID id = UUID.randomUUID();
    Timestamp now = Timestamp.from(clock.instant());
    try {
      jdbc.sql(
              """
              insert into warehouse_saved_query
                (id, name, description, query_text, owner, version, created_at, updated_at)
              values (?, ?, ?, ?, ?, 1, ?, ?)""")
          .params(id, d.name(), d.description(), d.sql(), me.username(), now, now)
          .update();
    } catch (DuplicateKeyException e) {
      throw nameTaken();
    }
    audit.record(AuditAction.CREATE, SUBJECT, id.toString(), "saved: " + d.name());
    return id;
  }

  @Transactional
  public void update(UUID id, int version, Details d) {
    SavedQuery q = get(id);
    if (!mayChange(q)) {
      throw new AccessDeniedException("Only its owner can change a saved query");
    }
    validate(d, id);
    int changed;
    try {
      changed =
          jdbc.sql(
                  """
                  update warehouse_saved_query set name = ?, description = ?, query_text = ?,
                    version = version + 1, updated_at = ?
                  where id = ? and version = ?""")
              .params(
                  d.name(), d.description(), d.sql(), Timestamp.from(clock.instant()), id, version)
              .update();
    } catch (DuplicateKeyException e) {
      throw nameTaken();
    }
    if (changed == 0) {
      throw new ConflictException("The saved query was changed by someone else: open it again");
    }
    audit.record(AuditAction.UPDATE, SUBJECT, id.toString(), "updated: " + d.name());
  }

  @Transactional
  public void delete(UUID id) {
    SavedQuery q = get(id);
    if (!mayDelete(q)) {
      throw new AccessDeniedException("Only its owner or an admin can delete a saved query");
    }
    jdbc.sql("delete from warehouse_saved_query where id = ?").param(id).update();
    audit.record(
        AuditAction.DELETE, SUBJECT, id.toString(), "deleted: " + q.name() + " of " + q.owner());
  }

  private void validate(Details d, UUID id) {
    Errors errors = new Errors();
    if (d.name().isEmpty()) {
      errors.reject("name", "Enter a name for the query");
    } else if (d.name().length() > NAME_LENGTH) {
      errors.reject("name", "The name must be " + NAME_LENGTH + " characters or fewer");
    } else if (nameUsed(d.name(), id)) {
      errors.reject("name", "A saved query already has this name");
    }
    if (d.description() != null && d.description().length() > DESCRIPTION_LENGTH) {
      errors.reject(
          "description", "The description must be " + DESCRIPTION_LENGTH + " characters or fewer");
    }
    try {
      sql.check(d.sql());
    } catch (InvalidInputException e) {
      e.errors().forEach(errors::reject);
    }
    errors.throwIfAny();
  }

  private boolean nameUsed(String name, UUID except) {
    return jdbc
        .sql("select id from warehouse_saved_query where name = ?")
        .param(name)
        .query(UUID.class)
        .list()
        .stream()
        .anyMatch(other -> !other.equals(except));
  }

  private static InvalidInputException nameTaken() {
    return InvalidInputException.of("name", "A saved query already has this name");
  }

  private Staff me() {
    return staff
        .current()
        .orElseThrow(() -> new AccessDeniedException("Saving a query needs a member of staff"));
  }

  private static SavedQuery map(ResultSet rs, int row) throws SQLException {
    return new SavedQuery(
        rs.getObject("id", UUID.class),
        rs.getString("name"),
        rs.getString("description"),
        rs.getString("query_text"),
        rs.getString("owner"),
        rs.getInt("version"),
        rs.getTimestamp("created_at").toInstant(),
        rs.getTimestamp("updated_at").toInstant());
  }
}
