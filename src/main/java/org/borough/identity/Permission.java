// SPDX-License-Identifier: AGPL-3.0-or-later
package org.borough.identity;

import static org.borough.identity.Role.ADMIN;
import static org.borough.identity.Role.AGENT;
import static org.borough.identity.Role.ANALYST;
import static org.borough.identity.Role.CASEWORKER;
import static org.borough.identity.Role.COMPLAINTS_OFFICER;
import static org.borough.identity.Role.COUNCILLOR;
import static org.borough.identity.Role.DATA_PROTECTION_OFFICER;
import static org.borough.identity.Role.DEMOCRATIC_SERVICES;
import static org.borough.identity.Role.FINANCE;
import static org.borough.identity.Role.SUPERVISOR;

import java.util.EnumSet;
import java.util.Set;

/**
 * The permission matrix: what each role may do. It is the one place that grants access; every
 * controller checks a permission, never a role, and docs/security.md is generated from the same
 * table by {@code SecurityDocsTests}.
 */
public enum Permission {
  RESIDENT_READ(
      "Find and view residents",
      AGENT,
      CASEWORKER,
      SUPERVISOR,
      DATA_PROTECTION_OFFICER,
      COMPLAINTS_OFFICER),
  RESIDENT_WRITE("Register and update residents", AGENT, CASEWORKER, SUPERVISOR),
  RESIDENT_MERGE("Merge duplicate residents", SUPERVISOR),
  VULNERABILITY_READ("See vulnerability flags", CASEWORKER, SUPERVISOR, DATA_PROTECTION_OFFICER),
  CONTACT_LOG("Log contacts", AGENT, CASEWORKER, SUPERVISOR),
  CASE_READ(
      "View cases", AGENT, CASEWORKER, SUPERVISOR, DATA_PROTECTION_OFFICER, COMPLAINTS_OFFICER),
  CASE_RAISE("Raise cases", AGENT, CASEWORKER, SUPERVISOR, COMPLAINTS_OFFICER),
  CASE_NOTE("Add notes to cases", AGENT, CASEWORKER, SUPERVISOR, COMPLAINTS_OFFICER),
  CASE_WORK("Change status, assign, work queues", CASEWORKER, SUPERVISOR, COMPLAINTS_OFFICER),
  CASE_BULK("Bulk actions on cases", CASEWORKER, SUPERVISOR),
  CASE_WORK_ANY_TEAM(
      "Work cases of any team (without it, status, notes, assignment and bulk actions are"
          + " limited to one's own teams' cases)",
      SUPERVISOR),
  CATALOGUE_READ(
      "Read the service catalogue and teams",
      AGENT,
      CASEWORKER,
      SUPERVISOR,
      ANALYST,
      ADMIN,
      COMPLAINTS_OFFICER),
  COMPLAINT_HANDLE(
      "Work complaints through their stages: acknowledge, extend, respond, escalate, link the"
          + " cases they are about and record Ombudsman referrals (within one's own teams'"
          + " complaints unless also allowed any team's cases)",
      COMPLAINTS_OFFICER,
      SUPERVISOR),
  INFORMATION_REQUEST_HANDLE(
      "Answer requests for information under FOI and the EIR: clarify, extend, respond with the"
          + " exemptions applied, publish to the disclosure log, and review",
      COMPLAINTS_OFFICER,
      SUPERVISOR),
  ENQUIRY_RAISE(
      "Raise enquiries for residents of one's own wards and follow their answers", COUNCILLOR),
  WARD_CASES_READ(
      "See the cases in one's own wards as the public may see them (no names, no descriptions),"
          + " with their status and deadline",
      COUNCILLOR),
  ENQUIRY_RESPOND(
      "Answer councillors' enquiries (within one's own teams' cases unless also allowed any"
          + " team's)",
      CASEWORKER,
      SUPERVISOR),
  SATISFACTION_REPORT(
      "Read how satisfied residents said they were with resolved cases, by service and channel",
      SUPERVISOR,
      ANALYST),
  COMPLAINT_REPORT(
      "Read and download the annual complaints performance report",
      COMPLAINTS_OFFICER,
      SUPERVISOR,
      ANALYST),
  CATALOGUE_ADMIN("Define and change services, their questions and SLA policies", ADMIN),
  ADDRESS_LOOKUP(
      "Look addresses up in the council's gazetteer, by postcode or by words",
      AGENT,
      CASEWORKER,
      SUPERVISOR,
      COMPLAINTS_OFFICER,
      COUNCILLOR,
      ADMIN),
  GAZETTEER_ADMIN("Load the council's address gazetteer", ADMIN),
  STAFF_ADMIN("Manage staff, teams and API tokens", ADMIN),
  AUDIT_READ("Read the audit log", ADMIN, DATA_PROTECTION_OFFICER),
  SUBJECT_ACCESS(
      "Answer subject access requests: keep the register and download everything held about a"
          + " resident",
      DATA_PROTECTION_OFFICER),
  ERASURE(
      "Erase a resident's personal data and place or lift legal holds; in the console only after"
          + " entering the password again, through the API only with a token made for it",
      DATA_PROTECTION_OFFICER),
  BREACH_LOG(
      "Record personal data breaches, the assessment of their risk and the reports made to the"
          + " ICO and to the people affected",
      DATA_PROTECTION_OFFICER),
  DECISION_RECORD("Record draft decisions and correct published ones", DEMOCRATIC_SERVICES),
  DECISION_PUBLISH(
      "Publish decisions and forward-plan notices, record call-ins and supersession, import"
          + " decisions",
      DEMOCRATIC_SERVICES),
  PORTFOLIO_READ(
      "Read the ICT portfolio: systems and their support, reserves and budget lines",
      SUPERVISOR,
      ANALYST,
      ADMIN,
      DEMOCRATIC_SERVICES,
      FINANCE),
  PORTFOLIO_MANAGE("Record ICT systems, reserves and budget lines", ADMIN),
  BUDGET_ACTUALS_RECORD(
      "Record what was actually spent on budget lines, by hand or from the ledger", FINANCE, ADMIN),
  WAREHOUSE_READ(
      "Read warehouse figures, KPIs and data quality; query it with read-only SQL",
      SUPERVISOR,
      ANALYST,
      ADMIN,
      FINANCE),
  WAREHOUSE_ADMIN("Rebuild and reconcile the warehouse", ADMIN),
  SYSTEM_BACKUP(
      "Take an online backup of the embedded database, kept on the server (ops/backup.sh)", ADMIN);

  private final String description;
  private final Set<Role> roles;

  Permission(String description, Role... roles) {
    this.description = description;
    this.roles = EnumSet.copyOf(Set.of(roles));
  }

  public String description() {
    return description;
  }

  public Set<Role> roles() {
    return roles;
  }

  public boolean grantedTo(Role role) {
    return roles.contains(role);
  }

  /** Every permission any of these roles holds. */
  public static Set<Permission> of(Set<Role> roles) {
    Set<Permission> granted = EnumSet.noneOf(Permission.class);
    for (Permission p : values()) {
      for (Role r : roles) {
        if (p.grantedTo(r)) {
          granted.add(p);
        }
      }
    }
    return granted;
  }
}
