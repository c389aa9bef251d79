// SPDX-License-Identifier: AGPL-3.0-or-later
package org.borough.portal;

import jakarta.servlet.http.HttpServletRequest;
import java.util.Optional;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The link emailed after a report made without signing in: following it proves the address is the
 * reader's, so the report joins that address's account, and this browser may follow the report.
 * Opened by GET it only shows a Continue button; the POST uses it up, so a mail scanner that
 * fetches every link proves nothing.
 */
@Controller
class ClaimController {

  private final ReportClaims claims;
  private final PortalAccounts accounts;

  ClaimController(ReportClaims claims, PortalAccounts accounts) {
    this.claims = claims;
    this.accounts = accounts;
  }

  @GetMapping("/portal/claim")
  String open(@RequestParam(required = false) String token, Model model) {
    Optional<String> reference = claims.reference(token);
    model.addAttribute("reference", reference.orElse(null));
    model.addAttribute("token", reference.isPresent() ? token : null);
    return "portal/claim";
  }

  @PostMapping("/portal/claim")
  String use(
      @RequestParam(required = false) String token, HttpServletRequest request, Model model) {
    Optional<ReportClaims.Claim> claim = claims.redeem(token);
    if (claim.isEmpty() || !accounts.claim(claim.get())) {
      // Used, expired, or the address no longer belongs to the report (a council merge or edit).
      model.addAttribute("reference", null);
      model.addAttribute("token", null);
      return "portal/claim";
    }
    TrackController.remember(request.getSession(), claim.get().reference(), claim.get().email());
    return "redirect:/portal/track/" + claim.get().reference();
  }
}
