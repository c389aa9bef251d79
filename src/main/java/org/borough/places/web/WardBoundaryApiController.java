// SPDX-License-Identifier: AGPL-3.0-or-later
package org.borough.places.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.util.List;
import org.borough.places.WardBoundaries;
import org.borough.places.internal.WardBoundaryRepository;
import org.borough.system.InvalidInputException;
import org.springframework.http.MediaType;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Ward boundaries over JSON: loading the council's GeoJSON, and which wards have one. */
@RestController
@Tag(name = "Addresses")
class WardBoundaryApiController {

  /** Larger than any council's full-resolution ward boundaries (a few megabytes). */
  static final int MAX_BYTES = 64 * 1024 * 1024;

  private static final List<MediaType> GEOJSON =
      List.of(new MediaType("application", "geo+json"), MediaType.APPLICATION_JSON);

  private final WardBoundaries boundaries;

  WardBoundaryApiController(WardBoundaries boundaries) {
    this.boundaries = boundaries;
  }

  @GetMapping("/api/v1/admin/ward-boundaries")
  @PreAuthorize("hasAuthority('GAZETTEER_ADMIN')")
  @Operation(summary = "The wards that have a boundary, with the file it came from and when")
  List<WardBoundaryRepository.Loaded> loaded() {
    return boundaries.loaded();
  }

  // Not "consumes": BodyTypes refuses another type after the permission check.
  @PostMapping("/api/v1/admin/ward-boundaries")
  @PreAuthorize("hasAuthority('GAZETTEER_ADMIN')")
  @Operation(
      summary =
          "Replace the ward boundaries with a GeoJSON FeatureCollection in longitude and latitude"
              + " (ONS or OS boundary files): each feature a ward's Polygon or MultiPolygon with its"
              + " GSS code in a property (WD24CD); every case's ward then comes from its point, and a"
              + " point in no ward is refused as outside the council's area")
  WardBoundaries.BoundaryReport load(
      HttpServletRequest request, @RequestParam(required = false) String source)
      throws IOException, HttpMediaTypeNotSupportedException {
    BodyTypes.require(request, GEOJSON);
    byte[] body = request.getInputStream().readNBytes(MAX_BYTES + 1);
    if (body.length > MAX_BYTES) {
      throw InvalidInputException.of(
          "file", "The file is larger than " + MAX_BYTES / (1024 * 1024) + " MB");
    }
    return boundaries.load(body, source == null ? "API upload" : source);
  }
}
