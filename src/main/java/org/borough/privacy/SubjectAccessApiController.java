// SPDX-License-Identifier: AGPL-3.0-or-later
package org.borough.privacy;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.UUID;
import org.borough.residents.ResidentId;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/** A resident's subject access pack over the JSON API, for a DPO's own tooling. */
@RestController
class SubjectAccessApiController {

  private final SubjectAccessPack packs;

  SubjectAccessApiController(SubjectAccessPack packs) {
    this.packs = packs;
  }

  /**
   * The ZIP of everything held about the resident; recorded in the audit and on the subject access
   * register (opening a request received today when none is open).
   */
  @GetMapping("/api/v1/residents/{id}/subject-access")
  @PreAuthorize("hasAuthority('SUBJECT_ACCESS')")
  void pack(@PathVariable UUID id, HttpServletResponse response) throws IOException {
    PackDownload.send(packs, new ResidentId(id), response);
  }
}
