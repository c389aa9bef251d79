// SPDX-License-Identifier: AGPL-3.0-or-later
package org.borough.privacy;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.borough.residents.ResidentId;

/** Sends a subject access pack as a ZIP download, from the console or the API. */
final class PackDownload {

  private PackDownload() {}

  static void send(SubjectAccessPack packs, ResidentId resident, HttpServletResponse response)
      throws IOException {
    // Gathered before the first byte goes out, so that a refusal or a missing resident is still an
    // ordinary error answer, not a broken download.
    SubjectAccessPack.Contents contents = packs.gather(resident);
    response.setContentType("application/zip");
    response.setHeader(
        "Content-Disposition",
        "attachment; filename=\"subject-access-" + contents.resident().id() + ".zip\"");
    response.setHeader("Cache-Control", "no-store");
    packs.write(contents, response.getOutputStream());
  }
}
