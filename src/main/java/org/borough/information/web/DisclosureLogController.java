// SPDX-License-Identifier: AGPL-3.0-or-later
package org.borough.information.web;

import org.borough.information.InformationRequests;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The public disclosure log: responses to requests for information the council chose to publish,
 * under titles that name no one, newest first. No sign-in: what is released to one is released to
 * all.
 */
@Controller
class DisclosureLogController {

  static final int PAGE = 25;

  private final InformationRequests requests;

  DisclosureLogController(InformationRequests requests) {
    this.requests = requests;
  }

  @GetMapping("/portal/disclosure-log")
  String log(@RequestParam(defaultValue = "0") String page, Model model) {
    int p;
    try {
      p = Math.max(0, Math.min(10_000, Integer.parseInt(page.strip())));
    } catch (NumberFormatException e) {
      p = 0;
    }
    var entries = requests.disclosureLog(p, PAGE + 1);
    model.addAttribute("entries", entries.size() > PAGE ? entries.subList(0, PAGE) : entries);
    model.addAttribute("page", p);
    model.addAttribute("more", entries.size() > PAGE);
    return "information/disclosure-log";
  }
}
