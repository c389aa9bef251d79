// SPDX-License-Identifier: AGPL-3.0-or-later
package org.borough.catalogue.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.util.List;
import org.borough.catalogue.ServiceCatalogue;
import org.borough.catalogue.ServiceDefinition;
import org.borough.catalogue.ServiceInput;
import org.borough.catalogue.Ward;
import org.borough.system.EntityTags;
import org.borough.system.NotFoundException;
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
import org.springframework.web.bind.annotation.RestController;

/** The service catalogue and wards over JSON; admins define and change services. */
@RestController
@RequestMapping("/api/v1")
@Tag(name = "Catalogue")
class ServiceApiController {

  private final ServiceCatalogue catalogue;

  ServiceApiController(ServiceCatalogue catalogue) {
    this.catalogue = catalogue;
  }

  @GetMapping("/services")
  @PreAuthorize("hasAuthority('CATALOGUE_READ')")
  @Operation(summary = "Every service with its attributes, team and SLA policy")
  List<ServiceDefinition> services() {
    return catalogue.services();
  }

  @GetMapping("/services/{code}")
  @PreAuthorize("hasAuthority('CATALOGUE_READ')")
  @Operation(summary = "One service definition")
  ResponseEntity<ServiceDefinition> service(@PathVariable String code) {
    ServiceDefinition s = require(code);
    return EntityTags.ok(s, s.version());
  }

  @PostMapping("/services")
  @PreAuthorize("hasAuthority('CATALOGUE_ADMIN')")
  @Operation(
      summary = "Add a service with its questions and SLA policy",
      description =
          "Every error names its field, e.g. code, slaTarget or attributes[0].values; nothing is"
              + " saved unless all of it is valid.")
  ResponseEntity<ServiceDefinition> define(@RequestBody ServiceInput input) {
    ServiceDefinition s = catalogue.define(input);
    return ResponseEntity.created(URI.create("/api/v1/services/" + s.code())).body(s);
  }

  @PutMapping("/services/{code}")
  @PreAuthorize("hasAuthority('CATALOGUE_ADMIN')")
  @Operation(
      summary = "Replace a service's definition",
      description =
          "The whole definition, questions in order. A missing code keeps the current one; the"
              + " code can change only while no case refers to the service. A question that cases"
              + " have answered cannot be removed (send it with active false) nor change type.")
  ResponseEntity<ServiceDefinition> change(
      @PathVariable String code,
      @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch,
      @RequestBody ServiceInput input) {
    ServiceDefinition before = require(code);
    int version = EntityTags.expected(ifMatch, before.version(), "service " + before.name());
    ServiceDefinition s =
        catalogue.change(code, input.code() == null ? input.withCode(code) : input, version);
    return EntityTags.ok(s, s.version());
  }

  private ServiceDefinition require(String code) {
    return catalogue.find(code).orElseThrow(() -> new NotFoundException("Service " + code));
  }

  @GetMapping("/wards")
  @PreAuthorize("hasAuthority('CATALOGUE_READ')")
  @Operation(summary = "The borough's wards with their ONS GSS codes")
  List<Ward> wards() {
    return catalogue.wards();
  }
}
