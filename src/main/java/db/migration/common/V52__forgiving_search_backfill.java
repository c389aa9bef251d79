// SPDX-License-Identifier: AGPL-3.0-or-later
package db.migration.common;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.UUID;
import org.borough.cases.CaseWords;
import org.borough.residents.NameSounds;
import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;

/**
 * Fills what V51 added for data already held (ADR 0024): the sound keys of every resident's name,
 * and the words of every case. The keys and words are computed in Java, as Borough computes them
 * for new records, so an upgraded database answers as a new one does. In pages by id, so a large
 * database never holds more than a page in memory; only what has no keys or words yet, so running
 * it again changes nothing.
 */
public class V52__forgiving_search_backfill extends BaseJavaMigration {

  private static final int PAGE = 2_000;

  @Override
  public void migrate(Context context) throws SQLException {
    Connection c = context.getConnection();
    residents(c);
    cases(c);
  }

  private static void residents(Connection c) throws SQLException {
    inPages(
        c,
        "select id, forename, surname from resident where erased_at is null"
            + " and surname_sound = '' and surname_soundex = '' and id > ? order by id",
        "update resident set surname_sound = ?, surname_soundex = ?, forename_sound = ?"
            + " where id = ?",
        (id, rs, write) -> {
          NameSounds.Keys k = NameSounds.of(rs.getString(2), rs.getString(3));
          write.setString(1, k.surname());
          write.setString(2, k.surnameSoundex());
          write.setString(3, k.forename());
          write.setObject(4, id);
          write.addBatch();
        });
  }

  private static void cases(Connection c) throws SQLException {
    // From V55 each word also carries its case's opening time. This migration ran before that on
    // every database Borough has upgraded; SimilarNamesIT runs it again on today's schema.
    boolean dated = hasOpenedAt(c);
    inPages(
        c,
        "select c.id, c.reference, c.description, c.address, c.opened_at from service_case c"
            + " where c.id > ? and not exists"
            + " (select 1 from case_word w where w.case_id = c.id) order by c.id",
        dated
            ? "insert into case_word (word, case_id, opened_at) values (?, ?, ?)"
            : "insert into case_word (word, case_id) values (?, ?)",
        (id, rs, write) -> {
          for (String w : CaseWords.of(rs.getString(2), rs.getString(3), rs.getString(4))) {
            write.setString(1, w);
            write.setObject(2, id);
            if (dated) {
              write.setTimestamp(3, rs.getTimestamp(5));
            }
            write.addBatch();
          }
        });
  }

  private static boolean hasOpenedAt(Connection c) throws SQLException {
    try (PreparedStatement none = c.prepareStatement("select * from case_word where 1 = 0");
        ResultSet rs = none.executeQuery()) {
      for (int i = 1; i <= rs.getMetaData().getColumnCount(); i++) {
        if ("opened_at".equalsIgnoreCase(rs.getMetaData().getColumnName(i))) {
          return true;
        }
      }
      return false;
    }
  }

  /** What to write for one row read: batched on {@code write}. */
  private interface Row {
    void write(UUID id, ResultSet read, PreparedStatement write) throws SQLException;
  }

  /**
   * Reads {@code select} (ids first, "id > ?" its only parameter, in id order) a page at a time and
   * writes each page's batch before reading the next.
   */
  private static void inPages(Connection c, String select, String write, Row row)
      throws SQLException {
    try (PreparedStatement read =
            c.prepareStatement(select + " fetch first " + PAGE + " rows only");
        PreparedStatement out = c.prepareStatement(write)) {
      UUID after = new UUID(0, 0); // the least UUID: both databases compare them unsigned
      int n;
      do {
        n = 0;
        read.setObject(1, after);
        try (ResultSet rs = read.executeQuery()) {
          while (rs.next()) {
            after = rs.getObject(1, UUID.class);
            row.write(after, rs, out);
            n++;
          }
        }
        out.executeBatch();
      } while (n == PAGE);
    }
  }
}
