// SPDX-License-Identifier: AGPL-3.0-or-later
package org.borough.places.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.borough.places.Address;
import org.borough.places.Gazetteer;
import org.borough.places.LoadReport;
import org.borough.system.Inputs;
import org.borough.system.InvalidInputException;
import org.borough.system.NotFoundException;
import org.springframework.http.MediaType;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The gazetteer over JSON: addresses by postcode, by words or by UPRN, and loading a file. */
@RestController
@Tag(name = "Addresses")
class AddressApiController {

  private static final List<MediaType> CSV =
      List.of(new MediaType("text", "csv"), MediaType.TEXT_PLAIN);

  private final Gazetteer gazetteer;

  AddressApiController(Gazetteer gazetteer) {
    this.gazetteer = gazetteer;
  }

  @GetMapping("/api/v1/addresses")
  @PreAuthorize("hasAuthority('ADDRESS_LOOKUP')")
  @Operation(
      summary =
          "Current addresses at a postcode (postcode=SE30 1AB), in street order, or that have"
              + " every word typed (q=12 acacia), by postcode; limit (1 to 50) caps the second")
  List<Address> find(
      @RequestParam(required = false) String postcode,
      @RequestParam(required = false) String q,
      @RequestParam(required = false) String limit) {
    boolean byPostcode = Inputs.stripped(postcode) != null;
    boolean byWords = Inputs.stripped(q) != null;
    if (byPostcode == byWords) {
      throw InvalidInputException.of(
          "postcode", "Give either a postcode or words of an address (q), not both");
    }
    if (byPostcode) {
      return gazetteer.atPostcode(postcode);
    }
    int most =
        limit == null
            ? 20
            : Inputs.integer(limit, 1, Gazetteer.MAX_MATCHES)
                .orElseThrow(
                    () ->
                        InvalidInputException.of(
                            "limit",
                            "The limit must be a number from 1 to " + Gazetteer.MAX_MATCHES));
    return gazetteer.search(q, most);
  }

  @GetMapping("/api/v1/addresses/{uprn}")
  @PreAuthorize("hasAuthority('ADDRESS_LOOKUP')")
  @Operation(summary = "The address with this UPRN, current or retired (retiredAt says when)")
  Address one(@PathVariable String uprn) {
    long number =
        Inputs.whole(uprn, 1, 999_999_999_999L)
            .orElseThrow(() -> new NotFoundException("UPRN " + uprn));
    return gazetteer.find(number);
  }

  // Not "consumes": BodyTypes refuses another type after the permission check.
  @PostMapping("/api/v1/admin/gazetteer")
  @PreAuthorize("hasAuthority('GAZETTEER_ADMIN')")
  @Operation(
      summary =
          "Load the council's gazetteer from a CSV body (UTF-8; AddressBase Core's columns, or UPRN,"
              + " LINE1, LINE2, TOWN, POSTCODE, LATITUDE, LONGITUDE): a whole file retires what it"
              + " no longer holds, a file with CHANGE_CODE applies only its changes; all or nothing")
  LoadReport load(HttpServletRequest request, @RequestParam(required = false) String source)
      throws IOException, HttpMediaTypeNotSupportedException {
    BodyTypes.require(request, CSV);
    try (Reader csv = new InputStreamReader(request.getInputStream(), StandardCharsets.UTF_8)) {
      return gazetteer.load(csv, source == null ? "API upload" : source);
    }
  }
}
