// SPDX-License-Identifier: AGPL-3.0-or-later
package org.borough.places.web;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.borough.places.Gazetteer;
import org.borough.places.LoadReport;
import org.borough.places.WardBoundaries;
import org.borough.system.InvalidInputException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;

/**
 * The administrator's page for places: the gazetteer's size and its loads, the wards with a
 * boundary, and a form for each file. A load's answer is shown on the page, wrong rows and all; a
 * file larger than an upload may be goes through {@code ops/gazetteer.sh}.
 */
@Controller
class PlacesAdminController {

  private final Gazetteer gazetteer;
  private final WardBoundaries boundaries;

  PlacesAdminController(Gazetteer gazetteer, WardBoundaries boundaries) {
    this.gazetteer = gazetteer;
    this.boundaries = boundaries;
  }

  @GetMapping("/admin/places")
  @PreAuthorize("hasAuthority('GAZETTEER_ADMIN')")
  String show(Model model) {
    return page(model, Map.of());
  }

  @PostMapping("/admin/places/gazetteer")
  @PreAuthorize("hasAuthority('GAZETTEER_ADMIN')")
  String loadGazetteer(
      @RequestParam(name = "file", required = false) MultipartFile file, Model model)
      throws IOException {
    if (file == null || file.isEmpty()) {
      return page(model, Map.of("file", "Choose the gazetteer's CSV file"));
    }
    try (Reader csv = new InputStreamReader(file.getInputStream(), StandardCharsets.UTF_8)) {
      LoadReport report = gazetteer.load(csv, file.getOriginalFilename());
      model.addAttribute("report", report);
      model.addAttribute(
          "banner",
          "Gazetteer loaded: "
              + report.added()
              + " added, "
              + report.changed()
              + " changed, "
              + report.retired()
              + " retired, "
              + report.unchanged()
              + " unchanged, "
              + report.rejected()
              + " rows not loaded");
      return page(model, Map.of());
    } catch (InvalidInputException e) {
      return page(
          model, Map.of("file", e.errors().getOrDefault("file", "The file was not loaded")));
    }
  }

  @PostMapping("/admin/places/ward-boundaries")
  @PreAuthorize("hasAuthority('GAZETTEER_ADMIN')")
  String loadBoundaries(
      @RequestParam(name = "boundaries", required = false) MultipartFile file, Model model)
      throws IOException {
    if (file == null || file.isEmpty()) {
      return page(model, Map.of("boundaries", "Choose the wards' GeoJSON file"));
    }
    try {
      WardBoundaries.BoundaryReport report =
          boundaries.load(file.getBytes(), file.getOriginalFilename());
      model.addAttribute(
          "banner",
          report.wards()
              + " ward boundaries loaded"
              + (report.newWards().isEmpty()
                  ? ""
                  : "; new wards: " + String.join(", ", report.newWards())));
      return page(model, Map.of());
    } catch (InvalidInputException e) {
      return page(
          model, Map.of("boundaries", e.errors().getOrDefault("file", "The file was not loaded")));
    }
  }

  private String page(Model model, Map<String, String> errors) {
    model.addAttribute("errors", errors);
    model.addAttribute("size", gazetteer.size());
    model.addAttribute("loads", gazetteer.loads());
    model.addAttribute("wardBoundaries", boundaries.loaded());
    return "admin/places";
  }
}
