// SPDX-License-Identifier: AGPL-3.0-or-later
package org.borough.governance.web;

import java.util.List;
import java.util.UUID;
import org.borough.catalogue.ServiceCatalogue;
import org.borough.governance.ForwardPlan;
import org.borough.governance.ForwardPlanNotice;
import org.borough.governance.ForwardPlanNoticeId;
import org.borough.system.SystemProperties;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/**
 * The forward plan as the public reads it, without signing in (reg 9 requires it to be available on
 * the council's website): forthcoming key decisions soonest first, each notice, and an Atom feed of
 * notices as they are published.
 */
@Controller
class PublicForwardPlanController {

  private final ForwardPlan plan;
  private final ServiceCatalogue catalogue;
  private final SystemProperties system;

  PublicForwardPlanController(
      ForwardPlan plan, ServiceCatalogue catalogue, SystemProperties system) {
    this.plan = plan;
    this.catalogue = catalogue;
    this.system = system;
  }

  @GetMapping("/forward-plan")
  String list(
      @RequestParam(required = false) String show,
      @RequestParam(required = false) String page,
      Model model) {
    boolean all = "all".equals(show);
    int p = PublicDecisionsController.page(page);
    int offset = (p - 1) * PublicDecisionsController.PAGE_SIZE;
    int limit = PublicDecisionsController.PAGE_SIZE + 1;
    List<ForwardPlanNotice> found = all ? plan.all(offset, limit) : plan.forthcoming(offset, limit);
    model.addAttribute(
        "notices", found.stream().limit(PublicDecisionsController.PAGE_SIZE).toList());
    model.addAttribute("all", all);
    model.addAttribute("page", p);
    model.addAttribute("hasNext", found.size() > PublicDecisionsController.PAGE_SIZE);
    return "governance/forward-plan";
  }

  @GetMapping("/forward-plan/{id}")
  String notice(@PathVariable UUID id, Model model) {
    model.addAttribute("notice", plan.find(new ForwardPlanNoticeId(id)));
    model.addAttribute("wardNames", PublicDecisionsController.wardNames(catalogue));
    return "governance/forward-plan-notice";
  }

  /** Atom 1.0: the latest 50 notices, most recently published first, whatever their status. */
  @GetMapping("/forward-plan.atom")
  ResponseEntity<String> feed() {
    String base = ServletUriComponentsBuilder.fromCurrentContextPath().build().toUriString();
    List<AtomFeed.Entry> entries =
        plan.all(0, 50).stream().map(n -> AtomFeed.entry(n, base + "/forward-plan")).toList();
    return PublicDecisionsController.atom(
        system.councilName(), "forward plan", base, "/forward-plan", entries);
  }
}
