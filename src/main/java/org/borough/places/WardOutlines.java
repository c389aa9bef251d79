// SPDX-License-Identifier: AGPL-3.0-or-later
package org.borough.places;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.LinearRing;
import org.locationtech.jts.geom.Polygon;
import org.locationtech.jts.geom.util.GeometryFixer;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Ward outlines from a GeoJSON FeatureCollection, as the ONS Open Geography Portal and OS
 * Boundary-Line give them: each feature a Polygon or MultiPolygon in longitude and latitude (RFC
 * 7946), its ward's GSS code and name in its properties. The code is the property whose value looks
 * like a ward's (E05, W05 or S13 and six digits: ONS calls it {@code WD24CD}, OS {@code CODE}); the
 * name the property whose key ends {@code NM} or is {@code name}.
 */
final class WardOutlines {

  static final Pattern WARD = Pattern.compile("(E05|W05|S13)[0-9]{6}");

  /** One ward's outline. */
  record Outline(String gssCode, String name, Geometry geometry) {}

  /** The file cannot be read as ward boundaries; nothing in it is loaded. */
  static final class Unreadable extends RuntimeException {
    Unreadable(String message) {
      super(message);
    }
  }

  private WardOutlines() {}

  static List<Outline> read(JsonMapper json, byte[] body, GeometryFactory geometry) {
    JsonNode root;
    try {
      root = json.readTree(body);
    } catch (JacksonException e) {
      throw new Unreadable("The file is not JSON: " + e.getOriginalMessage());
    }
    if (root == null
        || !"FeatureCollection".equals(root.path("type").asString(""))
        || !root.path("features").isArray()) {
      throw new Unreadable("The file must be a GeoJSON FeatureCollection of the wards");
    }
    List<Outline> outlines = new ArrayList<>();
    int n = 0;
    for (JsonNode feature : root.path("features")) {
      n++;
      String code = code(feature.path("properties"));
      if (code == null) {
        throw new Unreadable(
            "Feature " + n + " has no property holding a ward's GSS code, like WD24CD: E05000644");
      }
      String name = name(feature.path("properties"), code);
      Geometry g = shape(feature.path("geometry"), geometry, "Feature " + n + " (" + code + ")");
      outlines.add(new Outline(code, name, g));
    }
    if (outlines.isEmpty()) {
      throw new Unreadable("The file holds no wards");
    }
    return outlines;
  }

  private static String code(JsonNode properties) {
    for (Map.Entry<String, JsonNode> p : properties.properties()) {
      String value = p.getValue().isString() ? p.getValue().asString().strip() : "";
      if (WARD.matcher(value).matches()) {
        return value;
      }
    }
    return null;
  }

  private static String name(JsonNode properties, String code) {
    for (Map.Entry<String, JsonNode> p : properties.properties()) {
      String key = p.getKey();
      if ((key.toUpperCase(java.util.Locale.ROOT).endsWith("NM") || key.equalsIgnoreCase("name"))
          && p.getValue().isString()
          && !p.getValue().asString().isBlank()) {
        String name = p.getValue().asString().strip();
        return name.length() > 120 ? name.substring(0, 120) : name;
      }
    }
    return code;
  }

  private static Geometry shape(JsonNode g, GeometryFactory factory, String what) {
    String type = g.path("type").asString("");
    JsonNode coordinates = g.path("coordinates");
    Geometry shape;
    if (type.equals("Polygon")) {
      shape = polygon(coordinates, factory, what);
    } else if (type.equals("MultiPolygon") && coordinates.isArray()) {
      List<Polygon> parts = new ArrayList<>();
      for (JsonNode p : coordinates) {
        parts.add(polygon(p, factory, what));
      }
      shape = factory.createMultiPolygon(parts.toArray(Polygon[]::new));
    } else {
      throw new Unreadable(what + " is not a Polygon or MultiPolygon");
    }
    // Boundary files are sometimes not quite valid (a ring touching itself): mend rather than
    // refuse.
    return shape.isValid() ? shape : GeometryFixer.fix(shape);
  }

  private static Polygon polygon(JsonNode rings, GeometryFactory factory, String what) {
    if (!rings.isArray() || rings.isEmpty()) {
      throw new Unreadable(what + " has a polygon with no rings");
    }
    List<LinearRing> all = new ArrayList<>();
    for (JsonNode ring : rings) {
      all.add(ring(ring, factory, what));
    }
    return factory.createPolygon(all.get(0), all.subList(1, all.size()).toArray(LinearRing[]::new));
  }

  private static LinearRing ring(JsonNode points, GeometryFactory factory, String what) {
    List<Coordinate> ring = new ArrayList<>();
    if (points.isArray()) {
      for (JsonNode p : points) {
        if (!p.isArray() || p.size() < 2 || !p.get(0).isNumber() || !p.get(1).isNumber()) {
          throw new Unreadable(what + " has a point that is not [longitude, latitude]");
        }
        double lon = p.get(0).doubleValue();
        double lat = p.get(1).doubleValue();
        if (Math.abs(lon) > 180 || Math.abs(lat) > 90) {
          throw new Unreadable(
              what
                  + " is not in longitude and latitude (it looks like British National Grid"
                  + " metres): download the boundaries in WGS84, as GeoJSON files should be");
        }
        ring.add(new Coordinate(lon, lat));
      }
    }
    if (ring.size() >= 3 && !ring.get(0).equals2D(ring.get(ring.size() - 1))) {
      ring.add(ring.get(0)); // closed, as RFC 7946 asks and some writers forget
    }
    if (ring.size() < 4) {
      throw new Unreadable(what + " has a ring of fewer than three points");
    }
    return factory.createLinearRing(ring.toArray(Coordinate[]::new));
  }
}
