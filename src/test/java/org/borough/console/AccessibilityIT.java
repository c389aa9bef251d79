// SPDX-License-Identifier: AGPL-3.0-or-later
package org.borough.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;
import org.borough.browser.Axe;
import org.borough.browser.Browser;
import org.borough.cases.CaseManagement;
import org.borough.cases.CaseView;
import org.borough.cases.NewCase;
import org.borough.governance.BudgetLineId;
import org.borough.governance.BudgetLines;
import org.borough.governance.DecisionDetails;
import org.borough.governance.DecisionId;
import org.borough.governance.DecisionIssue;
import org.borough.governance.DecisionItem;
import org.borough.governance.DecisionMaker;
import org.borough.governance.DecisionRegister;
import org.borough.governance.DecisionVerb;
import org.borough.governance.ForwardPlan;
import org.borough.governance.ForwardPlanNoticeDetails;
import org.borough.governance.ForwardPlanNoticeId;
import org.borough.governance.FundingKind;
import org.borough.governance.IctPortfolio;
import org.borough.governance.IctSystemDetails;
import org.borough.governance.NewBudgetLine;
import org.borough.governance.ReserveId;
import org.borough.governance.SpendKind;
import org.borough.governance.SupportStatus;
import org.borough.governance.SystemId;
import org.borough.governance.SystemPhase;
import org.borough.identity.StaffDirectory;
import org.borough.privacy.BreachLog;
import org.borough.residents.ResidentDetails;
import org.borough.residents.ResidentId;
import org.borough.residents.ResidentManagement;
import org.borough.support.Fixtures;
import org.borough.support.IntegrationTest;
import org.borough.support.PortalSignIn;
import org.borough.support.ResidentDetailsFor;
import org.borough.support.SignedIn;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.openqa.selenium.By;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * axe-core (WCAG 2.2 AA) on every page of the console, as the role that uses it, including the
 * pages that show errors. The journey test covers the forms in use; this covers the rest.
 */
class AccessibilityIT extends IntegrationTest {

  private static Browser browser;

  @LocalServerPort int port;
  @Autowired ResidentManagement residents;
  @Autowired CaseManagement cases;
  @Autowired DecisionRegister decisions;
  @Autowired SignedIn signedIn;
  @Autowired StaffDirectory directory;
  @Autowired ForwardPlan forwardPlan;
  @Autowired IctPortfolio portfolio;
  @Autowired BudgetLines budget;
  @Autowired BreachLog breachLog;
  @Autowired org.borough.catalogue.ServiceCatalogue catalogue;
  @Autowired org.borough.enquiries.CouncillorEnquiries enquiries;
  @Autowired org.borough.satisfaction.Satisfaction satisfaction;

  @BeforeAll
  static void startBrowser() {
    Browser.requireOrSkip();
    browser = Browser.start();
  }

  @AfterAll
  static void stopBrowser() {
    if (browser != null) {
      browser.close();
    }
  }

  @TestFactory
  Stream<DynamicTest> everyPagePassesAxe() {
    String surname = "Axe" + UUID.randomUUID().toString().substring(0, 6);
    signedIn.enter(Fixtures.SUPERVISOR);
    ResidentId resident =
        residents.register(
            new ResidentDetails(
                "Ada",
                surname,
                null,
                null,
                "020 7946 0001",
                "3 Mill Lane",
                null,
                null,
                "E1 6AN",
                null,
                null,
                null,
                null,
                "Uses a wheelchair",
                null));
    CaseView c =
        cases.open(
            new NewCase(
                Fixtures.MISSED_BIN,
                resident,
                "Garden bin missed",
                "3 Mill Lane",
                null,
                null,
                null,
                Fixtures.WARD,
                java.util.Map.of("bin_type", List.of("garden")),
                null,
                null,
                null,
                null));
    Fixtures.complaint(catalogue, directory);
    CaseView complaint =
        cases.open(
            Fixtures.newCase(
                Fixtures.COMPLAINT,
                resident,
                "The crew left the garden bin in the road",
                null,
                null,
                null,
                java.util.Map.of(),
                null));
    Fixtures.information(catalogue, directory, org.borough.catalogue.CaseType.FOI);
    CaseView foi =
        cases.open(
            Fixtures.newCase(
                Fixtures.FOI,
                resident,
                "How much did the council spend on agency staff last year?",
                null,
                null,
                null,
                java.util.Map.of(),
                null));
    Fixtures.enquiry(catalogue, directory);
    String enquiry =
        signedIn
            .as(
                Fixtures.COUNCILLOR,
                () ->
                    enquiries.raise(
                        new org.borough.enquiries.NewEnquiry(
                            Fixtures.WARD,
                            null,
                            "Ada",
                            surname,
                            null,
                            null,
                            "3 Mill Lane",
                            "E1 6AN",
                            "The bins at the back of the flats were missed again",
                            null)))
            .reference();
    signedIn.enter(Fixtures.SUPERVISOR);
    // A resolved case's satisfaction link, for the question page and its error.
    String feedback = satisfaction.invite(cases.audience(c.id())).orElseThrow();
    // A resident with an email and a report, for the portal's account pages.
    String residentEmail = "axe." + surname.toLowerCase() + "@example.org";
    ResidentId account =
        residents.register(
            ResidentDetailsFor.contact("Rae", surname, residentEmail, "07700 900321"));
    cases.open(
        new NewCase(
            Fixtures.MISSED_BIN,
            account,
            "Recycling bin missed",
            "5 Mill Lane, E1 6AN",
            null,
            null,
            null,
            Fixtures.WARD,
            java.util.Map.of("bin_type", List.of("recycling")),
            null,
            null,
            null,
            null));
    String signedInResident = RESIDENT + residentEmail;
    DecisionDetails decision =
        new DecisionDetails(
            new DecisionIssue(
                "Axe review " + surname, "A decision for the accessibility test", null),
            new DecisionMaker(DecisionMaker.Kind.BODY, "Cabinet", List.of("Cllr One", "Cllr Two")),
            null,
            "Cabinet Member for Financial Management, Transformation & IT",
            java.time.LocalDate.of(2020, 1, 15),
            java.time.LocalDate.of(2020, 1, 16),
            false,
            true,
            null,
            "Background.\n• A point\n• Another point",
            List.of(
                new DecisionItem(
                    1,
                    DecisionVerb.AGREED,
                    "to spend",
                    100_000L,
                    "2019/20",
                    "Reserve",
                    null,
                    null)),
            "Reasons.",
            List.of(new org.borough.governance.RejectedOption(1, "Do nothing", "Not an option.")),
            null,
            List.of(),
            null);
    UUID breach =
        signedIn.as(
            Fixtures.DPO,
            () ->
                breachLog
                    .record(
                        "Axe breach " + surname,
                        "One resident's name and address",
                        1,
                        Instant.now().minusSeconds(3600))
                    .id());
    signedIn.enter(Fixtures.DEMOCRATIC_SERVICES);
    DecisionId published = decisions.importDecisions(List.of(decision)).get(0);
    DecisionId draft = decisions.recordDraft(decision);
    // Published today, called in and referred to Council: the outcome form and public page.
    DecisionId calledIn =
        decisions.recordDraft(
            new DecisionDetails(
                new DecisionIssue("Axe call-in " + surname, null, null),
                decision.decisionMaker(),
                null,
                decision.introducedBy(),
                decisions.today(),
                null,
                false,
                true,
                null,
                decision.purpose(),
                decision.items(),
                decision.reasons(),
                decision.alternativeOptions(),
                null,
                List.of(),
                null));
    decisions.publish(calledIn);
    decisions.recordCallIn(
        calledIn, new org.borough.governance.CallIn(decisions.today(), "Cllr One", "Not costed"));
    decisions.recordCallInOutcome(
        calledIn,
        new org.borough.governance.CallInOutcome(
            org.borough.governance.CallInOutcome.Outcome.REFERRED_TO_COUNCIL,
            decisions.today(),
            "Overview and Scrutiny Board",
            "Costings to be shown"),
        null);
    ForwardPlanNoticeId notice =
        forwardPlan.publish(
            new ForwardPlanNoticeDetails(
                "Axe notice " + surname,
                "A forthcoming decision.\n• A point",
                List.of(Fixtures.WARD),
                "Cabinet",
                decisions.today().plusDays(40),
                true,
                "Report\nAppendix",
                "Democratic Services, Town Hall",
                "The report sets out bidders' prices",
                org.borough.governance.ExemptParagraph.FINANCIAL_OR_BUSINESS));
    // Partly exempt, with an exempt report: the notices on the public and staff pages.
    DecisionId exempt =
        decisions
            .importDecisions(
                List.of(
                    new DecisionDetails(
                        new DecisionIssue("Axe exempt " + surname, null, null),
                        decision.decisionMaker(),
                        null,
                        null,
                        decision.decisionDate(),
                        decision.publicationDate(),
                        false,
                        true,
                        null,
                        decision.purpose(),
                        decision.items(),
                        decision.reasons(),
                        List.of(),
                        null,
                        List.of(),
                        List.of(
                            new org.borough.governance.DecisionDocument(
                                "Prices",
                                null,
                                org.borough.governance.ExemptParagraph.FINANCIAL_OR_BUSINESS)),
                        new org.borough.governance.Exemption(
                            org.borough.governance.Exemption.Extent.PART,
                            org.borough.governance.ExemptParagraph.FINANCIAL_OR_BUSINESS,
                            "The prices were these."))))
            .get(0);
    DecisionId noting =
        decisions
            .importDecisions(
                List.of(
                    new DecisionDetails(
                        new DecisionIssue("Axe pressure " + surname, null, null),
                        decision.decisionMaker(),
                        null,
                        null,
                        decision.decisionDate(),
                        decision.publicationDate(),
                        false,
                        true,
                        null,
                        null,
                        List.of(
                            new DecisionItem(
                                1,
                                DecisionVerb.NOTED,
                                "a pressure",
                                50_000L,
                                "2020/21",
                                null,
                                null,
                                null)),
                        "Reasons.",
                        List.of(),
                        null,
                        List.of(),
                        null)))
            .get(0);
    SignedIn.leave();
    signedIn.enter(Fixtures.ADMIN);
    SystemId system =
        portfolio.registerSystem(
            new IctSystemDetails(
                "AXE-" + surname.substring(3).toUpperCase(java.util.Locale.ROOT),
                "Axe system " + surname,
                "A system for the accessibility test",
                "ICT service",
                SystemPhase.BUSINESS_AS_USUAL,
                "A supplier",
                SupportStatus.UNSUPPORTED,
                null));
    ReserveId reserve =
        portfolio.openReserve(
            "AXE" + surname.substring(3).toUpperCase(java.util.Locale.ROOT),
            "Axe reserve " + surname,
            1_000_000L,
            java.time.LocalDate.of(2020, 4, 1));
    BudgetLineId pressure =
        budget.record(
            new NewBudgetLine(
                "2020/21",
                50_000L,
                SpendKind.REVENUE,
                FundingKind.BASE_BUDGET,
                null,
                null,
                List.of(system.value()),
                "Axe pressure",
                noting.value(),
                1));
    BudgetLineId approved =
        budget.record(
            new NewBudgetLine(
                "2019/20",
                60_000L,
                SpendKind.REVENUE,
                FundingKind.BASE_BUDGET,
                null,
                null,
                List.of(system.value()),
                "Axe support",
                published.value(),
                1));
    SignedIn.leave();
    String waste = directory.findTeamByCode(Fixtures.WASTE).orElseThrow().id().value().toString();

    List<String[]> pages =
        List.of(
            new String[] {null, "/sign-in"},
            new String[] {null, "/sign-in?error"},
            new String[] {null, "/sign-in?again"},
            new String[] {null, "/sign-in?signedOut"},
            new String[] {Fixtures.AGENT, "/"},
            new String[] {Fixtures.AGENT, "/residents"},
            new String[] {Fixtures.AGENT, "/residents?q=" + surname},
            new String[] {Fixtures.AGENT, "/residents?q=zzzznobody"},
            new String[] {Fixtures.AGENT, "/residents?q=Axa" + surname.substring(3)},
            new String[] {Fixtures.AGENT, "/cases/search"},
            new String[] {Fixtures.AGENT, "/cases/search?q=garden+bin+mill"},
            new String[] {Fixtures.AGENT, "/cases/search?q=the"},
            new String[] {Fixtures.AGENT, "/residents?q=x"},
            new String[] {Fixtures.AGENT, "/residents/new"},
            new String[] {Fixtures.AGENT, "/residents/" + resident},
            new String[] {Fixtures.AGENT, "/residents/" + resident + "/edit"},
            new String[] {Fixtures.AGENT, "/residents/" + resident + "/contacts/new"},
            new String[] {Fixtures.AGENT, "/contacts/new"},
            new String[] {Fixtures.AGENT, "/cases/new"},
            new String[] {Fixtures.AGENT, "/cases/new?service=" + Fixtures.POTHOLE},
            new String[] {Fixtures.AGENT, "/cases/" + c.reference()},
            new String[] {Fixtures.AGENT, "/cases/BR-1999-000000"},
            new String[] {Fixtures.AGENT, "/admin"},
            new String[] {Fixtures.CASEWORKER, "/queues"},
            new String[] {Fixtures.CASEWORKER, "/queues/mine"},
            new String[] {Fixtures.CASEWORKER, "/queues/team/" + Fixtures.WASTE},
            new String[] {Fixtures.CASEWORKER, "/queues/team/" + Fixtures.WASTE + "?sla=breached"},
            new String[] {Fixtures.CASEWORKER, "/cases/" + c.reference()},
            new String[] {Fixtures.CASEWORKER, "/cases/" + c.reference() + "/details"},
            new String[] {Fixtures.CASEWORKER, "/cases/" + c.reference() + "/details", SUBMIT},
            new String[] {Fixtures.SUPERVISOR, "/residents/" + resident + "/merge?q=" + surname},
            new String[] {Fixtures.ADMIN, "/admin"},
            new String[] {Fixtures.ADMIN, "/admin/staff"},
            new String[] {Fixtures.ADMIN, "/admin/tokens"},
            new String[] {Fixtures.ADMIN, "/admin/tokens", SUBMIT},
            new String[] {Fixtures.AGENT, "/account/tokens"},
            new String[] {Fixtures.AGENT, "/account/tokens", SUBMIT},
            // MFA is off in this context (MfaBrowserIT checks the set-up and code pages).
            new String[] {Fixtures.AGENT, "/account/authenticator"},
            new String[] {Fixtures.AGENT, "/account/password"},
            new String[] {Fixtures.AGENT, "/account/password?required"},
            new String[] {Fixtures.AGENT, "/account/password", SUBMIT},
            new String[] {Fixtures.AGENT, "/account/sessions"},
            new String[] {Fixtures.SUPERVISOR, "/alerts"},
            new String[] {Fixtures.SUPERVISOR, "/alerts/settings"},
            new String[] {Fixtures.SUPERVISOR, "/alerts/settings", SUBMIT},
            new String[] {null, "/sign-in?changed"},
            new String[] {Fixtures.ADMIN, "/admin/audit"},
            new String[] {Fixtures.ADMIN, "/admin/audit?to-day=31&to-month=2&to-year=2026"},
            new String[] {Fixtures.ADMIN, "/admin/audit/verify"},
            new String[] {Fixtures.DPO, "/"},
            new String[] {Fixtures.DPO, "/privacy/subject-access"},
            new String[] {Fixtures.DPO, "/residents/" + resident},
            new String[] {Fixtures.DPO, "/residents/" + resident + "/subject-access"},
            new String[] {Fixtures.DPO, "/residents/" + resident + "/subject-access", SUBMIT},
            new String[] {Fixtures.DPO, "/privacy/erasures"},
            new String[] {Fixtures.DPO, "/privacy/retention"},
            new String[] {Fixtures.DPO, "/privacy/processing"},
            new String[] {Fixtures.DPO, "/residents/" + resident + "/erasure"},
            new String[] {Fixtures.DPO, "/residents/" + resident + "/erasure", SUBMIT},
            new String[] {Fixtures.DPO, "/privacy/breaches"},
            new String[] {Fixtures.DPO, "/privacy/breaches/new"},
            new String[] {Fixtures.DPO, "/privacy/breaches/new", SUBMIT},
            new String[] {Fixtures.DPO, "/privacy/breaches/" + breach},
            new String[] {Fixtures.DPO, "/privacy/breaches/" + breach, SUBMIT},
            new String[] {Fixtures.ADMIN, "/admin/bank-holidays"},
            new String[] {Fixtures.ADMIN, "/admin/outbox"},
            new String[] {Fixtures.ADMIN, "/admin/councillors"},
            new String[] {Fixtures.ANALYST, "/satisfaction"},
            new String[] {Fixtures.ANALYST, "/satisfaction?from=soon"},
            new String[] {null, "/portal/feedback?token=" + feedback},
            new String[] {null, "/portal/feedback?token=" + feedback, SUBMIT},
            new String[] {null, "/portal/feedback?token=no-longer-works"},
            new String[] {Fixtures.COUNCILLOR, "/"},
            new String[] {Fixtures.COUNCILLOR, "/enquiries"},
            new String[] {Fixtures.COUNCILLOR, "/enquiries/new"},
            new String[] {Fixtures.COUNCILLOR, "/enquiries/new", SUBMIT},
            new String[] {Fixtures.COUNCILLOR, "/enquiries/" + enquiry},
            new String[] {Fixtures.COUNCILLOR, "/wards"},
            new String[] {Fixtures.CASEWORKER, "/enquiries/queue"},
            new String[] {Fixtures.CASEWORKER, "/enquiries/" + enquiry},
            new String[] {Fixtures.CASEWORKER, "/enquiries/" + enquiry, SUBMIT},
            new String[] {Fixtures.ADMIN, "/admin/mailboxes"},
            new String[] {Fixtures.COMPLAINTS_OFFICER, "/"},
            new String[] {Fixtures.COMPLAINTS_OFFICER, "/complaints"},
            new String[] {Fixtures.COMPLAINTS_OFFICER, "/complaints/" + complaint.reference()},
            new String[] {
              Fixtures.COMPLAINTS_OFFICER, "/complaints/" + complaint.reference(), SUBMIT
            },
            new String[] {Fixtures.COMPLAINTS_OFFICER, "/information-requests"},
            new String[] {Fixtures.COMPLAINTS_OFFICER, "/information-requests/" + foi.reference()},
            new String[] {
              Fixtures.COMPLAINTS_OFFICER, "/information-requests/" + foi.reference(), SUBMIT
            },
            new String[] {null, "/portal/disclosure-log"},
            new String[] {Fixtures.COMPLAINTS_OFFICER, "/information-requests/report"},
            new String[] {Fixtures.COMPLAINTS_OFFICER, "/information-requests/report?year=x"},
            new String[] {Fixtures.ANALYST, "/complaints/report"},
            new String[] {Fixtures.ANALYST, "/complaints/report?year=nonsense"},
            new String[] {Fixtures.ADMIN, "/admin/open311-clients"},
            new String[] {Fixtures.ADMIN, "/admin/staff/" + Fixtures.AGENT},
            new String[] {Fixtures.ADMIN, "/admin/staff/" + Fixtures.AGENT + "/password"},
            new String[] {Fixtures.ADMIN, "/admin/staff/" + Fixtures.AGENT + "/password", SUBMIT},
            new String[] {Fixtures.ADMIN, "/admin/teams"},
            new String[] {Fixtures.ADMIN, "/admin/teams", SUBMIT},
            new String[] {Fixtures.ADMIN, "/admin/teams/" + waste},
            new String[] {Fixtures.ADMIN, "/admin/services"},
            new String[] {Fixtures.ADMIN, "/admin/services/new"},
            new String[] {Fixtures.ADMIN, "/admin/services/new", SUBMIT},
            new String[] {Fixtures.ADMIN, "/admin/services/" + Fixtures.MISSED_BIN},
            new String[] {
              Fixtures.ADMIN, "/admin/services/" + Fixtures.MISSED_BIN + "/attributes/new"
            },
            new String[] {
              Fixtures.ADMIN, "/admin/services/" + Fixtures.MISSED_BIN + "/attributes/new", SUBMIT
            },
            new String[] {
              Fixtures.ADMIN, "/admin/services/" + Fixtures.MISSED_BIN + "/attributes/bin_type"
            },
            new String[] {null, "/sign-in?ended"},
            new String[] {Fixtures.ADMIN, "/admin/warehouse"},
            new String[] {Fixtures.ANALYST, "/warehouse/data-quality"},
            new String[] {Fixtures.ANALYST, "/warehouse/dashboards/overview"},
            new String[] {Fixtures.ANALYST, "/warehouse/dashboards/sla"},
            new String[] {Fixtures.ANALYST, "/warehouse/dashboards/channels"},
            new String[] {Fixtures.ANALYST, "/warehouse/dashboards/wards"},
            new String[] {Fixtures.ANALYST, "/warehouse/dashboards/services"},
            new String[] {Fixtures.ANALYST, "/warehouse/dashboards/budget"},
            new String[] {Fixtures.ANALYST, "/warehouse/dashboards/casework"},
            new String[] {
              Fixtures.ANALYST, "/warehouse/dashboards/budget?from=2019-04-01&to=2020-03-31"
            },
            new String[] {Fixtures.ANALYST, "/warehouse/dashboards/overview?from=soon&channel=x"},
            new String[] {
              Fixtures.ANALYST,
              "/warehouse/cases?kpi=volume-by-service&key=" + Fixtures.MISSED_BIN + "&back=services"
            },
            new String[] {Fixtures.ANALYST, "/warehouse/sql"},
            new String[] {
              Fixtures.ANALYST,
              "/warehouse/sql?sql=select+channel_code,+label,+is_digital+from+dim_channel"
            },
            new String[] {Fixtures.ANALYST, "/warehouse/sql", SUBMIT},
            new String[] {Fixtures.ANALYST, "/services"},
            new String[] {Fixtures.ANALYST, "/services/" + Fixtures.MISSED_BIN},
            new String[] {Fixtures.DEMOCRATIC_SERVICES, "/governance/decisions"},
            new String[] {Fixtures.DEMOCRATIC_SERVICES, "/governance/decisions/new"},
            new String[] {Fixtures.DEMOCRATIC_SERVICES, "/governance/decisions/" + draft},
            new String[] {Fixtures.DEMOCRATIC_SERVICES, "/governance/decisions/" + draft + "/edit"},
            new String[] {Fixtures.DEMOCRATIC_SERVICES, "/governance/decisions/" + published},
            new String[] {
              Fixtures.DEMOCRATIC_SERVICES, "/governance/decisions/" + published + "/edit"
            },
            new String[] {
              Fixtures.DEMOCRATIC_SERVICES, "/governance/decisions/" + published + "/call-in"
            },
            new String[] {Fixtures.DEMOCRATIC_SERVICES, "/governance/decisions/" + calledIn},
            new String[] {
              Fixtures.DEMOCRATIC_SERVICES, "/governance/decisions/" + calledIn + "/call-in/outcome"
            },
            new String[] {
              Fixtures.DEMOCRATIC_SERVICES,
              "/governance/decisions/" + calledIn + "/call-in/outcome",
              SUBMIT
            },
            new String[] {Fixtures.DEMOCRATIC_SERVICES, "/governance/forward-plan"},
            new String[] {Fixtures.DEMOCRATIC_SERVICES, "/governance/forward-plan/new"},
            new String[] {Fixtures.DEMOCRATIC_SERVICES, "/governance/forward-plan/new", SUBMIT},
            new String[] {Fixtures.DEMOCRATIC_SERVICES, "/governance/forward-plan/" + notice},
            new String[] {Fixtures.ADMIN, "/admin/places"},
            new String[] {Fixtures.ADMIN, "/admin/places", SUBMIT},
            new String[] {Fixtures.AGENT, "/residents/new", SUBMIT},
            new String[] {Fixtures.ADMIN, "/portfolio"},
            new String[] {Fixtures.ADMIN, "/portfolio/systems/new"},
            new String[] {Fixtures.ADMIN, "/portfolio/systems/new", SUBMIT},
            new String[] {Fixtures.ADMIN, "/portfolio/systems/" + system},
            new String[] {Fixtures.ADMIN, "/portfolio/systems/" + system + "/edit"},
            new String[] {Fixtures.ADMIN, "/portfolio/reserves/new"},
            new String[] {Fixtures.ADMIN, "/portfolio/reserves/new", SUBMIT},
            new String[] {Fixtures.ADMIN, "/portfolio/reserves/" + reserve},
            new String[] {Fixtures.ADMIN, "/portfolio/budget?year=2020/21"},
            new String[] {Fixtures.ADMIN, "/portfolio/budget-lines/new"},
            new String[] {Fixtures.ADMIN, "/portfolio/budget-lines/new", SUBMIT},
            new String[] {Fixtures.ADMIN, "/portfolio/budget-lines/" + pressure},
            new String[] {Fixtures.ADMIN, "/portfolio/budget-lines/" + approved},
            new String[] {Fixtures.ANALYST, "/portfolio"},
            new String[] {Fixtures.ANALYST, "/portfolio/budget-lines/" + pressure},
            new String[] {Fixtures.FINANCE, "/portfolio/budget?year=2019/20"},
            new String[] {Fixtures.FINANCE, "/portfolio/budget-lines/" + approved},
            new String[] {Fixtures.FINANCE, "/portfolio/budget-lines/" + approved, SUBMIT},
            new String[] {Fixtures.FINANCE, "/portfolio/actuals/import"},
            new String[] {Fixtures.FINANCE, "/portfolio/actuals/import", SUBMIT},
            new String[] {null, "/forward-plan"},
            new String[] {null, "/forward-plan?show=all"},
            new String[] {null, "/forward-plan/" + notice},
            new String[] {null, "/decisions"},
            new String[] {null, "/decisions?q=axe&from-day=31&from-month=2&from-year=2020"},
            new String[] {null, "/decisions/" + published},
            new String[] {null, "/decisions/" + published + "/versions/1"},
            new String[] {null, "/decisions/" + calledIn},
            new String[] {null, "/decisions/" + exempt},
            new String[] {Fixtures.DEMOCRATIC_SERVICES, "/governance/decisions/" + exempt},
            // The resident portal, each page as a resident reaches it and with its errors.
            new String[] {null, "/portal"},
            new String[] {null, "/portal/privacy"},
            new String[] {null, "/portal/accessibility"},
            new String[] {null, "/portal/cookies"},
            new String[] {null, "/portal/report/service"},
            new String[] {null, "/portal/report/service", SUBMIT},
            new String[] {null, "/portal/report/start?service=" + Fixtures.MISSED_BIN},
            new String[] {null, "/portal/report/location", SUBMIT},
            new String[] {null, "/portal/track"},
            new String[] {null, "/portal/track", SUBMIT},
            new String[] {null, "/portal/sign-in"},
            new String[] {null, "/portal/sign-in", SUBMIT},
            new String[] {null, "/portal/sign-in/link?token=no-longer-works"},
            new String[] {null, "/portal/claim?token=no-longer-works"},
            // Signing in (below) passes axe over "check your email" and the link's own page.
            new String[] {signedInResident, "/portal/account"},
            new String[] {signedInResident, "/portal/account/preferences"},
            new String[] {signedInResident, "/portal/sign-in/sent"},
            new String[] {signedInResident, "/portal/track"});
    return pages.stream()
        .map(
            p ->
                DynamicTest.dynamicTest(
                    (p[0] == null ? "anonymous" : p[0])
                        + " "
                        + p[1]
                        + (p.length > 2 ? " (" + p[2] + ")" : ""),
                    () -> {
                      WebDriver d = browser.driver();
                      signInAs(d, p[0]);
                      d.get("http://localhost:" + port + p[1]);
                      if (p.length > 2) {
                        submitEmpty(d);
                      }
                      // A stack trace, not a field such as generalExceptionNotice.
                      assertThat(d.getPageSource())
                          .doesNotContain("at org.")
                          .doesNotContainPattern("Exception\\b");
                      Axe.assertNoViolations(d);
                    }));
  }

  /** Marks a "user" who is a resident signed in to the portal: the prefix, then their email. */
  private static final String RESIDENT = "resident:";

  /** Signs in as a resident does, through the emailed link, checking each page on the way. */
  private void signInAsResident(WebDriver d, String email) {
    int before = PortalSignIn.mails(email).size();
    d.get("http://localhost:" + port + "/portal/sign-in");
    d.findElement(By.id("email")).sendKeys(email);
    d.findElement(By.cssSelector("main form button[type=submit]:not([hidden]):not([name=find])"))
        .click();
    new WebDriverWait(d, Duration.ofSeconds(10))
        .ignoring(StaleElementReferenceException.class)
        .until(x -> x.findElement(By.tagName("h1")).getText().equals("Check your email"));
    Axe.assertNoViolations(d);
    d.get("http://localhost:" + port + PortalSignIn.awaitLink(email, before + 1));
    Axe.assertNoViolations(d);
    d.findElement(By.cssSelector("main form button[type=submit]:not([hidden]):not([name=find])"))
        .click();
    new WebDriverWait(d, Duration.ofSeconds(10))
        .ignoring(StaleElementReferenceException.class)
        .until(x -> x.findElement(By.tagName("h1")).getText().equals("Your reports"));
  }

  /** Marks a page whose main form is sent empty, to check the page that shows the errors. */
  private static final String SUBMIT = "submitted empty";

  private static void submitEmpty(WebDriver d) {
    WebElement button =
        d.findElement(
            By.cssSelector(
                "main form[novalidate] button[type=submit]:not([hidden]):not([name=find])"));
    button.click();
    new WebDriverWait(d, Duration.ofSeconds(10))
        .ignoring(StaleElementReferenceException.class)
        .until(x -> !x.findElements(By.cssSelector(".govuk-error-summary")).isEmpty());
  }

  private String current;

  private void signInAs(WebDriver d, String username) {
    if (java.util.Objects.equals(username, current)) {
      return;
    }
    d.manage().deleteAllCookies();
    current = username;
    if (username == null) {
      return;
    }
    if (username.startsWith(RESIDENT)) {
      signInAsResident(d, username.substring(RESIDENT.length()));
      return;
    }
    d.get("http://localhost:" + port + "/sign-in");
    d.findElement(By.id("username")).sendKeys(username);
    d.findElement(By.id("password")).sendKeys(Fixtures.PASSWORD);
    d.findElement(By.cssSelector("main form button")).click();
    // The old page's heading goes stale as the new page loads: keep looking until it settles.
    new WebDriverWait(d, Duration.ofSeconds(10))
        .ignoring(StaleElementReferenceException.class)
        .until(x -> x.findElement(By.tagName("h1")).getText().equals("Staff console"));
  }
}
