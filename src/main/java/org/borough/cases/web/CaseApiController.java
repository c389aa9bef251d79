// SPDX-License-Identifier: AGPL-3.0-or-later
package org.borough.cases.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.math.BigDecimal;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.borough.audit.AuditAction;
import org.borough.audit.AuditLog;
import org.borough.cases.BulkAction;
import org.borough.cases.CaseId;
import org.borough.cases.CaseManagement;
import org.borough.cases.CaseStatus;
import org.borough.cases.CaseSummary;
import org.borough.cases.CaseView;
import org.borough.cases.NewCase;
import org.borough.catalogue.Priority;
import org.borough.identity.StaffId;
import org.borough.identity.TeamId;
import org.borough.residents.Channel;
import org.borough.residents.ResidentId;
import org.borough.system.EntityTags;
import org.borough.system.InvalidInputException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Cases over JSON: raise, read by reference, change status, note, assign, bulk. */
@RestController
@RequestMapping("/api/v1")
@Tag(name = "Cases")
class CaseApiController {

  private final CaseManagement cases;
  private final AuditLog audit;

  CaseApiController(CaseManagement cases, AuditLog audit) {
    this.cases = cases;
    this.audit = audit;
  }

  /** A case to raise; {@code answers} maps attribute codes to one value or several. */
  record RaiseCase(
      String serviceCode,
      UUID residentId,
      String description,
      String address,
      Long uprn,
      BigDecimal latitude,
      BigDecimal longitude,
      String wardCode,
      Map<String, List<String>> answers,
      Priority priority,
      UUID teamId,
      Channel channel,
      UUID contactId) {}

  record StatusChange(
      CaseStatus status, String note, Boolean publicNote, String duplicateOf, Integer version) {}

  record Note(String text, Boolean publicNote) {}

  record Assignment(UUID teamId, UUID officerId, Integer version) {}

  /** What changes: any of priority, service and location (given whole); why is required. */
  record DetailsChange(
      Priority priority,
      String serviceCode,
      BulkAction.Location location,
      String reason,
      Integer version) {}

  /** One action for many cases: {@code action} is assign, status, note or details. */
  record Bulk(
      List<UUID> caseIds,
      String action,
      UUID teamId,
      UUID officerId,
      CaseStatus status,
      String note,
      Priority priority,
      String serviceCode,
      BulkAction.Location location,
      String reason) {}

  @PostMapping("/cases")
  @PreAuthorize("hasAuthority('CASE_RAISE')")
  @Operation(summary = "Raise a case against a service in the catalogue")
  ResponseEntity<CaseView> raise(@RequestBody RaiseCase r) {
    CaseView opened =
        cases.open(
            new NewCase(
                r.serviceCode(),
                r.residentId() == null ? null : new ResidentId(r.residentId()),
                r.description(),
                r.address(),
                r.uprn(),
                r.latitude(),
                r.longitude(),
                r.wardCode(),
                r.answers(),
                r.priority(),
                r.teamId() == null ? null : new TeamId(r.teamId()),
                r.channel(),
                r.contactId()));
    return ResponseEntity.created(URI.create("/api/v1/cases/" + opened.reference())).body(opened);
  }

  @GetMapping("/cases/{reference}")
  @PreAuthorize("hasAuthority('CASE_READ')")
  @Operation(summary = "A case by the reference residents quote, e.g. BR-2026-000123")
  ResponseEntity<CaseView> get(@PathVariable String reference) {
    return tagged(cases.viewByReference(reference));
  }

  @PostMapping("/cases/{reference}/status")
  @PreAuthorize("hasAuthority('CASE_WORK')")
  @Operation(summary = "Move a case to another status")
  ResponseEntity<CaseView> status(
      @PathVariable String reference,
      @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch,
      @RequestBody StatusChange change) {
    CaseView c = cases.viewByReference(reference);
    cases.changeStatus(
        c.id(),
        change.status(),
        change.note(),
        Boolean.TRUE.equals(change.publicNote()),
        change.duplicateOf(),
        version(c, ifMatch, change.version()));
    return tagged(cases.viewByReference(reference));
  }

  @PostMapping("/cases/{reference}/notes")
  @PreAuthorize("hasAuthority('CASE_NOTE')")
  @Operation(summary = "Add a note; public notes are shown to the resident")
  ResponseEntity<CaseView> note(
      @PathVariable String reference,
      @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch,
      @RequestBody Note note) {
    CaseView c = cases.viewByReference(reference);
    cases.addNote(
        c.id(), note.text(), Boolean.TRUE.equals(note.publicNote()), version(c, ifMatch, null));
    return tagged(cases.viewByReference(reference));
  }

  @PostMapping("/cases/{reference}/assign")
  @PreAuthorize("hasAuthority('CASE_WORK')")
  @Operation(summary = "Give a case to a team and optionally an officer in it")
  ResponseEntity<CaseView> assign(
      @PathVariable String reference,
      @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch,
      @RequestBody Assignment a) {
    CaseView c = cases.viewByReference(reference);
    cases.assign(
        c.id(),
        a.teamId() == null ? null : new TeamId(a.teamId()),
        a.officerId() == null ? null : new StaffId(a.officerId()),
        version(c, ifMatch, a.version()));
    return tagged(cases.viewByReference(reference));
  }

  @PostMapping("/cases/{reference}/details")
  @PreAuthorize("hasAuthority('CASE_WORK')")
  @Operation(
      summary =
          "Change a case's priority, service (re-timing its SLA clock) or location, saying why")
  ResponseEntity<CaseView> details(
      @PathVariable String reference,
      @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch,
      @RequestBody DetailsChange d) {
    CaseView c = cases.viewByReference(reference);
    cases.changeDetails(
        c.id(),
        new BulkAction.ChangeDetails(d.priority(), d.serviceCode(), d.location(), d.reason()),
        version(c, ifMatch, d.version()));
    return tagged(cases.viewByReference(reference));
  }

  @PostMapping("/cases/bulk")
  @PreAuthorize("hasAuthority('CASE_BULK')")
  @Operation(summary = "Apply one action to many cases, all or nothing")
  Map<String, Integer> bulk(@RequestBody Bulk b) {
    BulkAction action =
        switch (b.action() == null ? "" : b.action()) {
          case "assign" -> new BulkAction.Assign(b.teamId(), b.officerId());
          case "status" -> new BulkAction.ChangeStatus(b.status(), b.note());
          case "note" -> new BulkAction.AddNote(b.note(), false);
          case "details" ->
              new BulkAction.ChangeDetails(b.priority(), b.serviceCode(), b.location(), b.reason());
          default ->
              throw InvalidInputException.of("action", "action is assign, status, note or details");
        };
    List<CaseId> ids =
        b.caseIds() == null ? List.of() : b.caseIds().stream().map(CaseId::new).toList();
    return Map.of("updated", cases.bulk(ids, action));
  }

  private static ResponseEntity<CaseView> tagged(CaseView c) {
    return EntityTags.ok(c, c.version());
  }

  /**
   * The version a change is made to: If-Match when sent (a 412 when stale), else the body's {@code
   * version} as older clients send it (a 409 when stale), else none.
   */
  private static Integer version(CaseView c, String ifMatch, Integer bodyVersion) {
    if (ifMatch != null) {
      return EntityTags.expected(ifMatch, c.version(), "case " + c.reference());
    }
    return bodyVersion;
  }

  @GetMapping("/residents/{id}/cases")
  @PreAuthorize("hasAuthority('CASE_READ')")
  @Operation(summary = "A resident's cases, newest first")
  List<CaseSummary> ofResident(
      @PathVariable UUID id, @RequestParam(defaultValue = "50") int limit) {
    if (limit < 1 || limit > 500) {
      throw InvalidInputException.of("limit", "limit is 1 to 500");
    }
    audit.record(AuditAction.VIEW, "resident", id.toString(), "cases listed through the API");
    return cases.ofResident(new ResidentId(id), limit);
  }
}
