// SPDX-License-Identifier: AGPL-3.0-or-later
package org.borough.warehouse;

import java.time.Instant;
import java.util.Map;
import java.util.function.Supplier;
import org.borough.cases.CaseStatistics;
import org.borough.complaints.Complaints;
import org.borough.contacts.ContactStatistics;
import org.borough.enquiries.CouncillorEnquiries;
import org.borough.information.InformationRequests;
import org.borough.satisfaction.Satisfaction;
import org.springframework.stereotype.Component;

/** The CRM's own counts per hour that the reconciliation compares each fact with, by check. */
@Component
class CrmCounts {

  private final Map<Reconciliation.Check, Supplier<Map<Instant, Long>>> perHour;

  CrmCounts(
      CaseStatistics cases,
      ContactStatistics contacts,
      Complaints complaints,
      InformationRequests requests,
      CouncillorEnquiries enquiries,
      Satisfaction satisfaction) {
    this.perHour =
        Map.of(
            Reconciliation.Check.CASES_OPENED_PER_DAY, cases::openedPerHour,
            Reconciliation.Check.CONTACTS_PER_DAY, contacts::occurredPerHour,
            Reconciliation.Check.COMPLAINT_STAGES_PER_DAY, complaints::stagesStartedPerHour,
            Reconciliation.Check.INFORMATION_REQUESTS_PER_DAY, requests::receivedPerHour,
            Reconciliation.Check.ENQUIRIES_PER_DAY, enquiries::raisedPerHour,
            Reconciliation.Check.FEEDBACK_PER_DAY, satisfaction::givenPerHour);
  }

  Map<Reconciliation.Check, Supplier<Map<Instant, Long>>> perHour() {
    return perHour;
  }
}
