// SPDX-License-Identifier: AGPL-3.0-or-later
package org.borough.support;

import java.math.BigDecimal;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.borough.cases.NewCase;
import org.borough.catalogue.AttributeType;
import org.borough.catalogue.CaseType;
import org.borough.catalogue.Priority;
import org.borough.catalogue.ServiceAttribute;
import org.borough.catalogue.ServiceCatalogue;
import org.borough.catalogue.ServiceDefinition;
import org.borough.catalogue.SlaPolicy;
import org.borough.catalogue.Ward;
import org.borough.identity.Role;
import org.borough.identity.Staff;
import org.borough.identity.StaffAdministration;
import org.borough.identity.StaffDirectory;
import org.borough.identity.Team;
import org.borough.residents.Channel;
import org.borough.residents.ResidentId;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.test.context.TestComponent;

/**
 * The people, teams, wards and services every integration test can count on. Created through the
 * modules' public APIs, once per application context.
 */
@TestComponent
public class Fixtures implements ApplicationRunner {

  public static final String PASSWORD = "correct-horse-battery-staple";
  public static final String ADMIN_TOKEN = "brg_test_admin_token_0123456789abcdef";

  /** Registered for the Open311 client "default" (BOROUGH_OPEN311_API_KEY). */
  public static final String OPEN311_KEY = "o311_test_default_key_0123456789abcdef";

  public static final String JURISDICTION = "test.example.gov.uk";
  public static final String WASTE = "waste";
  public static final String HIGHWAYS = "highways";
  public static final String MISSED_BIN = "missed-bin";
  public static final String POTHOLE = "pothole";
  public static final String WARD = "E05000001";

  /** A service about a person's home, so never published: made by {@link #noise} when asked. */
  public static final String NOISE = "noise";

  /** One user per role, plus a second caseworker in another team. */
  public static final String AGENT = "agent";

  public static final String CASEWORKER = "caseworker";
  public static final String SUPERVISOR = "supervisor";
  public static final String ANALYST = "analyst";
  public static final String ADMIN = "admin";
  public static final String HIGHWAYS_CASEWORKER = "roads";
  public static final String DEMOCRATIC_SERVICES = "democratic";
  public static final String FINANCE = "finance";
  public static final String DPO = "dpo";

  /** A complaints officer, in the complaints team that complaint cases go to. */
  public static final String COMPLAINTS_OFFICER = "complaints";

  public static final String COMPLAINTS_TEAM = "complaints";

  /** The complaint service: added on first use, like {@link #NOISE}. */
  public static final String COMPLAINT = "complaint";

  /** The Freedom of Information and Environmental Information services: added on first use. */
  public static final String FOI = "foi-request";

  public static final String EIR = "eir-request";

  /** A councillor for the ward {@link #WARD} (Central) alone. */
  public static final String COUNCILLOR = "councillor";

  /** The councillor-enquiry service, for the waste team: added on first use. */
  public static final String ENQUIRY = "councillor-enquiry";

  private final StaffDirectory directory;
  private final StaffAdministration administration;
  private final ServiceCatalogue catalogue;
  private final org.borough.enquiries.CouncillorEnquiries enquiries;

  Fixtures(
      StaffDirectory directory,
      StaffAdministration administration,
      ServiceCatalogue catalogue,
      org.borough.enquiries.CouncillorEnquiries enquiries) {
    this.directory = directory;
    this.administration = administration;
    this.catalogue = catalogue;
    this.enquiries = enquiries;
  }

  @Override
  public void run(ApplicationArguments args) {
    if (directory.findByUsername(FINANCE).isEmpty()) {
      staff(FINANCE, "Fin Ance", EnumSet.of(Role.FINANCE), null);
    }
    if (directory.findByUsername(DPO).isEmpty()) {
      staff(DPO, "Dee Pio", EnumSet.of(Role.DATA_PROTECTION_OFFICER), null);
    }
    if (directory.findByUsername(COMPLAINTS_OFFICER).isEmpty()) {
      Team complaints =
          administration.createTeam(COMPLAINTS_TEAM, "Complaints", "complaints@example.org");
      staff(COMPLAINTS_OFFICER, "Cora Plaint", EnumSet.of(Role.COMPLAINTS_OFFICER), complaints);
    }
    // Also in waste (below), as a complaints officer often is in the teams whose cases draw the
    // most complaints: the role matrix's case is a waste case, worked within one's own teams.
    if (directory.findTeamByCode(WASTE).isPresent()) {
      return;
    }
    Team waste = administration.createTeam(WASTE, "Waste and recycling", "waste@example.org");
    Team highways = administration.createTeam(HIGHWAYS, "Highways", null);
    staff(AGENT, "Alex Agent", EnumSet.of(Role.AGENT), null);
    staff(CASEWORKER, "Casey Worker", EnumSet.of(Role.CASEWORKER), waste);
    staff(SUPERVISOR, "Sam Supervisor", EnumSet.of(Role.SUPERVISOR), waste);
    staff(ANALYST, "Ana Lyst", EnumSet.of(Role.ANALYST), null);
    administration.addMember(
        waste.id(), directory.findByUsername(COMPLAINTS_OFFICER).orElseThrow().id());
    staff(HIGHWAYS_CASEWORKER, "Robin Roads", EnumSet.of(Role.CASEWORKER), highways);
    staff(DEMOCRATIC_SERVICES, "Dee Services", EnumSet.of(Role.DEMOCRATIC_SERVICES), null);
    catalogue.addWard(new Ward(WARD, "Central"));
    catalogue.addWard(new Ward("E05000002", "Riverside"));
    staff(COUNCILLOR, "Cllr Kim Counsell", EnumSet.of(Role.COUNCILLOR), null);
    org.borough.identity.ServicePrincipal.call(
        "fixtures",
        EnumSet.of(org.borough.identity.Permission.STAFF_ADMIN),
        () -> {
          enquiries.setWards(COUNCILLOR, Set.of(WARD));
          return null;
        });
    catalogue.add(
        new ServiceDefinition(
            MISSED_BIN,
            "Missed bin collection",
            "Bins and recycling",
            "Report a bin we did not collect on the scheduled day",
            true,
            waste.id(),
            Priority.NORMAL,
            new SlaPolicy(2, SlaPolicy.Unit.WORKING_DAYS, 75, Set.of("ON_HOLD")),
            List.of(
                new ServiceAttribute(
                    "bin_type",
                    "Which bin was missed?",
                    AttributeType.SINGLE_VALUE_LIST,
                    true,
                    1,
                    null,
                    List.of(
                        new ServiceAttribute.Value("general", "General waste"),
                        new ServiceAttribute.Value("recycling", "Recycling"),
                        new ServiceAttribute.Value("garden", "Garden waste"))),
                new ServiceAttribute(
                    "collection_date",
                    "Collection date",
                    AttributeType.DATE,
                    false,
                    2,
                    "The day it should have been collected",
                    List.of())),
            true));
    catalogue.add(
        new ServiceDefinition(
            POTHOLE,
            "Pothole",
            "Roads and pavements",
            "Report a pothole in a road or pavement",
            true,
            highways.id(),
            Priority.HIGH,
            new SlaPolicy(8, SlaPolicy.Unit.WORKING_HOURS, 80, Set.of("ON_HOLD")),
            List.of(
                new ServiceAttribute(
                    "depth_cm",
                    "Depth in centimetres",
                    AttributeType.NUMBER,
                    false,
                    1,
                    null,
                    List.of()),
                new ServiceAttribute(
                    "hazards",
                    "Hazards",
                    AttributeType.MULTI_VALUE_LIST,
                    false,
                    2,
                    null,
                    List.of(
                        new ServiceAttribute.Value("cyclists", "Danger to cyclists"),
                        new ServiceAttribute.Value("pedestrians", "Trip hazard")))),
            true));
  }

  /** A missed general-waste bin, from no resident, at {@code address} (which may be null). */
  public static NewCase missedBin(String description, String address) {
    return newCase(
        MISSED_BIN,
        null,
        description,
        address,
        null,
        null,
        Map.of("bin_type", List.of("general")),
        null);
  }

  /** A case as phoned in: no UPRN, ward, officer or due date of its own. */
  public static NewCase newCase(
      String service,
      ResidentId reporter,
      String description,
      String address,
      BigDecimal latitude,
      BigDecimal longitude,
      Map<String, List<String>> answers,
      Channel channel) {
    return new NewCase(
        service,
        reporter,
        description,
        address,
        null,
        latitude,
        longitude,
        null,
        answers,
        null,
        null,
        channel,
        null);
  }

  /** The unpublished noise service, added on first use (tests that count services never see it). */
  public static ServiceDefinition noise(ServiceCatalogue catalogue) {
    return catalogue
        .find(NOISE)
        .orElseGet(
            () -> {
              catalogue.add(
                  new ServiceDefinition(
                      NOISE,
                      "Noise complaint",
                      "Noise and nuisance",
                      "Noise from a neighbour",
                      true,
                      null,
                      Priority.NORMAL,
                      new SlaPolicy(5, SlaPolicy.Unit.WORKING_DAYS, 75, Set.of()),
                      List.of(),
                      false));
              return catalogue.find(NOISE).orElseThrow();
            });
  }

  /** The complaint service, for the complaints team, added on first use. */
  public static ServiceDefinition complaint(ServiceCatalogue catalogue, StaffDirectory directory) {
    return catalogue
        .find(COMPLAINT)
        .orElseGet(
            () -> {
              catalogue.add(
                  new ServiceDefinition(
                          COMPLAINT,
                          "Make a complaint",
                          "Complaints",
                          "A complaint about a council service",
                          true,
                          directory.findTeamByCode(COMPLAINTS_TEAM).orElseThrow().id(),
                          Priority.NORMAL,
                          new SlaPolicy(10, SlaPolicy.Unit.WORKING_DAYS, 80, Set.of()),
                          List.of(),
                          false)
                      .withCaseType(CaseType.COMPLAINT));
              return catalogue.find(COMPLAINT).orElseThrow();
            });
  }

  /** The councillor-enquiry service, answered by the waste team in 10 working days. */
  public static ServiceDefinition enquiry(ServiceCatalogue catalogue, StaffDirectory directory) {
    return catalogue
        .find(ENQUIRY)
        .orElseGet(
            () -> {
              catalogue.add(
                  new ServiceDefinition(
                          ENQUIRY,
                          "Councillor enquiry",
                          "Councillors",
                          "An enquiry a councillor raises for a resident of their ward",
                          true,
                          directory.findTeamByCode(WASTE).orElseThrow().id(),
                          Priority.NORMAL,
                          new SlaPolicy(10, SlaPolicy.Unit.WORKING_DAYS, 80, Set.of("ON_HOLD")),
                          List.of(),
                          false)
                      .withCaseType(CaseType.MEMBER_ENQUIRY));
              return catalogue.find(ENQUIRY).orElseThrow();
            });
  }

  /** The FOI or EIR service, for the complaints team, added on first use. */
  public static ServiceDefinition information(
      ServiceCatalogue catalogue, StaffDirectory directory, CaseType type) {
    String code = type == CaseType.FOI ? FOI : EIR;
    return catalogue
        .find(code)
        .orElseGet(
            () -> {
              catalogue.add(
                  new ServiceDefinition(
                          code,
                          type == CaseType.FOI
                              ? "Freedom of Information request"
                              : "Environmental Information request",
                          "Information requests",
                          "A request for information the council holds",
                          true,
                          directory.findTeamByCode(COMPLAINTS_TEAM).orElseThrow().id(),
                          Priority.NORMAL,
                          new SlaPolicy(20, SlaPolicy.Unit.WORKING_DAYS, 75, Set.of("ON_HOLD")),
                          List.of(),
                          false)
                      .withCaseType(type));
              return catalogue.find(code).orElseThrow();
            });
  }

  private void staff(String username, String name, Set<Role> roles, Team team) {
    Staff s = administration.createStaff(username, name, PASSWORD, roles);
    if (team != null) {
      administration.addMember(team.id(), s.id());
    }
  }
}
