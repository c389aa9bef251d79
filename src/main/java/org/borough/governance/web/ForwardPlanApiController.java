// SPDX-License-Identifier: AGPL-3.0-or-later
package org.borough.governance.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.util.List;
import java.util.UUID;
import org.borough.governance.DecisionId;
import org.borough.governance.DecisionQuery;
import org.borough.governance.ForwardPlan;
import org.borough.governance.ForwardPlanNotice;
import org.borough.governance.ForwardPlanNoticeDetails;
import org.borough.governance.ForwardPlanNoticeId;
import org.borough.system.EntityTags;
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

/** The forward plan over JSON. Reading is public; publishing and changing notices is not. */
@RestController
@RequestMapping("/api/v1/forward-plan")
@Tag(
    name = "Forward plan",
    description =
        "Notices of forthcoming key decisions (SI 2012/2089 reg 9). GET calls are public and need"
            + " no token.")
class ForwardPlanApiController {

  private final ForwardPlan plan;

  ForwardPlanApiController(ForwardPlan plan) {
    this.plan = plan;
  }

  /** A page of notices; {@code nextOffset} is null on the last page. */
  record NoticePage(List<ForwardPlanNotice> notices, Integer nextOffset) {}

  record Withdrawal(String reason) {}

  record Link(UUID decisionId) {}

  @GetMapping
  @Operation(
      summary = "The forward plan",
      description =
          "Forthcoming notices, soonest decision first; with all=true every notice (decided and"
              + " withdrawn too), most recently published first.")
  NoticePage list(
      @RequestParam(defaultValue = "false") boolean all,
      @RequestParam(defaultValue = "0") int offset,
      @RequestParam(defaultValue = "50") int limit) {
    DecisionQuery bounds = new DecisionQuery(null, null, null, false, null, null, offset, limit);
    List<ForwardPlanNotice> found =
        all
            ? plan.all(bounds.offset(), bounds.limit() + 1)
            : plan.forthcoming(bounds.offset(), bounds.limit() + 1);
    boolean more = found.size() > bounds.limit();
    return new NoticePage(
        more ? found.subList(0, bounds.limit()) : found,
        more ? bounds.offset() + bounds.limit() : null);
  }

  @GetMapping("/{id}")
  @Operation(summary = "One notice, with the decision it led to once that is published")
  ResponseEntity<ForwardPlanNotice> notice(@PathVariable UUID id) {
    return tagged(plan.find(new ForwardPlanNoticeId(id)));
  }

  @PostMapping
  @PreAuthorize("hasAuthority('DECISION_PUBLISH')")
  @Operation(
      summary = "Publish a notice today",
      description = "The 28 clear days of reg 9 count from today, the date it is published.")
  ResponseEntity<ForwardPlanNotice> publish(@RequestBody ForwardPlanNoticeDetails details) {
    ForwardPlanNoticeId id = plan.publish(details);
    return ResponseEntity.created(URI.create("/api/v1/forward-plan/" + id)).body(plan.find(id));
  }

  @PostMapping("/{id}/withdraw")
  @PreAuthorize("hasAuthority('DECISION_PUBLISH')")
  @Operation(summary = "Withdraw a forthcoming notice, with the reason")
  ResponseEntity<ForwardPlanNotice> withdraw(
      @PathVariable UUID id,
      @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch,
      @RequestBody Withdrawal body) {
    ForwardPlanNoticeId notice = new ForwardPlanNoticeId(id);
    return tagged(plan.withdraw(notice, body.reason(), expected(notice, ifMatch)));
  }

  @PostMapping("/{id}/decision")
  @PreAuthorize("hasAuthority('DECISION_PUBLISH')")
  @Operation(
      summary = "Link a notice to the decision it led to",
      description =
          "Body {\"decisionId\": id}. A draft decision with no forward-plan date takes the"
              + " notice's publication date.")
  ResponseEntity<ForwardPlanNotice> link(
      @PathVariable UUID id,
      @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch,
      @RequestBody Link body) {
    ForwardPlanNoticeId notice = new ForwardPlanNoticeId(id);
    return tagged(
        plan.linkDecision(
            notice,
            body.decisionId() == null ? null : new DecisionId(body.decisionId()),
            expected(notice, ifMatch)));
  }

  private static ResponseEntity<ForwardPlanNotice> tagged(ForwardPlanNotice n) {
    return EntityTags.ok(n, n.version());
  }

  /** The version If-Match names (a 412 when it is not the stored one), or null without it. */
  private Integer expected(ForwardPlanNoticeId id, String ifMatch) {
    if (ifMatch == null) {
      return null;
    }
    ForwardPlanNotice n = plan.findWithDraft(id);
    return EntityTags.expected(ifMatch, n.version(), "forward-plan notice " + n.details().title());
  }
}
