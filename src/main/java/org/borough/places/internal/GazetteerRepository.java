// SPDX-License-Identifier: AGPL-3.0-or-later
package org.borough.places.internal;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import javax.sql.DataSource;
import org.borough.places.Address;
import org.borough.system.DatabaseProducts;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.SqlParameterValue;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The gazetteer_address, gazetteer_word and gazetteer_load tables (V57). Loads write in batches of
 * rows, so that half a million addresses go in a few hundred statements.
 */
@Repository
public class GazetteerRepository {

  private static final String COLUMNS =
      "a.uprn, a.usrn, a.line1, a.line2, a.town, a.postcode, a.latitude, a.longitude, a.easting,"
          + " a.northing, a.classification, a.ward_code, a.retired_at";

  /** How an address is stored now: to tell a changed one, and a retired one coming back. */
  public record Stored(String fingerprint, boolean retired) {}

  /** One load of the gazetteer, as the admin page lists them. */
  public record Load(
      UUID id,
      String source,
      boolean fullLoad,
      String loadedBy,
      Instant startedAt,
      Instant finishedAt,
      int added,
      int changed,
      int retired,
      int unchanged,
      int rejected) {}

  private final JdbcClient jdbc;
  private final JdbcTemplate template;
  private final boolean postgres;

  public GazetteerRepository(JdbcClient jdbc, JdbcTemplate template, DataSource dataSource) {
    this.jdbc = jdbc;
    this.template = template;
    this.postgres = DatabaseProducts.isPostgres(dataSource);
  }

  /** How the given UPRNs are stored now; a UPRN not stored is absent from the map. */
  public Map<Long, Stored> stored(Collection<Long> uprns) {
    Map<Long, Stored> found = new HashMap<>();
    if (uprns.isEmpty()) {
      return found;
    }
    jdbc.sql("select uprn, fingerprint, retired_at from gazetteer_address where uprn in (:uprns)")
        .param("uprns", uprns)
        .query(
            (ResultSet rs) -> {
              found.put(rs.getLong(1), new Stored(rs.getString(2), rs.getTimestamp(3) != null));
            });
    return found;
  }

  /**
   * Adds addresses with their fingerprints and the words each is found by. On PostgreSQL each
   * column goes as one array and {@code unnest} turns them back into rows: one statement for a
   * thousand addresses, several times faster than a batch of a thousand inserts (and a load adds
   * seven words for each address). H2 runs in the process, where a batch is as fast.
   */
  public void insert(
      List<Address> addresses, List<String> fingerprints, List<List<String>> words, Instant at) {
    if (postgres) {
      insertAsArrays(addresses, fingerprints, at);
    } else {
      List<Object[]> rows = new ArrayList<>(addresses.size());
      for (int i = 0; i < addresses.size(); i++) {
        rows.add(values(addresses.get(i), fingerprints.get(i), at));
      }
      template.batchUpdate(
          "insert into gazetteer_address (uprn, usrn, line1, line2, town, postcode, latitude,"
              + " longitude, easting, northing, classification, ward_code, fingerprint, loaded_at,"
              + " retired_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, null)",
          rows);
    }
    insertWords(addresses, words);
  }

  private void insertAsArrays(List<Address> addresses, List<String> fingerprints, Instant at) {
    int n = addresses.size();
    Object[][] columns = new Object[13][n];
    for (int i = 0; i < n; i++) {
      Address a = addresses.get(i);
      Object[] row = {
        a.uprn(),
        a.usrn(),
        a.line1(),
        a.line2(),
        a.town(),
        a.postcode(),
        a.latitude(),
        a.longitude(),
        a.easting(),
        a.northing(),
        a.classification(),
        a.wardCode(),
        fingerprints.get(i)
      };
      for (int c = 0; c < row.length; c++) {
        columns[c][i] = row[c];
      }
    }
    String[] types = {
      "bigint", "bigint", "varchar", "varchar", "varchar", "varchar", "numeric", "numeric",
      "numeric", "numeric", "varchar", "varchar", "varchar"
    };
    template.update(
        "insert into gazetteer_address (loaded_at, uprn, usrn, line1, line2, town, postcode,"
            + " latitude, longitude, easting, northing, classification, ward_code, fingerprint)"
            + " select ?, u.* from unnest(?::bigint[], ?::bigint[], ?::varchar[], ?::varchar[],"
            + " ?::varchar[], ?::varchar[], ?::numeric[], ?::numeric[], ?::numeric[],"
            + " ?::numeric[], ?::varchar[], ?::varchar[], ?::varchar[]) as u",
        ps -> {
          ps.setTimestamp(1, Timestamp.from(at));
          for (int c = 0; c < types.length; c++) {
            ps.setArray(c + 2, ps.getConnection().createArrayOf(types[c], columns[c]));
          }
        });
  }

  /** Replaces addresses already stored (bringing back any retired), with their words. */
  public void update(
      List<Address> addresses, List<String> fingerprints, List<List<String>> words, Instant at) {
    List<Object[]> rows = new ArrayList<>(addresses.size());
    List<Object[]> uprns = new ArrayList<>(addresses.size());
    for (int i = 0; i < addresses.size(); i++) {
      Object[] v = values(addresses.get(i), fingerprints.get(i), at);
      Object[] row = new Object[v.length];
      System.arraycopy(v, 1, row, 0, v.length - 1);
      row[v.length - 1] = v[0];
      rows.add(row);
      uprns.add(new Object[] {addresses.get(i).uprn()});
    }
    template.batchUpdate(
        "update gazetteer_address set usrn = ?, line1 = ?, line2 = ?, town = ?, postcode = ?,"
            + " latitude = ?, longitude = ?, easting = ?, northing = ?, classification = ?,"
            + " ward_code = ?, fingerprint = ?, loaded_at = ?, retired_at = null where uprn = ?",
        rows);
    template.batchUpdate("delete from gazetteer_word where uprn = ?", uprns);
    insertWords(addresses, words);
  }

  /** Retires the given UPRNs that are current; returns how many it retired. */
  public int retire(Collection<Long> uprns, Instant at) {
    if (uprns.isEmpty()) {
      return 0;
    }
    return jdbc.sql(
            "update gazetteer_address set retired_at = :at where retired_at is null"
                + " and uprn in (:uprns)")
        .param("at", Timestamp.from(at))
        .param("uprns", uprns)
        .update();
  }

  /** Retires every current address whose UPRN is not in {@code kept}; returns how many. */
  public int retireAllBut(Set<Long> kept, Instant at) {
    List<Long> gone = new ArrayList<>();
    jdbc.sql("select uprn from gazetteer_address where retired_at is null")
        .query(
            (ResultSet rs) -> {
              long uprn = rs.getLong(1);
              if (!kept.contains(uprn)) {
                gone.add(uprn);
              }
            });
    int retired = 0;
    for (int from = 0; from < gone.size(); from += 1000) {
      retired += retire(gone.subList(from, Math.min(gone.size(), from + 1000)), at);
    }
    return retired;
  }

  public void recordLoad(Load load) {
    jdbc.sql(
            "insert into gazetteer_load (id, source, full_load, loaded_by, started_at,"
                + " finished_at, added, changed, retired, unchanged, rejected)"
                + " values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
        .params(
            load.id(),
            load.source(),
            load.fullLoad(),
            load.loadedBy(),
            Timestamp.from(load.startedAt()),
            Timestamp.from(load.finishedAt()),
            load.added(),
            load.changed(),
            load.retired(),
            load.unchanged(),
            load.rejected())
        .update();
  }

  /** The latest loads, newest first. */
  public List<Load> loads(int limit) {
    return jdbc.sql(
            "select id, source, full_load, loaded_by, started_at, finished_at, added, changed,"
                + " retired, unchanged, rejected from gazetteer_load order by started_at desc"
                + " fetch first "
                + limit
                + " rows only")
        .query(
            (rs, i) ->
                new Load(
                    rs.getObject(1, UUID.class),
                    rs.getString(2),
                    rs.getBoolean(3),
                    rs.getString(4),
                    rs.getTimestamp(5).toInstant(),
                    rs.getTimestamp(6).toInstant(),
                    rs.getInt(7),
                    rs.getInt(8),
                    rs.getInt(9),
                    rs.getInt(10),
                    rs.getInt(11)))
        .list();
  }

  /** How many addresses are current (not retired). */
  public long current() {
    return jdbc.sql("select count(*) from gazetteer_address where retired_at is null")
        .query(Long.class)
        .single();
  }

  public Optional<Address> find(long uprn) {
    return jdbc.sql("select " + COLUMNS + " from gazetteer_address a where a.uprn = ?")
        .param(uprn)
        .query(GazetteerRepository::address)
        .optional();
  }

  /** The current addresses at a postcode (normalised), in no particular order. */
  public List<Address> atPostcode(String postcode) {
    return jdbc.sql(
            "select "
                + COLUMNS
                + " from gazetteer_address a where a.postcode = ? and a.retired_at is null")
        .param(postcode)
        .query(GazetteerRepository::address)
        .list();
  }

  /**
   * The UPRNs of addresses that have every word: each either a whole word (a house number typed in
   * full) or, ending in {@code %}, the start of one. One range of the words' primary key for each,
   * intersected, so that each costs what it matches and nothing is planned per address; at most
   * {@code limit}.
   */
  public List<Long> withWords(List<String> patterns, int limit) {
    StringBuilder sql = new StringBuilder();
    for (String p : patterns) {
      if (sql.length() > 0) {
        sql.append(" intersect ");
      }
      sql.append("select uprn from gazetteer_word where word ")
          .append(p.endsWith("%") ? "like ?" : "= ?");
    }
    sql.append(" fetch first ").append(limit).append(" rows only");
    return jdbc.sql(sql.toString()).params(List.copyOf(patterns)).query(Long.class).list();
  }

  /** The current addresses with these UPRNs, in no particular order. */
  public List<Address> current(Collection<Long> uprns) {
    if (uprns.isEmpty()) {
      return List.of();
    }
    return jdbc.sql(
            "select "
                + COLUMNS
                + " from gazetteer_address a where a.uprn in (:uprns) and a.retired_at is null")
        .param("uprns", uprns)
        .query(GazetteerRepository::address)
        .list();
  }

  /**
   * Brings the planner's figures up to date after a load: without them PostgreSQL plans lookups for
   * the empty tables it last counted (autovacuum would, later).
   */
  public void analyse() {
    if (postgres) {
      jdbc.sql("analyze gazetteer_address").update();
      jdbc.sql("analyze gazetteer_word").update();
    }
  }

  private void insertWords(List<Address> addresses, List<List<String>> words) {
    List<String> word = new ArrayList<>();
    List<Long> uprn = new ArrayList<>();
    for (int i = 0; i < addresses.size(); i++) {
      for (String w : words.get(i)) {
        word.add(w);
        uprn.add(addresses.get(i).uprn());
      }
    }
    if (postgres) {
      template.update(
          "insert into gazetteer_word (word, uprn) select * from unnest(?::varchar[], ?::bigint[])",
          ps -> {
            ps.setArray(1, ps.getConnection().createArrayOf("varchar", word.toArray()));
            ps.setArray(2, ps.getConnection().createArrayOf("bigint", uprn.toArray()));
          });
      return;
    }
    List<Object[]> rows = new ArrayList<>(word.size());
    for (int i = 0; i < word.size(); i++) {
      rows.add(new Object[] {word.get(i), uprn.get(i)});
    }
    template.batchUpdate("insert into gazetteer_word (word, uprn) values (?, ?)", rows);
  }

  private static Object[] values(Address a, String fingerprint, Instant at) {
    return new Object[] {
      a.uprn(),
      new SqlParameterValue(Types.BIGINT, a.usrn()),
      a.line1(),
      new SqlParameterValue(Types.VARCHAR, a.line2()),
      a.town(),
      a.postcode(),
      a.latitude(),
      a.longitude(),
      new SqlParameterValue(Types.NUMERIC, a.easting()),
      new SqlParameterValue(Types.NUMERIC, a.northing()),
      new SqlParameterValue(Types.VARCHAR, a.classification()),
      new SqlParameterValue(Types.VARCHAR, a.wardCode()),
      fingerprint,
      Timestamp.from(at)
    };
  }

  private static Address address(ResultSet rs, int row) throws SQLException {
    Timestamp retired = rs.getTimestamp(13);
    return new Address(
        rs.getLong(1),
        rs.getObject(2) == null ? null : rs.getLong(2),
        rs.getString(3),
        rs.getString(4),
        rs.getString(5),
        rs.getString(6),
        strip(rs.getBigDecimal(7)),
        strip(rs.getBigDecimal(8)),
        strip(rs.getBigDecimal(9)),
        strip(rs.getBigDecimal(10)),
        rs.getString(11),
        rs.getString(12),
        retired == null ? null : retired.toInstant());
  }

  /** Without trailing zeros, but never in powers of ten: 176000, not 1.76E+5. */
  private static BigDecimal strip(BigDecimal d) {
    if (d == null) {
      return null;
    }
    BigDecimal s = d.stripTrailingZeros();
    return s.scale() < 0 ? s.setScale(0) : s;
  }
}
