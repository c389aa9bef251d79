// SPDX-License-Identifier: AGPL-3.0-or-later
package org.borough.identity.web;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.borough.identity.ApiTokenInfo;
import org.borough.identity.StaffAdministration;
import org.borough.identity.StaffDirectory;
import org.borough.system.InvalidInputException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * A signed-in user's own API tokens: issue one for themselves (it always expires), revoke one, and
 * see the notice of any token an administrator issued for them. Sign-in brings them here first when
 * there is such a notice.
 */
@Controller
class OwnTokensController {

  private final StaffDirectory directory;
  private final StaffAdministration administration;

  OwnTokensController(StaffDirectory directory, StaffAdministration administration) {
    this.directory = directory;
    this.administration = administration;
  }

  @GetMapping("/account/tokens")
  String tokens(Model model) {
    return page(model, new LinkedMultiValueMap<>(), Map.of(), null);
  }

  @PostMapping("/account/tokens")
  String issue(@RequestParam MultiValueMap<String, String> form, Model model) {
    var me = directory.current().orElseThrow();
    try {
      String token = administration.issueApiToken(me.id(), TokenForms.request(form));
      return page(model, new LinkedMultiValueMap<>(), Map.of(), token);
    } catch (InvalidInputException e) {
      return page(model, form, e.errors(), null);
    }
  }

  @PostMapping("/account/tokens/{id}/revoke")
  String revoke(@PathVariable UUID id, RedirectAttributes redirect) {
    boolean revoked = administration.revokeOwnApiToken(id);
    redirect.addFlashAttribute(
        "banner", revoked ? "Token revoked" : "That token was not yours or was already revoked");
    return "redirect:/account/tokens";
  }

  private String page(
      Model model, MultiValueMap<String, String> form, Map<String, String> errors, String issued) {
    List<ApiTokenInfo> notices = administration.takeTokenNotices();
    model.addAttribute("notices", notices);
    model.addAttribute("form", form);
    model.addAttribute("errors", errors);
    model.addAttribute("issued", issued);
    model.addAttribute("tokens", administration.ownApiTokens());
    model.addAttribute("maxDays", StaffAdministration.TokenRequest.OWN_MAX_DAYS);
    return "identity/own-tokens";
  }
}
