// SPDX-License-Identifier: AGPL-3.0-or-later
package org.borough.privacy;

import java.util.List;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The retention schedule for the DPO (what is due now, and the button that applies it), the record
 * of processing, and the public privacy page that tells residents how long their data is kept.
 */
@Controller
class RetentionController {

  private final RetentionSchedule schedule;
  private final ProcessingRecord processing;
  private final RetentionProperties properties;
  private final org.borough.system.LegalProperties legal;

  RetentionController(
      RetentionSchedule schedule,
      ProcessingRecord processing,
      RetentionProperties properties,
      org.borough.system.LegalProperties legal) {
    this.legal = legal;
    this.schedule = schedule;
    this.processing = processing;
    this.properties = properties;
  }

  @GetMapping("/privacy/retention")
  @PreAuthorize("hasAuthority('ERASURE')")
  String dryRun(Model model) {
    model.addAttribute("due", schedule.dryRun());
    model.addAttribute("nightly", properties.enabled());
    return "privacy/retention";
  }

  @PostMapping("/privacy/retention/run")
  @PreAuthorize("hasAuthority('ERASURE')")
  String apply(RedirectAttributes redirect) {
    List<RetentionSchedule.Due> done = schedule.apply();
    long total = done.stream().mapToLong(RetentionSchedule.Due::count).sum();
    redirect.addFlashAttribute(
        "banner", "Retention schedule applied: " + total + " records made anonymous");
    return "redirect:/privacy/retention";
  }

  @GetMapping("/privacy/processing")
  @PreAuthorize("hasAnyAuthority('SUBJECT_ACCESS', 'ERASURE')")
  String processing(Model model) {
    model.addAttribute("activities", processing.activities());
    return "privacy/processing";
  }

  /** Public: how long the council keeps what residents tell it (no sign-in). */
  @GetMapping("/portal/privacy")
  String publicPage(Model model) {
    model.addAttribute("lines", schedule.lines());
    model.addAttribute("dpoEmail", legal.dpoEmail());
    model.addAttribute("errors", java.util.Map.of());
    return "portal/privacy";
  }
}
