// SPDX-License-Identifier: AGPL-3.0-or-later
package org.borough.cases.web;

import java.io.IOException;
import java.nio.file.Files;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.borough.cases.CaseAttachments;
import org.borough.cases.CaseManagement;
import org.borough.cases.CaseStatus;
import org.borough.cases.CaseView;
import org.borough.catalogue.ServiceCatalogue;
import org.borough.identity.StaffDirectory;
import org.borough.identity.StaffId;
import org.borough.identity.Team;
import org.borough.identity.TeamId;
import org.borough.residents.ResidentId;
import org.borough.residents.ResidentManagement;
import org.borough.system.InvalidInputException;
import org.springframework.core.io.FileSystemResource;
import org.springframework.core.io.Resource;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The case page and its actions: change status, assign, add a note, attach a file. */
@Controller
class CaseController {

  private final CaseManagement cases;
  private final CaseAttachments attachments;
  private final StaffDirectory staff;
  private final ResidentManagement residents;
  private final ServiceCatalogue catalogue;

  CaseController(
      CaseManagement cases,
      CaseAttachments attachments,
      StaffDirectory staff,
      ResidentManagement residents,
      ServiceCatalogue catalogue) {
    this.catalogue = catalogue;
    this.cases = cases;
    this.attachments = attachments;
    this.staff = staff;
    this.residents = residents;
  }

  @GetMapping("/cases/{reference}")
  @PreAuthorize("hasAuthority('CASE_READ')")
  String view(@PathVariable String reference, Model model) {
    CaseView c = cases.viewByReference(reference);
    return page(c, Map.of(), model);
  }

  @PostMapping("/cases/{reference}/status")
  @PreAuthorize("hasAuthority('CASE_WORK')")
  String status(
      @PathVariable String reference,
      @RequestParam(required = false) String status,
      @RequestParam(required = false) String statusNote,
      @RequestParam(required = false) String statusPublic,
      @RequestParam(required = false) String duplicateOf,
      @RequestParam(required = false) Integer version,
      Model model,
      RedirectAttributes redirect) {
    CaseView c = cases.viewByReference(reference);
    // Shown again with errors, the form keeps the version it was drawn at, so a colleague's change
    // in between is still caught when it is sent again.
    model.addAttribute("version", version);
    CaseStatus target;
    try {
      target = CaseStatus.valueOf(status);
    } catch (RuntimeException e) {
      return page(c, Map.of("status", "Choose a status"), model);
    }
    try {
      cases.changeStatus(
          c.id(), target, statusNote, "yes".equals(statusPublic), duplicateOf, version);
    } catch (InvalidInputException e) {
      // The service names the note 'note'; on this page the status form's note is 'statusNote'.
      Map<String, String> errors = new java.util.LinkedHashMap<>();
      e.errors().forEach((k, v) -> errors.put("note".equals(k) ? "statusNote" : k, v));
      return page(c, errors, model);
    }
    redirect.addFlashAttribute("banner", "Status changed to " + target.label().toLowerCase());
    return "redirect:/cases/" + c.reference();
  }

  @PostMapping("/cases/{reference}/notes")
  @PreAuthorize("hasAuthority('CASE_NOTE')")
  String note(
      @PathVariable String reference,
      @RequestParam(required = false) String note,
      @RequestParam(required = false) String publicNote,
      Model model,
      RedirectAttributes redirect) {
    CaseView c = cases.viewByReference(reference);
    try {
      cases.addNote(c.id(), note, "yes".equals(publicNote));
    } catch (InvalidInputException e) {
      return page(c, e.errors(), model);
    }
    redirect.addFlashAttribute("banner", "Note added");
    return "redirect:/cases/" + c.reference();
  }

  @PostMapping("/cases/{reference}/reply")
  @PreAuthorize("hasAuthority('CASE_NOTE')")
  String reply(
      @PathVariable String reference,
      @RequestParam(required = false) String reply,
      Model model,
      RedirectAttributes redirect) {
    CaseView c = cases.viewByReference(reference);
    try {
      cases.replyToReporter(c.id(), reply);
    } catch (InvalidInputException e) {
      return page(c, e.errors(), model);
    }
    redirect.addFlashAttribute("banner", "Reply sent to the reporter");
    return "redirect:/cases/" + c.reference();
  }

  @PostMapping("/cases/{reference}/assign")
  @PreAuthorize("hasAuthority('CASE_WORK')")
  String assign(
      @PathVariable String reference,
      @RequestParam(required = false) UUID team,
      @RequestParam(required = false) String officer,
      @RequestParam(required = false) Integer version,
      Model model,
      RedirectAttributes redirect) {
    CaseView c = cases.viewByReference(reference);
    model.addAttribute("version", version);
    try {
      StaffId officerId =
          officer == null || officer.isBlank() ? null : new StaffId(UUID.fromString(officer));
      cases.assign(c.id(), team == null ? null : new TeamId(team), officerId, version);
    } catch (InvalidInputException e) {
      return page(c, e.errors(), model);
    } catch (IllegalArgumentException e) {
      return page(c, Map.of("officer", "Choose an officer from the list"), model);
    }
    redirect.addFlashAttribute("banner", "Case assigned");
    return "redirect:/cases/" + c.reference();
  }

  @PostMapping("/cases/{reference}/attachments")
  @PreAuthorize("hasAuthority('CASE_NOTE')")
  String attach(
      @PathVariable String reference,
      @RequestParam(name = "file", required = false) MultipartFile file,
      Model model,
      RedirectAttributes redirect)
      throws IOException {
    CaseView c = cases.viewByReference(reference);
    try {
      if (file == null || file.isEmpty()) {
        throw InvalidInputException.of("file", "Choose a file to attach");
      }
      attachments.add(c.id(), file.getOriginalFilename(), file.getSize(), file.getInputStream());
    } catch (InvalidInputException e) {
      return page(c, e.errors(), model);
    }
    redirect.addFlashAttribute("banner", "File attached");
    return "redirect:/cases/" + c.reference();
  }

  @GetMapping("/cases/{reference}/attachments/{id}")
  @PreAuthorize("hasAuthority('CASE_READ')")
  ResponseEntity<Resource> download(@PathVariable String reference, @PathVariable UUID id)
      throws IOException {
    CaseView c = cases.viewByReference(reference);
    var file = attachments.download(c.id(), id);
    if (!Files.exists(file.path())) {
      throw new org.borough.system.NotFoundException("Attachment file");
    }
    return ResponseEntity.ok()
        .contentType(MediaType.parseMediaType(file.contentType()))
        .contentLength(file.size())
        .header(
            HttpHeaders.CONTENT_DISPOSITION,
            ContentDisposition.attachment().filename(file.filename()).build().toString())
        .header("X-Content-Type-Options", "nosniff")
        .body(new FileSystemResource(file.path()));
  }

  private String page(CaseView c, Map<String, String> errors, Model model) {
    model.addAttribute("c", c);
    model.addAttribute("errors", errors);
    // A complaint or a request for information is worked on its own page, with its own clock.
    model.addAttribute(
        "caseType",
        catalogue.find(c.summary().serviceCode()).map(s -> s.caseType().name()).orElse("REQUEST"));
    model.addAttribute(
        "nextStatuses",
        Options.of(List.copyOf(c.status().next()), CaseStatus::name, CaseStatus::label));
    List<Team> teams = staff.teams();
    model.addAttribute("teams", Options.of(teams, t -> t.id().value().toString(), Team::name));
    UUID teamId = c.summary().teamId();
    model.addAttribute(
        "teamName",
        teamId == null ? null : staff.findTeam(new TeamId(teamId)).map(Team::name).orElse(null));
    model.addAttribute(
        "officers",
        teamId == null
            ? Map.of()
            : Options.of(
                staff.membersOf(new TeamId(teamId)),
                s -> s.id().value().toString(),
                s -> s.displayName()));
    UUID officer = c.summary().officerId();
    model.addAttribute(
        "officerName",
        officer == null
            ? null
            : staff.findStaff(new StaffId(officer)).map(s -> s.displayName()).orElse(null));
    UUID resident = c.summary().residentId();
    model.addAttribute(
        "residentName",
        resident == null ? null : residents.nameOf(new ResidentId(resident)).orElse(null));
    return "cases/case";
  }
}
