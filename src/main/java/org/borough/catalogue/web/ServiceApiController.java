// SPDX-License-Identifier: AGPL-3.0-or-later
package org.borough.catalogue.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import org.borough.catalogue.ServiceCatalogue;
import org.borough.catalogue.ServiceDefinition;
import org.borough.catalogue.Ward;
import org.borough.system.NotFoundException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** The service catalogue and wards over JSON. */
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
  ServiceDefinition service(@PathVariable String code) {
    return catalogue.find(code).orElseThrow(() -> new NotFoundException("Service " + code));
  }

  @GetMapping("/wards")
  @PreAuthorize("hasAuthority('CATALOGUE_READ')")
  @Operation(summary = "The borough's wards with their ONS GSS codes")
  List<Ward> wards() {
    return catalogue.wards();
  }
}
