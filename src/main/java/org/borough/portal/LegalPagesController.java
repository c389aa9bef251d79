// SPDX-License-Identifier: AGPL-3.0-or-later
package org.borough.portal;

import org.borough.system.LegalProperties;
import org.borough.system.SystemProperties;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * The accessibility statement and the cookies page, which every public-sector service must have,
 * for residents and staff alike (linked from every page's footer; the privacy notice is the privacy
 * module's). Public, and made from the council's settings ({@link LegalProperties}) so that what
 * they say is the council's, not Borough's.
 */
@Controller
class LegalPagesController {

  private final LegalProperties legal;
  private final SystemProperties system;

  LegalPagesController(LegalProperties legal, SystemProperties system) {
    this.legal = legal;
    this.system = system;
  }

  @GetMapping("/portal/accessibility")
  String accessibility(Model model) {
    model.addAttribute("legal", legal);
    model.addAttribute("council", system.councilName());
    return "portal/accessibility";
  }

  @GetMapping("/portal/cookies")
  String cookies(Model model) {
    model.addAttribute("council", system.councilName());
    return "portal/cookies";
  }
}
