// SPDX-License-Identifier: AGPL-3.0-or-later
package org.borough.demo;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The demo borough's ward boundaries as GeoJSON, the form a council loads its own in: each ward of
 * {@link Places} a rectangle around its centre, the rectangles side by side in the wards' grid, so
 * that the borough is one block and every street and home lies inside its ward.
 */
final class DemoWardBoundaries {

  /** Half a ward's height and width, in degrees: the wards' centres are twice this apart. */
  static final double HALF_HEIGHT = 0.0045;

  static final double HALF_WIDTH = 0.0070;

  private DemoWardBoundaries() {}

  static byte[] geoJson(Places places) {
    List<String> features = new ArrayList<>();
    for (Places.WardPlace w : places.wards) {
      double south = w.latitude() - HALF_HEIGHT;
      double north = w.latitude() + HALF_HEIGHT;
      double west = w.longitude() - HALF_WIDTH;
      double east = w.longitude() + HALF_WIDTH;
      features.add(
          String.format(
              Locale.ROOT,
              "{\"type\":\"Feature\",\"properties\":{\"WD24CD\":\"%s\",\"WD24NM\":\"%s\"},"
                  + "\"geometry\":{\"type\":\"Polygon\",\"coordinates\":[[[%.6f,%.6f],[%.6f,%.6f],"
                  + "[%.6f,%.6f],[%.6f,%.6f],[%.6f,%.6f]]]}}",
              w.gssCode(),
              w.name().replace("\"", "\\\""),
              west,
              south,
              east,
              south,
              east,
              north,
              west,
              north,
              west,
              south));
    }
    return ("{\"type\":\"FeatureCollection\",\"features\":[" + String.join(",", features) + "]}")
        .getBytes(StandardCharsets.UTF_8);
  }
}
