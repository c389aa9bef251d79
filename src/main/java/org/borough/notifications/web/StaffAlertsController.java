// SPDX-License-Identifier: AGPL-3.0-or-later
package org.borough.notifications.web;

import java.util.LinkedHashMap;
import java.util.Map;
import org.borough.notifications.StaffAlerts;
import org.borough.notifications.StaffAlerts.Frequency;
import org.borough.system.InvalidInputException;
import org.borough.system.WorkingCalendar;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * A member of staff's alerts (cases they own or supervise gone at risk or breached), newest first,
 * and how they hear of them by email. Each sees only their own.
 */
@Controller
class StaffAlertsController {

  private final StaffAlerts alerts;
  private final WorkingCalendar calendar;

  StaffAlertsController(StaffAlerts alerts, WorkingCalendar calendar) {
    this.alerts = alerts;
    this.calendar = calendar;
  }

  @GetMapping("/alerts")
  String list(Model model) {
    model.addAttribute("alerts", alerts.open());
    model.addAttribute("zone", calendar.zone());
    model.addAttribute("setting", alerts.setting().orElse(null));
    return "alerts/index";
  }

  @GetMapping("/alerts/settings")
  String settings(Model model) {
    MultiValueMap<String, String> form = new LinkedMultiValueMap<>();
    alerts
        .setting()
        .ifPresent(
            s -> {
              form.add("email", s.email());
              form.add("frequency", s.frequency().name());
            });
    return page(model, form, Map.of());
  }

  @PostMapping("/alerts/settings")
  String choose(
      @RequestParam MultiValueMap<String, String> form, Model model, RedirectAttributes redirect) {
    try {
      alerts.choose(form.getFirst("email"), form.getFirst("frequency"));
    } catch (InvalidInputException e) {
      return page(model, form, e.errors());
    }
    redirect.addFlashAttribute("banner", "How you hear of alerts is saved");
    return "redirect:/alerts";
  }

  private static String page(
      Model model, MultiValueMap<String, String> form, Map<String, String> errors) {
    Map<String, String> frequencies = new LinkedHashMap<>();
    frequencies.put(Frequency.EACH.name(), "As each alert arrives (one email a minute at most)");
    frequencies.put(Frequency.DAILY.name(), "Once a day, a digest of the day's alerts");
    frequencies.put(Frequency.NONE.name(), "Not by email: I will look in the console");
    model.addAttribute("form", form);
    model.addAttribute("errors", errors);
    model.addAttribute("frequencies", frequencies);
    return "alerts/settings";
  }
}
