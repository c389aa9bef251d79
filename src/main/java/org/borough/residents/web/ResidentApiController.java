// SPDX-License-Identifier: AGPL-3.0-or-later
package org.borough.residents.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.util.Map;
import java.util.UUID;
import org.borough.residents.Resident;
import org.borough.residents.ResidentDetails;
import org.borough.residents.ResidentId;
import org.borough.residents.ResidentManagement;
import org.borough.residents.ResidentSearch;
import org.borough.system.EntityTags;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Residents over JSON, for integrations. Same rules and audit as the console. */
@RestController
@RequestMapping("/api/v1/residents")
@Tag(name = "Residents")
class ResidentApiController {

  private final ResidentManagement residents;

  ResidentApiController(ResidentManagement residents) {
    this.residents = residents;
  }

  @GetMapping
  @PreAuthorize("hasAuthority('RESIDENT_READ')")
  @Operation(summary = "Find residents by name, postcode, phone or email (keyset-paginated)")
  ResidentSearch search(@RequestParam String q, @RequestParam(required = false) String after) {
    return residents.search(q, after);
  }

  @GetMapping("/{id}")
  @PreAuthorize("hasAuthority('RESIDENT_READ')")
  @Operation(summary = "Everything about a resident; merged records answer with the kept one")
  ResponseEntity<Resident> get(@PathVariable UUID id) {
    Resident r = residents.view(new ResidentId(id));
    return EntityTags.ok(r, r.version());
  }

  @PostMapping
  @PreAuthorize("hasAuthority('RESIDENT_WRITE')")
  @Operation(summary = "Register a resident")
  ResponseEntity<Map<String, Object>> register(@RequestBody ResidentDetails details) {
    ResidentId id = residents.register(details);
    return ResponseEntity.created(URI.create("/api/v1/residents/" + id))
        .body(Map.of("id", id.value()));
  }

  @PutMapping("/{id}")
  @PreAuthorize("hasAuthority('RESIDENT_WRITE')")
  @Operation(
      summary = "Replace a resident's details",
      description =
          "Send If-Match with the ETag you read (or, as before, ?version=): a stale one is refused"
              + " with 412 (If-Match) or 409 (version), and one of the two is required.")
  ResponseEntity<Resident> update(
      @PathVariable UUID id,
      @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch,
      @RequestParam(required = false) Integer version,
      @RequestBody ResidentDetails details) {
    ResidentId resident = new ResidentId(id);
    Resident current = residents.view(resident);
    residents.update(
        resident,
        details,
        EntityTags.required(ifMatch, version, current.version(), "resident's record"));
    Resident saved = residents.view(resident);
    return EntityTags.ok(saved, saved.version());
  }
}
