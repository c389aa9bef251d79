// SPDX-License-Identifier: AGPL-3.0-or-later
package org.borough.privacy;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import org.borough.catalogue.ServiceAttribute;
import org.borough.catalogue.ServiceCatalogue;
import org.borough.catalogue.ServiceDefinition;
import org.springframework.stereotype.Component;

/**
 * The record of processing activities (UK GDPR Art. 30) for what Borough does, generated from the
 * service catalogue and the retention schedule so that it changes when they do: a new service, a
 * new question on a form or a new retention period is in the record the moment it is saved.
 */
@Component
class ProcessingRecord {

  /** One processing activity, with the columns the ICO's template asks for. */
  record Activity(
      String name,
      String purpose,
      String lawfulBasis,
      String people,
      String data,
      String recipients,
      String retention) {}

  private static final String PUBLIC_TASK =
      "Public task (Art. 6(1)(e)): the council's statutory functions";

  private final ServiceCatalogue catalogue;
  private final RetentionSchedule schedule;

  ProcessingRecord(ServiceCatalogue catalogue, RetentionSchedule schedule) {
    this.catalogue = catalogue;
    this.schedule = schedule;
  }

  List<Activity> activities() {
    List<Activity> all = new ArrayList<>();
    List<RetentionSchedule.Line> lines = schedule.lines();
    for (ServiceDefinition s : catalogue.services()) {
      String answers =
          s.attributes().stream().map(ServiceAttribute::label).collect(Collectors.joining("; "));
      all.add(
          new Activity(
              "Reports and cases: " + s.name() + (s.active() ? "" : " (no longer offered)"),
              "To deliver the service: " + s.description(),
              PUBLIC_TASK,
              "Residents and others who report or follow a case",
              "Name and contact details, address or location, the description, photos"
                  + (answers.isEmpty() ? "" : ", answers to: " + answers),
              "Council staff who work the case; the warehouse holds it only pseudonymised",
              keptFor(lines, s.code())));
    }
    all.add(
        new Activity(
            "Resident records",
            "To know who the council is dealing with and how to reach them",
            PUBLIC_TASK
                + "; vulnerability flags, which can be health data: substantial public interest"
                + " (Art. 9(2)(g), DPA 2018 Sch. 1 para. 6 and 18)",
            "Residents",
            "Name, date of birth, addresses with UPRN, emails, phones, preferred channel and"
                + " language, accessibility needs, vulnerability flags",
            "Council staff by role: flags only to caseworkers, supervisors and the DPO",
            "While the resident has cases or contacts the schedule keeps; erased on request"
                + " (Art. 17) unless a legal hold applies"));
    all.add(
        new Activity(
            "Contacts",
            "To record what residents asked and what the council did",
            PUBLIC_TASK,
            "Residents and callers",
            "Who, when, by which channel, the outcome, a summary",
            "Council staff",
            keptFor(lines, null)));
    all.add(
        new Activity(
            "Portal sign-in and updates",
            "To let residents follow their reports and tell them of progress",
            PUBLIC_TASK + "; their choice of updates can be changed at any time",
            "Residents who use the portal",
            "Email address, mobile number, which reports they follow, which messages were sent",
            "The council's email and text message providers",
            "Sign-in links until used or expired; messages sent are listed until the resident"
                + " is erased"));
    all.add(
        new Activity(
            "Audit log and staff accounts",
            "To show who read or changed personal data, and to secure the system",
            "Legal obligation and accountability (Art. 5(2), Art. 32)",
            "Staff; residents whose records were read",
            "Staff usernames and sign-ins; which records were read or changed, when, from where",
            "The council's auditors and data protection officer",
            "Kept, append-only and hash-chained"));
    all.add(
        new Activity(
            "Statistics (data warehouse)",
            "To report on demand, performance and cost",
            PUBLIC_TASK,
            "Residents, pseudonymised",
            "Keyed pseudonyms in place of residents, cases and contacts; ward, service, times",
            "Council analysts; published tables are aggregates",
            "As the cases and contacts it counts; an erased resident's pseudonym is removed"));
    return all;
  }

  private static String keptFor(List<RetentionSchedule.Line> lines, String service) {
    return lines.stream()
        .filter(l -> l.period() != null)
        .filter(l -> service == null ? l.service() == null : service.equals(l.service()))
        .map(l -> "Kept " + l.kept() + "; then " + l.then())
        .findFirst()
        .orElse("");
  }
}
