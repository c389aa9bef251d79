// SPDX-License-Identifier: AGPL-3.0-or-later
package org.borough.places;

import java.math.BigDecimal;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.borough.audit.AuditAction;
import org.borough.audit.AuditLog;
import org.borough.catalogue.ServiceCatalogue;
import org.borough.catalogue.Ward;
import org.borough.places.internal.WardBoundaryRepository;
import org.borough.system.InvalidInputException;
import org.borough.system.SystemProperties;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.Point;
import org.locationtech.jts.geom.PrecisionModel;
import org.locationtech.jts.geom.prep.PreparedGeometry;
import org.locationtech.jts.geom.prep.PreparedGeometryFactory;
import org.locationtech.jts.index.strtree.STRtree;
import org.locationtech.jts.io.ParseException;
import org.locationtech.jts.io.WKTReader;
import org.locationtech.jts.io.WKTWriter;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import tools.jackson.databind.json.JsonMapper;

/**
 * The council's ward boundaries: which ward a point is in (JTS, point in polygon, indexed by each
 * outline's box), and whether it is in the council's area at all. Each node holds the outlines in
 * memory and checks every few seconds whether another node loaded new ones.
 */
@Service
public class WardBoundaries {

  /** How often a node asks whether the boundaries changed. */
  static final long RECHECK_NANOS = 5_000_000_000L;

  private final WardBoundaryRepository repository;
  private final ServiceCatalogue catalogue;
  private final AuditLog audit;
  private final JsonMapper json;
  private final Clock clock;
  private final String councilName;
  private final GeometryFactory geometry = new GeometryFactory(new PrecisionModel(), 4326);
  private volatile Index index = Index.NONE;

  WardBoundaries(
      WardBoundaryRepository repository,
      ServiceCatalogue catalogue,
      AuditLog audit,
      JsonMapper json,
      Clock clock,
      SystemProperties system) {
    this.repository = repository;
    this.catalogue = catalogue;
    this.audit = audit;
    this.json = json;
    this.clock = clock;
    this.councilName = system.councilName();
  }

  /** What a load did. */
  public record BoundaryReport(int wards, List<String> newWards) {}

  /** Where the point falls: its ward, outside the area, or unknown without boundaries. */
  public Placement at(BigDecimal latitude, BigDecimal longitude) {
    if (latitude == null || longitude == null) {
      return Placement.UNKNOWN;
    }
    Index now = current();
    if (now.tree == null) {
      return Placement.UNKNOWN;
    }
    String ward =
        now.wardAt(
            geometry.createPoint(new Coordinate(longitude.doubleValue(), latitude.doubleValue())));
    return ward != null
        ? new Placement(true, ward, null)
        : new Placement(
            true,
            null,
            "This place is outside "
                + councilName
                + "'s area: report it to the council whose area it is in");
  }

  /** Whether the council has loaded ward boundaries. */
  public boolean known() {
    return current().tree != null;
  }

  /** The boundaries loaded, by ward. */
  @PreAuthorize("hasAuthority('GAZETTEER_ADMIN')")
  @Transactional(readOnly = true)
  public List<WardBoundaryRepository.Loaded> loaded() {
    return repository.loaded();
  }

  /**
   * Replaces the ward boundaries with a GeoJSON file's ({@link WardOutlines}); a ward Borough does
   * not know yet is added with the file's name for it. All or nothing.
   */
  @PreAuthorize("hasAuthority('GAZETTEER_ADMIN')")
  @Transactional
  public BoundaryReport load(byte[] geojson, String source) {
    List<WardOutlines.Outline> outlines;
    try {
      outlines = WardOutlines.read(json, geojson, geometry);
    } catch (WardOutlines.Unreadable e) {
      throw InvalidInputException.of("file", e.getMessage());
    }
    Set<String> codes = new HashSet<>();
    List<String> added = new ArrayList<>();
    List<WardBoundaryRepository.Outline> rows = new ArrayList<>();
    WKTWriter wkt = new WKTWriter();
    for (WardOutlines.Outline o : outlines) {
      if (!codes.add(o.gssCode())) {
        throw InvalidInputException.of("file", "Ward " + o.gssCode() + " is in the file twice");
      }
      if (catalogue.ward(o.gssCode()).isEmpty()) {
        catalogue.addWard(new Ward(o.gssCode(), o.name()));
        added.add(o.gssCode());
      }
      Envelope box = o.geometry().getEnvelopeInternal();
      rows.add(
          new WardBoundaryRepository.Outline(
              o.gssCode(),
              wkt.write(o.geometry()),
              box.getMinY(),
              box.getMinX(),
              box.getMaxY(),
              box.getMaxX()));
    }
    String name = LoadReport.sourceName(source);
    repository.replaceAll(rows, name, clock.instant());
    audit.record(
        AuditAction.UPDATE, "ward-boundaries", name, outlines.size() + " ward boundaries loaded");
    forgetAfterCommit();
    return new BoundaryReport(outlines.size(), added);
  }

  /** Reads the outlines again at the next question (another transaction changed them). */
  void forget() {
    index = Index.NONE;
  }

  private void forgetAfterCommit() {
    forget();
    if (TransactionSynchronizationManager.isSynchronizationActive()) {
      TransactionSynchronizationManager.registerSynchronization(
          new TransactionSynchronization() {
            @Override
            public void afterCommit() {
              forget();
            }
          });
    }
  }

  private Index current() {
    Index held = index;
    long now = System.nanoTime();
    if (held != Index.NONE && now - held.checkedAt < RECHECK_NANOS) {
      return held;
    }
    String stamp = repository.stamp();
    if (held != Index.NONE && stamp.equals(held.stamp)) {
      held = new Index(held.stamp, held.tree, now);
    } else {
      held = build(stamp, now);
    }
    index = held;
    return held;
  }

  private Index build(String stamp, long now) {
    List<WardBoundaryRepository.Outline> all = repository.all();
    if (all.isEmpty()) {
      return new Index(stamp, null, now);
    }
    STRtree tree = new STRtree();
    WKTReader reader = new WKTReader(geometry);
    for (WardBoundaryRepository.Outline o : all) {
      try {
        Geometry g = reader.read(o.wkt());
        tree.insert(
            g.getEnvelopeInternal(), new Shape(o.gssCode(), PreparedGeometryFactory.prepare(g)));
      } catch (ParseException e) {
        throw new IllegalStateException("Ward " + o.gssCode() + "'s stored outline is not WKT", e);
      }
    }
    tree.build();
    return new Index(stamp, tree, now);
  }

  private record Shape(String gssCode, PreparedGeometry outline) {}

  /** The outlines as read at {@code stamp}; a null tree means none are loaded. */
  private record Index(String stamp, STRtree tree, long checkedAt) {
    static final Index NONE = new Index(null, null, 0);

    /** The ward whose outline holds the point; on a shared edge, the lower code, every time. */
    String wardAt(Point p) {
      @SuppressWarnings("unchecked")
      List<Shape> near = tree.query(p.getEnvelopeInternal());
      return near.stream()
          .filter(w -> w.outline().covers(p))
          .map(Shape::gssCode)
          .min(Comparator.naturalOrder())
          .orElse(null);
    }
  }
}
