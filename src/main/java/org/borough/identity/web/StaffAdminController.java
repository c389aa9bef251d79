// SPDX-License-Identifier: AGPL-3.0-or-later
package org.borough.identity.web;

import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.borough.identity.Role;
import org.borough.identity.Staff;
import org.borough.identity.StaffAdministration;
import org.borough.identity.StaffDirectory;
import org.borough.identity.StaffId;
import org.borough.identity.Team;
import org.borough.identity.TeamId;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Administration: staff and their roles and teams, and API tokens. */
@Controller
class StaffAdminController {

  private final StaffDirectory directory;
  private final StaffAdministration administration;

  StaffAdminController(StaffDirectory directory, StaffAdministration administration) {
    this.directory = directory;
    this.administration = administration;
  }

  @GetMapping("/admin")
  @PreAuthorize("hasAuthority('STAFF_ADMIN') or hasAuthority('AUDIT_READ')")
  String index() {
    return "admin/index";
  }

  @GetMapping("/admin/staff")
  @PreAuthorize("hasAuthority('STAFF_ADMIN')")
  String staff(Model model) {
    return staffPage(model, new LinkedMultiValueMap<>(), Map.of());
  }

  @PostMapping("/admin/staff")
  @PreAuthorize("hasAuthority('STAFF_ADMIN')")
  String create(
      @RequestParam MultiValueMap<String, String> form, Model model, RedirectAttributes redirect) {
    Map<String, String> errors = new LinkedHashMap<>();
    String displayName = form.getFirst("displayName");
    if (displayName == null || displayName.isBlank()) {
      errors.put("displayName", "Enter the person's name");
    }
    Set<Role> roles = EnumSet.noneOf(Role.class);
    for (String r : form.getOrDefault("roles", List.of())) {
      try {
        roles.add(Role.valueOf(r));
      } catch (IllegalArgumentException e) {
        errors.put("roles", "Choose roles from the list");
      }
    }
    if (roles.isEmpty()) {
      errors.put("roles", "Choose at least one role");
    }
    if (!errors.isEmpty()) {
      return staffPage(model, form, errors);
    }
    try {
      Staff created =
          administration.createStaff(
              form.getFirst("username"), displayName.trim(), form.getFirst("password"), roles);
      for (String team : form.getOrDefault("teams", List.of())) {
        administration.addMember(new TeamId(UUID.fromString(team)), created.id());
      }
      redirect.addFlashAttribute("banner", "Created " + created.username());
      return "redirect:/admin/staff";
    } catch (IllegalArgumentException e) {
      String field = e.getMessage().startsWith("Password") ? "password" : "username";
      return staffPage(model, form, Map.of(field, e.getMessage()));
    }
  }

  @GetMapping("/admin/tokens")
  @PreAuthorize("hasAuthority('STAFF_ADMIN')")
  String tokens(Model model) {
    return tokensPage(model, Map.of(), null);
  }

  @PostMapping("/admin/tokens")
  @PreAuthorize("hasAuthority('STAFF_ADMIN')")
  String issue(
      @RequestParam(required = false) String owner,
      @RequestParam(required = false) String name,
      Model model) {
    Map<String, String> errors = new LinkedHashMap<>();
    var staff =
        owner == null ? java.util.Optional.<Staff>empty() : directory.findByUsername(owner.trim());
    if (staff.isEmpty()) {
      errors.put("owner", "Enter the username of the user or service account");
    }
    if (name == null || name.isBlank() || name.length() > 120) {
      errors.put("name", "Name the token after what will use it, in 120 characters or fewer");
    }
    if (!errors.isEmpty()) {
      return tokensPage(model, errors, null);
    }
    String token = administration.issueApiToken(staff.get().id(), name.trim());
    // Shown once on this response only; it is not stored anywhere readable.
    return tokensPage(model, Map.of(), token);
  }

  @PostMapping("/admin/tokens/{id}/revoke")
  @PreAuthorize("hasAuthority('STAFF_ADMIN')")
  String revoke(@PathVariable UUID id, RedirectAttributes redirect) {
    boolean revoked = administration.revokeApiToken(id);
    redirect.addFlashAttribute("banner", revoked ? "Token revoked" : "Token was already revoked");
    return "redirect:/admin/tokens";
  }

  private String staffPage(
      Model model, MultiValueMap<String, String> form, Map<String, String> errors) {
    model.addAttribute("form", form);
    model.addAttribute("errors", errors);
    model.addAttribute("staff", administration.allStaff());
    Map<String, String> roles = new LinkedHashMap<>();
    for (Role r : Role.values()) {
      roles.put(r.name(), r.label());
    }
    model.addAttribute("roles", roles);
    Map<String, String> teams = new LinkedHashMap<>();
    for (Team t : directory.teams()) {
      teams.put(t.id().value().toString(), t.name());
    }
    model.addAttribute("teams", teams);
    Map<StaffId, String> teamNames = new LinkedHashMap<>();
    for (Staff s : administration.allStaff()) {
      teamNames.put(
          s.id(), String.join(", ", directory.teamsOf(s.id()).stream().map(Team::name).toList()));
    }
    model.addAttribute("teamNames", teamNames);
    return "admin/staff";
  }

  private String tokensPage(Model model, Map<String, String> errors, String issued) {
    model.addAttribute("errors", errors);
    model.addAttribute("issued", issued);
    model.addAttribute("tokens", administration.apiTokens());
    return "admin/tokens";
  }
}
