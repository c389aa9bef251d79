// SPDX-License-Identifier: AGPL-3.0-or-later
package org.borough.cases.web;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.borough.cases.BulkAction;
import org.borough.cases.CaseId;
import org.borough.cases.CaseManagement;
import org.borough.cases.CaseQueues;
import org.borough.cases.CaseStatus;
import org.borough.cases.QueueFilter;
import org.borough.cases.QueuePage;
import org.borough.catalogue.CaseType;
import org.borough.catalogue.Priority;
import org.borough.catalogue.ServiceCatalogue;
import org.borough.catalogue.ServiceDefinition;
import org.borough.identity.Staff;
import org.borough.identity.StaffDirectory;
import org.borough.identity.Team;
import org.borough.residents.ResidentId;
import org.borough.residents.ResidentManagement;
import org.borough.system.ConflictException;
import org.borough.system.InvalidInputException;
import org.borough.system.NotFoundException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Team and personal queues, most at risk first, with filters and bulk actions. */
@Controller
class QueueController {

  private final CaseQueues queues;
  private final CaseManagement cases;
  private final StaffDirectory staff;
  private final ServiceCatalogue catalogue;
  private final ResidentManagement residents;

  QueueController(
      CaseQueues queues,
      CaseManagement cases,
      StaffDirectory staff,
      ServiceCatalogue catalogue,
      ResidentManagement residents) {
    this.queues = queues;
    this.cases = cases;
    this.staff = staff;
    this.catalogue = catalogue;
    this.residents = residents;
  }

  @GetMapping("/queues")
  @PreAuthorize("hasAuthority('CASE_READ')")
  String teams(Model model) {
    Staff me = staff.current().orElseThrow();
    model.addAttribute("myTeams", staff.teamsOf(me.id()));
    model.addAttribute("teams", staff.teams());
    return "cases/queues";
  }

  @GetMapping("/queues/team/{code}")
  @PreAuthorize("hasAuthority('CASE_READ')")
  String team(
      @PathVariable String code, @RequestParam MultiValueMap<String, String> params, Model model) {
    Team team = staff.findTeamByCode(code).orElseThrow(() -> new NotFoundException("Team"));
    model.addAttribute("title", team.name());
    model.addAttribute("queuePath", "/queues/team/" + team.code());
    return render(params, model, filter -> queues.team(team.id(), filter));
  }

  @GetMapping("/queues/mine")
  @PreAuthorize("hasAuthority('CASE_WORK')")
  String mine(@RequestParam MultiValueMap<String, String> params, Model model) {
    Staff me = staff.current().orElseThrow();
    model.addAttribute("title", "My queue");
    model.addAttribute("queuePath", "/queues/mine");
    return render(params, model, filter -> queues.officer(me.id(), filter));
  }

  @PostMapping("/queues/bulk")
  @PreAuthorize("hasAuthority('CASE_BULK')")
  String bulk(@RequestParam MultiValueMap<String, String> form, RedirectAttributes redirect) {
    String back = form.getFirst("back");
    if (back == null || !back.startsWith("/queues/")) {
      back = "/queues";
    }
    try {
      List<CaseId> ids = new ArrayList<>();
      Map<CaseId, Integer> versions = new HashMap<>();
      for (String id : form.getOrDefault("cases", List.of())) {
        CaseId caseId = new CaseId(UUID.fromString(id));
        ids.add(caseId);
        String version = form.getFirst("version-" + id);
        if (version != null) {
          versions.put(caseId, Integer.valueOf(version));
        }
      }
      BulkAction action = action(form);
      int n = cases.bulk(ids, action, versions);
      redirect.addFlashAttribute("banner", n + (n == 1 ? " case" : " cases") + " updated");
    } catch (InvalidInputException e) {
      Map<String, String> errors = new LinkedHashMap<>();
      e.errors()
          .forEach((field, message) -> errors.put(BULK_FIELDS.getOrDefault(field, field), message));
      redirect.addFlashAttribute("errors", errors);
    } catch (ConflictException e) {
      redirect.addFlashAttribute("errors", Map.of("action", e.getMessage()));
    } catch (IllegalArgumentException e) {
      redirect.addFlashAttribute("errors", Map.of("cases", "Select cases from the list"));
    }
    return "redirect:" + back;
  }

  /** The form's field for each field a case change names, so the error summary links to it. */
  private static final Map<String, String> BULK_FIELDS =
      Map.of(
          "team", "bulkTeam",
          "status", "bulkStatus",
          "note", "bulkNote",
          "reason", "bulkNote",
          "priority", "bulkPriority",
          "serviceCode", "bulkService");

  private static BulkAction action(MultiValueMap<String, String> f) {
    String action = f.getFirst("action");
    if (action == null) {
      throw InvalidInputException.of("action", "Choose what to do with the selected cases");
    }
    switch (action) {
      case "assign" -> {
        String team = f.getFirst("bulkTeam");
        if (team == null || team.isBlank()) {
          throw InvalidInputException.of("bulkTeam", "Choose the team to assign to");
        }
        return new BulkAction.Assign(UUID.fromString(team), null);
      }
      case "status" -> {
        String status = f.getFirst("bulkStatus");
        if (status == null || status.isBlank()) {
          throw InvalidInputException.of("bulkStatus", "Choose the new status");
        }
        return new BulkAction.ChangeStatus(CaseStatus.valueOf(status), f.getFirst("bulkNote"));
      }
      case "note" -> {
        return new BulkAction.AddNote(f.getFirst("bulkNote"), false);
      }
      case "priority" -> {
        String priority = f.getFirst("bulkPriority");
        if (priority == null || priority.isBlank()) {
          throw InvalidInputException.of("bulkPriority", "Choose the new priority");
        }
        Priority chosen;
        try {
          chosen = Priority.valueOf(priority);
        } catch (IllegalArgumentException e) {
          throw InvalidInputException.of("bulkPriority", "Choose the new priority");
        }
        return new BulkAction.ChangeDetails(chosen, null, null, f.getFirst("bulkNote"));
      }
      case "service" -> {
        String service = f.getFirst("bulkService");
        if (service == null || service.isBlank()) {
          throw InvalidInputException.of("bulkService", "Choose the new service");
        }
        return new BulkAction.ChangeDetails(null, service, null, f.getFirst("bulkNote"));
      }
      default -> throw InvalidInputException.of("action", "Choose what to do with the cases");
    }
  }

  private String render(
      MultiValueMap<String, String> params,
      Model model,
      java.util.function.Function<QueueFilter, QueuePage> load) {
    CaseStatus status = null;
    String rawStatus = params.getFirst("status");
    if (rawStatus != null && !rawStatus.isBlank()) {
      try {
        status = CaseStatus.valueOf(rawStatus);
      } catch (IllegalArgumentException e) {
        status = null;
      }
    }
    QueueFilter filter =
        new QueueFilter(
            status, params.getFirst("service"), params.getFirst("sla"), params.getFirst("after"));
    try {
      QueuePage page = load.apply(filter);
      model.addAttribute("page", page);
      List<ResidentId> ids = new ArrayList<>();
      page.cases()
          .forEach(
              c -> {
                if (c.residentId() != null) {
                  ids.add(new ResidentId(c.residentId()));
                }
              });
      Map<UUID, String> names = new LinkedHashMap<>();
      residents.namesOf(ids).forEach((id, name) -> names.put(id.value(), name));
      model.addAttribute("residentNames", names);
    } catch (InvalidInputException e) {
      model.addAttribute("errors", e.errors());
      model.addAttribute("page", new QueuePage(List.of(), null));
      model.addAttribute("residentNames", Map.of());
    }
    model.addAttribute("filter", params);
    model.addAttribute("form", params);
    model.addAttribute(
        "statusOptions",
        Options.of(List.copyOf(CaseStatus.activeStatuses()), CaseStatus::name, CaseStatus::label));
    model.addAttribute(
        "allStatuses",
        Options.of(List.of(CaseStatus.values()), CaseStatus::name, CaseStatus::label));
    model.addAttribute(
        "serviceOptions",
        Options.of(catalogue.services(), ServiceDefinition::code, ServiceDefinition::name));
    Map<String, String> sla = new LinkedHashMap<>();
    sla.put("breached", "Breached");
    sla.put("at-risk", "At risk");
    sla.put("on-track", "On track");
    model.addAttribute("slaOptions", sla);
    model.addAttribute(
        "teams", Options.of(staff.teams(), t -> t.id().value().toString(), Team::name));
    model.addAttribute(
        "priorities", Options.of(List.of(Priority.values()), Priority::name, Priority::label));
    model.addAttribute(
        "services",
        Options.of(
            catalogue.activeServices().stream()
                .filter(d -> d.caseType() == CaseType.REQUEST)
                .toList(),
            ServiceDefinition::code,
            ServiceDefinition::name));
    if (!model.containsAttribute("errors")) {
      model.addAttribute("errors", Map.of());
    }
    return "cases/queue";
  }
}
