// SPDX-License-Identifier: AGPL-3.0-or-later
package org.borough.governance.web;

import java.util.List;
import org.borough.governance.ForwardPlanNoticeDetails;
import org.borough.system.Errors;
import org.springframework.util.MultiValueMap;

/** The forward-plan notice form's fields, named as {@link ForwardPlanNoticeDetails} names them. */
final class ForwardPlanForm {

  private ForwardPlanForm() {}

  static ForwardPlanNoticeDetails read(MultiValueMap<String, String> f, Errors errors) {
    return new ForwardPlanNoticeDetails(
        f.getFirst("title"),
        f.getFirst("summary"),
        f.getOrDefault("wards", List.of()),
        f.getFirst("decisionMaker"),
        DecisionForm.date(f, "expectedDecisionDate", "The expected date", errors),
        !"no".equals(f.getFirst("keyDecision")),
        f.getFirst("documents"),
        f.getFirst("documentsFrom"),
        f.getFirst("privateReason"),
        DecisionForm.paragraph(
            f,
            "privateParagraph",
            "Choose the paragraph of Schedule 12A the private meeting relies on",
            errors));
  }
}
