// SPDX-License-Identifier: AGPL-3.0-or-later
package org.borough.places.internal;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The ward_boundary table (V58): one outline per ward, as WKT, with its bounding box. */
@Repository
public class WardBoundaryRepository {

  /** A ward's outline as stored. */
  public record Outline(
      String gssCode,
      String wkt,
      double minLatitude,
      double minLongitude,
      double maxLatitude,
      double maxLongitude) {}

  /** A ward's boundary as the admin page lists it. */
  public record Loaded(String gssCode, String source, Instant loadedAt) {}

  private final JdbcClient jdbc;
  private final JdbcTemplate template;

  public WardBoundaryRepository(JdbcClient jdbc, JdbcTemplate template) {
    this.jdbc = jdbc;
    this.template = template;
  }

  /** Replaces every boundary with these: a council's file is the whole of its area. */
  public void replaceAll(List<Outline> outlines, String source, Instant at) {
    jdbc.sql("delete from ward_boundary").update();
    List<Object[]> rows = new ArrayList<>();
    for (Outline o : outlines) {
      rows.add(
          new Object[] {
            o.gssCode(),
            o.wkt(),
            degrees(o.minLatitude(), RoundingMode.FLOOR),
            degrees(o.minLongitude(), RoundingMode.FLOOR),
            degrees(o.maxLatitude(), RoundingMode.CEILING),
            degrees(o.maxLongitude(), RoundingMode.CEILING),
            source,
            Timestamp.from(at)
          });
    }
    template.batchUpdate(
        "insert into ward_boundary (gss_code, outline, min_latitude, min_longitude, max_latitude,"
            + " max_longitude, source, loaded_at) values (?, ?, ?, ?, ?, ?, ?, ?)",
        rows);
  }

  /** Every outline. */
  public List<Outline> all() {
    return jdbc.sql(
            "select gss_code, outline, min_latitude, min_longitude, max_latitude, max_longitude"
                + " from ward_boundary order by gss_code")
        .query(
            (rs, i) ->
                new Outline(
                    rs.getString(1),
                    rs.getString(2),
                    rs.getDouble(3),
                    rs.getDouble(4),
                    rs.getDouble(5),
                    rs.getDouble(6)))
        .list();
  }

  public List<Loaded> loaded() {
    return jdbc.sql("select gss_code, source, loaded_at from ward_boundary order by gss_code")
        .query(
            (rs, i) -> new Loaded(rs.getString(1), rs.getString(2), rs.getTimestamp(3).toInstant()))
        .list();
  }

  /**
   * What the boundaries are now, in one short value: a node compares it with the one its outlines
   * were read at, so that a load on another node reaches it within seconds.
   */
  public String stamp() {
    return jdbc.sql("select count(*), max(loaded_at) from ward_boundary")
        .query((rs, i) -> rs.getLong(1) + "@" + rs.getTimestamp(2))
        .single();
  }

  /** Rounded outwards to the column's six places, so the box still holds the whole outline. */
  private static BigDecimal degrees(double d, RoundingMode outwards) {
    return BigDecimal.valueOf(d).setScale(6, outwards);
  }
}
