// SPDX-License-Identifier: AGPL-3.0-or-later
package org.borough.identity.web;

import org.borough.identity.Staff;
import org.borough.identity.StaffDirectory;
import org.borough.identity.security.SecondFactors;
import org.borough.system.NotFoundException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * An administrator removes a member of staff's authenticator app and recovery codes (a lost or
 * replaced phone, with both the app and the codes gone): at their next sign-in they set up a new
 * app. Wants a recent sign-in, like any change to what someone may do.
 */
@Controller
class AuthenticatorAdminController {

  private final StaffDirectory directory;
  private final SecondFactors factors;

  AuthenticatorAdminController(StaffDirectory directory, SecondFactors factors) {
    this.directory = directory;
    this.factors = factors;
  }

  @PostMapping("/admin/staff/{username}/authenticator")
  @PreAuthorize("hasAuthority('STAFF_ADMIN')")
  String reset(@PathVariable String username, RedirectAttributes redirect) {
    Staff member =
        directory
            .findByUsername(username)
            .orElseThrow(() -> new NotFoundException("Staff " + username));
    boolean had = factors.reset(member.username());
    redirect.addFlashAttribute(
        "banner",
        had
            ? member.username() + " will set up a new authenticator app at their next sign-in"
            : member.username() + " had no authenticator app set up");
    return "redirect:/admin/staff/" + member.username();
  }
}
