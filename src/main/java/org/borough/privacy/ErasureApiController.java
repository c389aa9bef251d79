// SPDX-License-Identifier: AGPL-3.0-or-later
package org.borough.privacy;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.UUID;
import org.borough.residents.ResidentId;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * Erasure over the JSON API. The ERASURE permission reaches the API only through a token made for
 * it (scoped to ERASURE): a token that carries all of its owner's permissions does not carry this
 * one, so a leaked everyday token cannot erase anyone (identity's ApiTokenFilter).
 */
@RestController
@Tag(name = "Privacy")
class ErasureApiController {

  private final Erasure erasure;

  ErasureApiController(Erasure erasure) {
    this.erasure = erasure;
  }

  /** What the caller sends: why the council is erasing the resident. */
  record ErasureRequest(String reason) {}

  @PostMapping("/api/v1/residents/{id}/erasure")
  @PreAuthorize("hasAuthority('ERASURE')")
  @Operation(
      summary =
          "Erase a resident's personal data (UK GDPR Art. 17); 409 with every reason while a legal"
              + " hold is in place or a case is not closed")
  ErasureRecord erase(@PathVariable UUID id, @RequestBody ErasureRequest request) {
    return erasure.erase(new ResidentId(id), request == null ? null : request.reason());
  }
}
