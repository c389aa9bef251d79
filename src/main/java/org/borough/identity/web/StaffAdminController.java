// SPDX-License-Identifier: AGPL-3.0-or-later
package org.borough.identity.web;

import java.util.EnumSet;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
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
import org.borough.system.EditVersions;
import org.borough.system.InvalidInputException;
import org.borough.system.NotFoundException;
import org.springframework.context.MessageSource;
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
  private final MessageSource messages;

  StaffAdminController(
      StaffDirectory directory, StaffAdministration administration, MessageSource messages) {
    this.directory = directory;
    this.administration = administration;
    this.messages = messages;
  }

  @GetMapping("/admin")
  @PreAuthorize(
      "hasAuthority('STAFF_ADMIN') or hasAuthority('AUDIT_READ') or hasAuthority('CATALOGUE_ADMIN')")
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
    Set<Role> roles = roles(form, errors, true);
    Set<TeamId> teams = teamIds(form, errors);
    if (!errors.isEmpty()) {
      return staffPage(model, form, errors);
    }
    try {
      Staff created =
          administration.createStaff(
              form.getFirst("username"), displayName.trim(), form.getFirst("password"), roles);
      for (TeamId team : teams) {
        administration.addMember(team, created.id());
      }
      redirect.addFlashAttribute("banner", "Created " + created.username());
      return "redirect:/admin/staff";
    } catch (IllegalArgumentException e) {
      String field = e.getMessage().startsWith("Password") ? "password" : "username";
      return staffPage(model, form, Map.of(field, e.getMessage()));
    }
  }

  @GetMapping("/admin/staff/{username}")
  @PreAuthorize("hasAuthority('STAFF_ADMIN')")
  String edit(@PathVariable String username, Model model) {
    Staff s = require(username);
    MultiValueMap<String, String> form = new LinkedMultiValueMap<>();
    form.add("displayName", s.displayName());
    s.roles().forEach(r -> form.add("roles", r.name()));
    directory.teamsOf(s.id()).forEach(t -> form.add("teams", t.id().value().toString()));
    form.add("active", String.valueOf(s.enabled()));
    form.add("version", String.valueOf(s.version()));
    return editPage(s, model, form, Map.of());
  }

  @PostMapping("/admin/staff/{username}")
  @PreAuthorize("hasAuthority('STAFF_ADMIN')")
  String change(
      @PathVariable String username,
      @RequestParam MultiValueMap<String, String> form,
      Model model,
      RedirectAttributes redirect) {
    Staff s = require(username);
    Map<String, String> errors = new LinkedHashMap<>();
    Set<Role> roles = roles(form, errors, false);
    Set<TeamId> teams = teamIds(form, errors);
    int version = EditVersions.fromForm(form.getFirst("version"), "member of staff");
    if (errors.isEmpty()) {
      try {
        administration.changeStaff(
            s.id(),
            new StaffAdministration.StaffChange(
                form.getFirst("displayName"),
                roles,
                teams,
                !"false".equals(form.getFirst("active")),
                version));
        redirect.addFlashAttribute("banner", "Saved " + s.username());
        return "redirect:/admin/staff";
      } catch (InvalidInputException e) {
        errors.putAll(e.errors());
      }
    }
    return editPage(s, model, form, errors);
  }

  @GetMapping("/admin/staff/{username}/password")
  @PreAuthorize("hasAuthority('STAFF_ADMIN')")
  String password(@PathVariable String username, Model model) {
    return passwordPage(require(username), model, Map.of());
  }

  @PostMapping("/admin/staff/{username}/password")
  @PreAuthorize("hasAuthority('STAFF_ADMIN')")
  String resetPassword(
      @PathVariable String username,
      @RequestParam(required = false) String password,
      Model model,
      RedirectAttributes redirect) {
    Staff s = require(username);
    try {
      administration.resetPassword(s.id(), password);
      redirect.addFlashAttribute("banner", "New password set for " + s.username());
      return "redirect:/admin/staff/" + s.username();
    } catch (InvalidInputException e) {
      return passwordPage(s, model, e.errors());
    }
  }

  @GetMapping("/admin/teams")
  @PreAuthorize("hasAuthority('STAFF_ADMIN')")
  String teams(Model model) {
    MultiValueMap<String, String> form = new LinkedMultiValueMap<>();
    return teamsPage(model, form, Map.of());
  }

  @PostMapping("/admin/teams")
  @PreAuthorize("hasAuthority('STAFF_ADMIN')")
  String createTeam(
      @RequestParam MultiValueMap<String, String> form, Model model, RedirectAttributes redirect) {
    try {
      Team t =
          administration.createTeam(
              form.getFirst("code"), form.getFirst("name"), form.getFirst("email"));
      redirect.addFlashAttribute("banner", "Added " + t.name());
      return "redirect:/admin/teams";
    } catch (InvalidInputException e) {
      return teamsPage(model, form, e.errors());
    }
  }

  @GetMapping("/admin/teams/{id}")
  @PreAuthorize("hasAuthority('STAFF_ADMIN')")
  String editTeam(@PathVariable UUID id, Model model) {
    Team t = requireTeam(id);
    MultiValueMap<String, String> form = new LinkedMultiValueMap<>();
    form.add("code", t.code());
    form.add("name", t.name());
    form.add("email", t.email());
    form.add("active", String.valueOf(t.active()));
    form.add("version", String.valueOf(t.version()));
    return teamPage(t, model, form, Map.of());
  }

  @PostMapping("/admin/teams/{id}")
  @PreAuthorize("hasAuthority('STAFF_ADMIN')")
  String changeTeam(
      @PathVariable UUID id,
      @RequestParam MultiValueMap<String, String> form,
      Model model,
      RedirectAttributes redirect) {
    Team t = requireTeam(id);
    try {
      Team changed =
          administration.changeTeam(
              t.id(),
              form.getFirst("code"),
              form.getFirst("name"),
              form.getFirst("email"),
              !"false".equals(form.getFirst("active")),
              EditVersions.fromForm(form.getFirst("version"), "team"));
      redirect.addFlashAttribute("banner", "Saved " + changed.name());
      return "redirect:/admin/teams";
    } catch (InvalidInputException e) {
      return teamPage(t, model, form, e.errors());
    }
  }

  @GetMapping("/admin/tokens")
  @PreAuthorize("hasAuthority('STAFF_ADMIN')")
  String tokens(Model model) {
    return tokensPage(model, new LinkedMultiValueMap<>(), Map.of(), null);
  }

  @PostMapping("/admin/tokens")
  @PreAuthorize("hasAuthority('STAFF_ADMIN')")
  String issue(@RequestParam MultiValueMap<String, String> form, Model model) {
    String owner = form.getFirst("owner");
    var staff =
        owner == null ? java.util.Optional.<Staff>empty() : directory.findByUsername(owner.trim());
    if (staff.isEmpty()) {
      return tokensPage(
          model, form, Map.of("owner", "Enter the username of the user or service account"), null);
    }
    try {
      String token = administration.issueApiToken(staff.get().id(), TokenForms.request(form));
      // Shown once on this response only; it is not stored anywhere readable.
      return tokensPage(model, new LinkedMultiValueMap<>(), Map.of(), token);
    } catch (InvalidInputException e) {
      return tokensPage(model, form, e.errors(), null);
    }
  }

  @PostMapping("/admin/tokens/{id}/revoke")
  @PreAuthorize("hasAuthority('STAFF_ADMIN')")
  String revoke(@PathVariable UUID id, RedirectAttributes redirect) {
    boolean revoked = administration.revokeApiToken(id);
    redirect.addFlashAttribute("banner", revoked ? "Token revoked" : "Token was already revoked");
    return "redirect:/admin/tokens";
  }

  /** The chosen roles; an empty choice is reported here only when the service would not. */
  private static Set<Role> roles(
      MultiValueMap<String, String> form, Map<String, String> errors, boolean atLeastOne) {
    Set<Role> roles = EnumSet.noneOf(Role.class);
    for (String r : form.getOrDefault("roles", List.of())) {
      try {
        roles.add(Role.valueOf(r));
      } catch (IllegalArgumentException e) {
        errors.put("roles", "Choose roles from the list");
      }
    }
    if (atLeastOne && roles.isEmpty()) {
      errors.put("roles", "Choose at least one role");
    }
    return roles;
  }

  private Set<TeamId> teamIds(MultiValueMap<String, String> form, Map<String, String> errors) {
    Set<TeamId> teams = new HashSet<>();
    for (String team : form.getOrDefault("teams", List.of())) {
      try {
        TeamId id = new TeamId(UUID.fromString(team));
        if (directory.findTeam(id).isEmpty()) {
          errors.put("teams", "Choose teams from the list");
        }
        teams.add(id);
      } catch (IllegalArgumentException e) {
        errors.put("teams", "Choose teams from the list");
      }
    }
    return teams;
  }

  private Staff require(String username) {
    return directory
        .findByUsername(username)
        .orElseThrow(() -> new NotFoundException("Staff " + username));
  }

  private Team requireTeam(UUID id) {
    return directory.findTeam(new TeamId(id)).orElseThrow(() -> new NotFoundException("Team"));
  }

  private String editPage(
      Staff s, Model model, MultiValueMap<String, String> form, Map<String, String> errors) {
    model.addAttribute("member", s);
    model.addAttribute("form", form);
    model.addAttribute("errors", errors);
    model.addAttribute("roles", roleOptions());
    model.addAttribute("teams", teamOptions(directory.teamsOf(s.id())));
    model.addAttribute("activeOptions", yesNo("admin.staff.active"));
    return "admin/staff-member";
  }

  private String passwordPage(Staff s, Model model, Map<String, String> errors) {
    model.addAttribute("member", s);
    model.addAttribute("errors", errors);
    return "admin/password";
  }

  private String teamsPage(
      Model model, MultiValueMap<String, String> form, Map<String, String> errors) {
    model.addAttribute("form", form);
    model.addAttribute("errors", errors);
    model.addAttribute("teams", directory.teams());
    return "admin/teams";
  }

  private String teamPage(
      Team t, Model model, MultiValueMap<String, String> form, Map<String, String> errors) {
    model.addAttribute("team", t);
    model.addAttribute("form", form);
    model.addAttribute("errors", errors);
    model.addAttribute("activeOptions", yesNo("admin.teams.active"));
    return "admin/team";
  }

  private Map<String, String> yesNo(String key) {
    Map<String, String> options = new LinkedHashMap<>();
    options.put("true", messages.getMessage(key + ".yes", null, Locale.UK));
    options.put("false", messages.getMessage(key + ".no", null, Locale.UK));
    return options;
  }

  private static Map<String, String> roleOptions() {
    Map<String, String> roles = new LinkedHashMap<>();
    for (Role r : Role.values()) {
      roles.put(r.name(), r.label());
    }
    return roles;
  }

  /** Active teams, and the retired ones someone is still in, so an edit does not drop them. */
  private Map<String, String> teamOptions(List<Team> current) {
    Map<String, String> teams = new LinkedHashMap<>();
    for (Team t : directory.teams()) {
      if (t.active() || current.contains(t)) {
        teams.put(t.id().value().toString(), t.name());
      }
    }
    return teams;
  }

  private String staffPage(
      Model model, MultiValueMap<String, String> form, Map<String, String> errors) {
    model.addAttribute("form", form);
    model.addAttribute("errors", errors);
    model.addAttribute("staff", administration.allStaff());
    model.addAttribute("roles", roleOptions());
    model.addAttribute("teams", teamOptions(List.of()));
    Map<StaffId, String> teamNames = new LinkedHashMap<>();
    for (Staff s : administration.allStaff()) {
      teamNames.put(
          s.id(), String.join(", ", directory.teamsOf(s.id()).stream().map(Team::name).toList()));
    }
    model.addAttribute("teamNames", teamNames);
    return "admin/staff";
  }

  private String tokensPage(
      Model model, MultiValueMap<String, String> form, Map<String, String> errors, String issued) {
    model.addAttribute("form", form);
    model.addAttribute("errors", errors);
    model.addAttribute("issued", issued);
    model.addAttribute("tokens", administration.apiTokens());
    model.addAttribute("scopeOptions", TokenForms.scopeOptions());
    return "admin/tokens";
  }
}
