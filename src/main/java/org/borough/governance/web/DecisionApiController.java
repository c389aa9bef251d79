// SPDX-License-Identifier: AGPL-3.0-or-later
package org.borough.governance.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.borough.governance.CallIn;
import org.borough.governance.CallInOutcome;
import org.borough.governance.Decision;
import org.borough.governance.DecisionDetails;
import org.borough.governance.DecisionId;
import org.borough.governance.DecisionQuery;
import org.borough.governance.DecisionRegister;
import org.borough.governance.DecisionSummary;
import org.borough.system.EntityTags;
import org.springframework.format.annotation.DateTimeFormat;
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

/**
 * The decisions register over JSON. Reading is public, with no token; recording, publishing,
 * call-in and import need democratic services' permissions.
 */
@RestController
@RequestMapping("/api/v1/decisions")
@Tag(
    name = "Decisions",
    description =
        "The register of executive decisions (SI 2012/2089). GET calls are public and need no"
            + " token.")
class DecisionApiController {

  private final DecisionRegister register;

  DecisionApiController(DecisionRegister register) {
    this.register = register;
  }

  /** Decisions to import, in the shape {@code GET /api/v1/decisions/{id}} returns. */
  record DecisionImport(List<DecisionDetails> decisions) {}

  /** A page of the register; {@code nextOffset} is null on the last page. */
  record DecisionPage(List<DecisionSummary> decisions, Integer nextOffset) {}

  @GetMapping
  @Operation(
      summary = "Published decisions, newest first",
      description =
          "Filters as on the public list page. Dates are yyyy-mm-dd and bound the date of"
              + " decision, inclusive; q looks in the title, background, items, reasons and"
              + " options (every word must appear).")
  DecisionPage list(
      @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
      @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
      @Parameter(description = "The decision maker's name, like Cabinet")
          @RequestParam(required = false)
          String decisionMaker,
      @RequestParam(defaultValue = "false") boolean keyOnly,
      @Parameter(description = "A ward's GSS code, like E05000001") @RequestParam(required = false)
          String ward,
      @RequestParam(required = false) String q,
      @RequestParam(defaultValue = "0") int offset,
      @RequestParam(defaultValue = "50") int limit) {
    DecisionQuery query =
        new DecisionQuery(from, to, decisionMaker, keyOnly, ward, q, offset, limit);
    List<DecisionSummary> found =
        register.search(
            new DecisionQuery(
                from, to, decisionMaker, keyOnly, ward, q, query.offset(), query.limit() + 1));
    boolean more = found.size() > query.limit();
    return new DecisionPage(
        more ? found.subList(0, query.limit()) : found,
        more ? query.offset() + query.limit() : null);
  }

  @GetMapping("/{id}")
  @Operation(summary = "One published decision, with its items, options and versions")
  ResponseEntity<Decision> decision(@PathVariable UUID id) {
    return tagged(register.findPublished(new DecisionId(id)));
  }

  @PostMapping
  @PreAuthorize("hasAuthority('DECISION_RECORD')")
  @Operation(summary = "Record a draft decision (not public until published)")
  ResponseEntity<Decision> record(@RequestBody DecisionDetails details) {
    DecisionId id = register.recordDraft(details);
    Decision d = register.find(id);
    return ResponseEntity.created(URI.create("/api/v1/decisions/" + id))
        .eTag(EntityTags.of(d.editVersion()))
        .body(d);
  }

  @PostMapping("/{id}/publish")
  @PreAuthorize("hasAuthority('DECISION_PUBLISH')")
  @Operation(
      summary = "Publish a draft decision today",
      description =
          "A key decision is refused (400) unless a forward-plan notice 28 clear days ahead, a"
              + " general exception or special urgency is recorded; the errors say which.")
  ResponseEntity<Decision> publish(
      @PathVariable UUID id,
      @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch) {
    DecisionId decision = new DecisionId(id);
    return tagged(register.publish(decision, expected(decision, ifMatch)));
  }

  @PostMapping("/{id}/call-in")
  @PreAuthorize("hasAuthority('DECISION_PUBLISH')")
  @Operation(summary = "Record that a published decision was called in before its deadline")
  ResponseEntity<Decision> callIn(
      @PathVariable UUID id,
      @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch,
      @RequestBody CallIn callIn) {
    DecisionId decision = new DecisionId(id);
    return tagged(register.recordCallIn(decision, callIn, expected(decision, ifMatch)));
  }

  @PostMapping("/{id}/call-in/outcome")
  @PreAuthorize("hasAuthority('DECISION_PUBLISH')")
  @Operation(
      summary = "Record what was decided about a called-in decision; its status follows",
      description =
          "outcome is NO_FURTHER_ACTION, REFERRED_BACK or REFERRED_TO_COUNCIL after the call-in;"
              + " COUNCIL_DID_NOT_OBJECT or REFERRED_BACK after a referral to Council; CONFIRMED"
              + " after a referral back. Any other is refused with 409.")
  ResponseEntity<Decision> callInOutcome(
      @PathVariable UUID id,
      @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch,
      @RequestBody CallInOutcome outcome) {
    DecisionId decision = new DecisionId(id);
    return tagged(register.recordCallInOutcome(decision, outcome, expected(decision, ifMatch)));
  }

  /** The later decision that supersedes one. */
  record Supersession(UUID supersededBy) {}

  @PostMapping("/{id}/superseded-by")
  @PreAuthorize("hasAuthority('DECISION_PUBLISH')")
  @Operation(
      summary = "Record that a later published decision supersedes this one",
      description =
          "Body {\"supersededBy\": id}. The decision becomes SUPERSEDED and names its successor;"
              + " the successor lists it under supersedes.")
  ResponseEntity<Decision> supersede(
      @PathVariable UUID id,
      @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch,
      @RequestBody Supersession body) {
    DecisionId decision = new DecisionId(id);
    return tagged(
        register.recordSupersession(
            decision,
            body.supersededBy() == null ? null : new DecisionId(body.supersededBy()),
            expected(decision, ifMatch)));
  }

  /** A decision with its edit version as the ETag (not its published version number). */
  private static ResponseEntity<Decision> tagged(Decision d) {
    return EntityTags.ok(d, d.editVersion());
  }

  /** The edit version If-Match names (a 412 when it is not the stored one), or null without it. */
  private Integer expected(DecisionId id, String ifMatch) {
    if (ifMatch == null) {
      return null;
    }
    Decision d = register.find(id);
    return EntityTags.expected(ifMatch, d.editVersion(), "decision " + d.details().issue().title());
  }

  @PostMapping("/import")
  @PreAuthorize("hasAuthority('DECISION_PUBLISH')")
  @Operation(
      summary = "Import past decisions as published",
      description =
          "{\"decisions\": [...]}, each in the shape GET /api/v1/decisions/{id} returns, with"
              + " its publicationDate. Every decision is checked first; if any is wrong, every"
              + " error is reported (fields named decisions[n].field) and nothing is imported.")
  ResponseEntity<List<DecisionId>> importDecisions(@RequestBody DecisionImport body) {
    return ResponseEntity.status(201).body(register.importDecisions(body.decisions()));
  }
}
