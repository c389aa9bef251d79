// SPDX-License-Identifier: AGPL-3.0-or-later
package org.borough.system.web;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.borough.system.BankHolidayWatch;
import org.borough.system.BankHolidays;
import org.borough.system.SystemProperties;
import org.borough.system.WorkingCalendar;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Shows the bank holidays SLA clocks use and lets an admin load a newer list in the government's
 * bank-holidays.json shape. It applies at once to new deadlines and is kept for restarts.
 */
@Controller
class BankHolidaysController {

  private final WorkingCalendar calendar;
  private final BankHolidayWatch watch;
  private final Path uploaded;

  BankHolidaysController(
      WorkingCalendar calendar, BankHolidayWatch watch, SystemProperties properties) {
    this.calendar = calendar;
    this.watch = watch;
    this.uploaded = BankHolidays.uploadedFile(properties.dataDir());
  }

  @GetMapping("/admin/bank-holidays")
  @PreAuthorize("hasAuthority('STAFF_ADMIN')")
  String show(Model model) {
    return page(model, Map.of());
  }

  @PostMapping("/admin/bank-holidays")
  @PreAuthorize("hasAuthority('STAFF_ADMIN')")
  String load(
      @RequestParam(name = "file", required = false) MultipartFile file,
      Model model,
      RedirectAttributes redirect)
      throws IOException {
    if (file == null || file.isEmpty()) {
      return page(model, Map.of("file", "Choose a bank-holidays.json file"));
    }
    byte[] json = file.getBytes();
    Set<LocalDate> holidays;
    try {
      holidays = BankHolidays.parse(json);
    } catch (IllegalArgumentException e) {
      return page(model, Map.of("file", e.getMessage()));
    }
    Files.createDirectories(uploaded.getParent());
    Files.write(uploaded, json);
    calendar.useBankHolidays(holidays);
    redirect.addFlashAttribute("banner", holidays.size() + " bank holidays loaded");
    return "redirect:/admin/bank-holidays";
  }

  private String page(Model model, Map<String, String> errors) {
    List<LocalDate> holidays = calendar.bankHolidays();
    model.addAttribute("errors", errors);
    model.addAttribute("holidays", holidays);
    model.addAttribute("first", holidays.isEmpty() ? null : holidays.get(0));
    model.addAttribute("last", holidays.isEmpty() ? null : holidays.get(holidays.size() - 1));
    model.addAttribute("runningOut", watch.runningOut());
    model.addAttribute("knownUntil", calendar.knownUntil());
    return "admin/bank-holidays";
  }
}
