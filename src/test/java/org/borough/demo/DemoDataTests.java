// SPDX-License-Identifier: AGPL-3.0-or-later
package org.borough.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.jayway.jsonpath.JsonPath;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.borough.cases.CaseManagement;
import org.borough.cases.CaseStatus;
import org.borough.cases.CaseView;
import org.borough.cases.NewCase;
import org.borough.catalogue.AttributeType;
import org.borough.catalogue.ServiceAttribute;
import org.borough.catalogue.ServiceCatalogue;
import org.borough.catalogue.ServiceDefinition;
import org.borough.catalogue.Ward;
import org.borough.governance.FinancialYear;
import org.borough.residents.Channel;
import org.borough.residents.ResidentManagement;
import org.borough.system.UkFormats;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.DefaultApplicationArguments;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.test.context.support.WithMockUser;
import org.springframework.test.web.servlet.MockMvc;

@SpringBootTest(
    properties = {
      "spring.datasource.url=jdbc:h2:mem:demo-data-tests;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;"
          + "DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1",
      "borough.data-dir=target/demo-data-tests",
      "borough.admin-password=demo-tests-admin-password",
      "borough.demo-data=true",
      "borough.demo.residents=300",
      "borough.demo.cases=1000",
      "borough.demo.staff-password=demo-tests-staff-password"
    })
@AutoConfigureMockMvc
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class DemoDataTests {

  private static final Pattern REFERENCE = Pattern.compile("BR-\\d{4}-\\d{6,}");

  /** The services the case generator draws from: not complaints or requests for information. */
  private static final String NOT_STATUTORY =
      " not in ('complaint', 'foi-request', 'eir-request', 'councillor-enquiry')";

  @Autowired JdbcClient jdbc;
  @Autowired ServiceCatalogue catalogue;
  @Autowired DemoDataRunner runner;
  @Autowired CaseManagement caseManagement;
  @Autowired org.borough.governance.DecisionRegister decisions;

  @Test
  @Order(1)
  void holdsTheSeedDecisionOfCabinetOnFifteenDecember2017() {
    var found =
        decisions.search(
            new org.borough.governance.DecisionQuery(
                null, null, "Cabinet", false, null, "ICT Resources Review", 0, 10));
    assertThat(found)
        .singleElement()
        .satisfies(s -> assertThat(s.decisionDate()).hasToString("2017-12-15"));
    var d = decisions.findPublished(found.get(0).id()).details();
    assertThat(d.items())
        .extracting(i -> i.amountPence())
        .containsExactly(105_500_000L, 93_000_000L);
    assertThat(d.items().get(0).fundingSource()).isEqualTo("oneSource Reserve");
    assertThat(d.alternativeOptions()).hasSize(3);
  }

  @Autowired org.borough.governance.IctPortfolio portfolio;
  @Autowired org.borough.governance.BudgetLines budget;

  @Test
  @Order(1)
  @WithMockUser(authorities = "PORTFOLIO_READ")
  void holdsThePortfolioAndBudgetLinesTheSeedDecisionFunds() {
    assertThat(portfolio.systems())
        .extracting(s -> s.details().code())
        .containsExactlyInAnyOrder("CRM", "DWH", "SECURE-INFRA");
    assertThat(portfolio.systems()).allSatisfy(s -> assertThat(s.businessAsUsual()).isTrue());
    var reserve = portfolio.reserves().get(0);
    assertThat(reserve.name()).isEqualTo("oneSource Reserve");
    assertThat(reserve.balancePence())
        .isEqualTo(DemoPortfolio.ONESOURCE_OPENING_PENCE - 105_500_000L);
    var lines =
        budget.search(
            org.borough.governance.FinancialYear.parse("2017/18").orElseThrow(), null, null, 0, 10);
    assertThat(lines)
        .singleElement()
        .satisfies(
            l -> {
              assertThat(l.amountPence()).isEqualTo(105_500_000L);
              assertThat(l.spend()).isEqualTo(org.borough.governance.SpendKind.REVENUE);
              assertThat(l.reserve().name()).isEqualTo("oneSource Reserve");
              assertThat(l.approvedBy().item()).isEqualTo(1);
              assertThat(l.approvedBy().decision().title()).isEqualTo("ICT Resources Review");
            });
    var pressures =
        budget.budgetSetting(org.borough.governance.FinancialYear.parse("2018/19").orElseThrow());
    assertThat(pressures)
        .singleElement()
        .satisfies(
            p -> {
              assertThat(p.amountPence()).isEqualTo(93_000_000L);
              assertThat(p.notedBy().item()).isEqualTo(2);
              assertThat(p.systems()).hasSize(3);
            });
  }

  @Test
  @Order(1)
  @WithMockUser(authorities = "PORTFOLIO_READ")
  void budgetsEveryYearOfTheContactsWithActualsForEveryEndedMonth() {
    LocalDate today = LocalDate.now(ZoneId.of("Europe/London"));
    FinancialYear first = FinancialYear.of(today.minusYears(3));
    FinancialYear last = FinancialYear.of(today);
    for (int y = first.startYear(); y <= last.startYear(); y++) {
      FinancialYear year = new FinancialYear(y);
      assertThat(budget.search(year, null, null, 0, 10))
          .as(year.toString())
          .singleElement()
          .satisfies(
              l -> {
                assertThat(l.amountPence()).isEqualTo(DemoBudgets.YEARLY_PENCE);
                assertThat(l.systems()).hasSize(3);
                assertThat(l.approvedBy().decision().title())
                    .isEqualTo("Budget and council tax " + year + " (illustrative demo decision)");
              });
      long ended = year.months().stream().filter(m -> m.atEndOfMonth().isBefore(today)).count();
      assertThat(
              count(
                  "select count(*) from budget_actual a join budget_line l on l.id ="
                      + " a.budget_line_id where l.financial_year = '"
                      + year
                      + "'"))
          .as(year.toString())
          .isEqualTo(ended);
    }
  }

  @Autowired MockMvc mvc;

  @Test
  @Order(1)
  @WithMockUser(authorities = "WAREHOUSE_READ")
  void costPerContactShowsAFigureOnFirstStart() throws Exception {
    // The warehouse reads the demo's outbox in the background after it starts.
    Object spend = null;
    for (int tries = 0; tries < 240 && spend == null; tries++) {
      String json =
          mvc.perform(get("/api/v1/kpis/cost-per-contact"))
              .andExpect(status().isOk())
              .andReturn()
              .getResponse()
              .getContentAsString();
      spend = JsonPath.<Object>read(json, "$.total.spend_per_contact");
      if (spend == null) {
        Thread.sleep(500);
      }
    }
    assertThat(spend).isNotNull();
    assertThat(new BigDecimal(spend.toString())).isPositive();
  }

  @Test
  @Order(1)
  void generatesAboutTwentyWardsWithGssCodes() {
    List<Ward> wards = catalogue.wards();
    assertThat(wards).hasSizeBetween(18, 25);
    assertThat(wards).allSatisfy(w -> assertThat(w.gssCode()).matches("E05\\d{6}"));
    assertThat(wards).extracting(Ward::name).doesNotHaveDuplicates();
  }

  @Test
  @Order(1)
  void generatesCouncilServicesWithQuestionsTeamsAndSlas() {
    List<ServiceDefinition> services = catalogue.services();
    assertThat(services).hasSizeGreaterThanOrEqualTo(14);
    assertThat(services)
        .extracting(ServiceDefinition::code)
        .contains(
            "missed-bin",
            "fly-tipping",
            "pothole",
            "street-light",
            "graffiti",
            "noise",
            "dead-animal",
            "council-tax-query",
            "housing-repair",
            "parking-permit",
            "bulky-waste",
            "abandoned-vehicle",
            "dog-fouling",
            "blocked-drain");
    Set<AttributeType> types = EnumSet.noneOf(AttributeType.class);
    assertThat(services)
        .filteredOn(s -> s.caseType() == org.borough.catalogue.CaseType.COMPLAINT)
        .extracting(ServiceDefinition::code)
        .containsExactly("complaint");
    for (ServiceDefinition s : services) {
      if (s.caseType() != org.borough.catalogue.CaseType.REQUEST) {
        continue; // a complaint or a request for information is in the resident's own words
      }
      assertThat(s.active()).isTrue();
      assertThat(s.defaultTeam()).as(s.code()).isNotNull();
      assertThat(s.sla().target()).isPositive();
      assertThat(s.sla().warningPercent()).isBetween(70, 85);
      assertThat(s.attributes()).as(s.code()).isNotEmpty();
      assertThat(s.attributes()).anyMatch(ServiceAttribute::required);
      for (ServiceAttribute a : s.attributes()) {
        types.add(a.type());
        assertThat(a.values().isEmpty())
            .as(s.code() + "/" + a.code())
            .isEqualTo(!a.type().hasValues());
      }
    }
    assertThat(types).containsExactlyInAnyOrder(AttributeType.values());
    assertThat(services).anyMatch(s -> s.sla().pauseStatuses().contains("ON_HOLD"));
    assertThat(services)
        .anyMatch(s -> s.sla().unit() == org.borough.catalogue.SlaPolicy.Unit.WORKING_HOURS);
  }

  @Test
  @Order(1)
  void generatesTheResidentsAskedForWithSearchableDetails() {
    // Besides the 300, the residents councillors named in their enquiries.
    long named =
        count(
            "select count(*) from service_case where service_code = 'councillor-enquiry'"
                + " and resident_id is not null");
    assertThat(count("select count(*) from resident")).isEqualTo(300 + named);
    List<String[]> names =
        jdbc.sql("select forename, surname, search_name from resident")
            .query((rs, i) -> new String[] {rs.getString(1), rs.getString(2), rs.getString(3)})
            .list();
    assertThat(names)
        .allSatisfy(n -> assertThat(n[2]).isEqualTo(ResidentManagement.searchName(n[0], n[1])));
    assertThat(jdbc.sql("select postcode from resident_address").query(String.class).list())
        .allSatisfy(p -> assertThat(UkFormats.postcode(p)).contains(p));
    assertThat(jdbc.sql("select phone from resident_phone").query(String.class).list())
        .isNotEmpty()
        .allSatisfy(
            p -> {
              assertThat(UkFormats.phone(p)).contains(p);
              assertThat(p).matches("\\+44(7700900|2079460|1614960|1214960|1134960|1632960)\\d{3}");
            });
    assertThat(jdbc.sql("select email from resident_email").query(String.class).list())
        .isNotEmpty()
        .allSatisfy(
            e -> {
              assertThat(UkFormats.email(e)).contains(e);
              assertThat(e).matches(".+@example\\.(com|org|net)");
            });
    assertThat(
            count(
                "select count(*) from resident_address a"
                    + " where a.ward_code is null or a.uprn is null"
                    + " or not exists (select 1 from ward w where w.gss_code = a.ward_code)"))
        .isZero();
    assertThat(count("select count(*) from resident where created_at > updated_at")).isZero();
  }

  @Test
  @Order(1)
  void generatesTheCasesAskedForWithUniqueReferencesAndSaneClocks() {
    long statutory =
        count("select count(*) from complaint")
            + count("select count(*) from information_request")
            + count("select count(*) from member_enquiry");
    assertThat(count("select count(*) from service_case where service_code" + NOT_STATUTORY))
        .isEqualTo(1000);
    assertThat(count("select count(distinct reference) from service_case"))
        .isEqualTo(1000 + statutory);
    assertThat(jdbc.sql("select reference from service_case").query(String.class).list())
        .allSatisfy(r -> assertThat(r).matches(REFERENCE));
    assertThat(
            count(
                "select count(*) from service_case c"
                    + " where not exists (select 1 from service s where s.code = c.service_code)"))
        .isZero();
    assertThat(count("select count(*) from service_case where due_at <= opened_at")).isZero();
    assertThat(count("select count(*) from service_case where sla_risk_at > due_at")).isZero();
    assertThat(count("select count(*) from service_case where sla_risk_at < opened_at")).isZero();
    assertThat(count("select count(*) from service_case where resolved_at < opened_at")).isZero();
    assertThat(count("select count(*) from service_case where closed_at < resolved_at")).isZero();
    assertThat(
            count(
                "select count(*) from service_case where first_response_at < opened_at"
                    + " or updated_at < opened_at"))
        .isZero();
    assertThat(
            count(
                "select count(*) from service_case"
                    + " where status in ('RESOLVED', 'CLOSED') and resolved_at is null"))
        .isZero();
    assertThat(
            count(
                "select count(*) from service_case"
                    + " where status in ('NEW', 'OPEN', 'IN_PROGRESS', 'ON_HOLD')"
                    + " and (resolved_at is not null or closed_at is not null)"))
        .isZero();
    assertThat(
            count(
                "select count(*) from service_case where (status = 'ON_HOLD')"
                    + " <> (sla_paused_at is not null)"))
        .isZero();
    assertThat(
            count(
                "select count(*) from service_case where status = 'CLOSED' and closed_at is null"))
        .isZero();
    assertThat(
            count(
                "select count(*) from service_case where (status = 'DUPLICATE')"
                    + " <> (duplicate_of is not null)"))
        .isZero();
    assertThat(count("select count(*) from service_case where team_id is null")).isZero();
    assertThat(
            count(
                "select count(*) from service_case c where c.officer_id is not null and not exists"
                    + " (select 1 from team_member m where m.team_id = c.team_id"
                    + " and m.user_id = c.officer_id)"))
        .isZero();
    assertThat(
            count(
                "select count(*) from service_case c join service s on s.code = c.service_code"
                    + " where c.team_id <> s.default_team_id"))
        .isZero();
    assertThat(
            count(
                "select count(*) from service_case where status in ('NEW', 'OPEN', 'IN_PROGRESS')"
                    + " and due_at < current_timestamp - interval '1' hour and sla_breached_at is null"))
        .isZero();
  }

  @Test
  @Order(1)
  void complaintsGoThroughTheirStagesAboutResolvedCases() {
    long complaints = count("select count(*) from complaint");
    // One in 400 cases and at least 12, less any whose complaint would come after today.
    assertThat(complaints).isBetween(8L, 12L);
    assertThat(
            count(
                "select count(*) from complaint k join service_case c on c.id = k.case_id"
                    + " where c.service_code = 'complaint' and c.reference = k.reference"))
        .isEqualTo(complaints);
    assertThat(count("select count(*) from complaint_stage where stage = 1")).isEqualTo(complaints);
    assertThat(count("select count(distinct case_id) from complaint_link")).isEqualTo(complaints);
    assertThat(
            count(
                "select count(*) from complaint_stage where respond_by < first_respond_by"
                    + " or acknowledge_by > respond_by or responded_at < started_at"
                    + " or (responded_at is null) <> (outcome is null)"))
        .isZero();
    assertThat(
            count(
                "select count(*) from complaint_stage s join service_case c on c.id = s.case_id"
                    + " where s.stage = (select max(t.stage) from complaint_stage t"
                    + " where t.case_id = s.case_id)"
                    + " and (s.responded_at is null) <> (c.status in ('NEW', 'OPEN'))"))
        .isZero();
    assertThat(count("select count(*) from complaint_stage where responded_at is not null"))
        .isPositive();
  }

  @Test
  @Order(1)
  void requestsForInformationAreAnsweredAndSomePublished() {
    assertThat(count("select count(*) from information_request")).isBetween(6L, 8L);
    assertThat(count("select count(distinct regime) from information_request")).isEqualTo(2);
    assertThat(
            count(
                "select count(*) from information_request i join service_case c"
                    + " on c.id = i.case_id where c.reference <> i.reference"
                    + " or c.service_code not in ('foi-request', 'eir-request')"))
        .isZero();
    assertThat(
            count(
                "select count(*) from information_request where due_by < first_due_by"
                    + " or (responded_at is null) <> (outcome is null)"
                    + " or (log_title is not null and responded_at is null)"
                    + " or (outcome in ('PART_RELEASED', 'REFUSED') and exemptions is null)"))
        .isZero();
    assertThat(count("select count(*) from information_request where responded_at is not null"))
        .isPositive();
  }

  @Test
  @Order(1)
  void mixesStatusesByAgeAndMeetsMostSlas() {
    Map<String, Long> statuses = new LinkedHashMap<>();
    jdbc.sql("select status, count(*) from service_case group by status")
        .query((rs, i) -> statuses.put(rs.getString(1), rs.getLong(2)))
        .list();
    assertThat(statuses).containsKeys("CLOSED", "RESOLVED", "CANCELLED");
    assertThat(statuses.keySet())
        .containsAnyOf("NEW", "OPEN", "IN_PROGRESS", "ON_HOLD")
        .allSatisfy(s -> CaseStatus.valueOf(s));
    assertThat(statuses.get("CLOSED")).isGreaterThan(600);
    long resolved = count("select count(*) from service_case where resolved_at is not null");
    long met =
        count(
            "select count(*) from service_case where resolved_at is not null and resolved_at <= due_at");
    assertThat((double) met / resolved).isBetween(0.75, 0.95);
    // Cases opened in the last week are mostly still being worked.
    long recentActive =
        count(
            "select count(*) from service_case where status in ('NEW', 'OPEN', 'IN_PROGRESS',"
                + " 'ON_HOLD') and opened_at > current_timestamp - interval '7' day");
    long oldActive =
        count(
            "select count(*) from service_case where status in ('NEW', 'OPEN', 'IN_PROGRESS',"
                + " 'ON_HOLD') and opened_at < current_timestamp - interval '365' day");
    assertThat(recentActive).isPositive();
    assertThat(oldActive).isLessThan(15);
  }

  @Test
  @Order(1)
  void aShareOfResolvedCasesHaveASatisfactionAnswerAfterTheirResolution() {
    long answers = count("select count(*) from case_feedback");
    long resolved =
        count(
            "select count(*) from service_case where resolved_at is not null and resident_id is"
                + " not null and service_code"
                + NOT_STATUTORY);
    assertThat(answers).isBetween(resolved / 10, resolved / 3);
    assertThat(count("select count(*) from case_feedback where rating < 1 or rating > 5")).isZero();
    assertThat(
            count(
                "select count(*) from case_feedback f join service_case c on c.id = f.case_id"
                    + " where c.resolved_at is null or f.given_at <= c.resolved_at"
                    + " or f.service_code <> c.service_code or f.channel <> c.channel"))
        .isZero();
  }

  @Test
  @Order(1)
  void answersAreValidForTheirServices() {
    Map<String, Map<String, List<String>>> answers = new LinkedHashMap<>();
    Map<String, String> serviceOf = new LinkedHashMap<>();
    jdbc.sql(
            "select c.id, c.service_code, a.attribute_code, a.attr_value from service_case c"
                + " left join case_attribute a on a.case_id = c.id where c.service_code"
                + NOT_STATUTORY
                + " order by c.id, a.attribute_code, a.position")
        .query(
            (rs, i) -> {
              String id = rs.getString(1);
              serviceOf.put(id, rs.getString(2));
              Map<String, List<String>> given =
                  answers.computeIfAbsent(id, k -> new LinkedHashMap<>());
              if (rs.getString(3) != null) {
                given.computeIfAbsent(rs.getString(3), k -> new ArrayList<>()).add(rs.getString(4));
              }
              return id;
            })
        .list();
    assertThat(answers).hasSize(1000);
    answers.forEach(
        (id, given) -> {
          ServiceDefinition service = catalogue.find(serviceOf.get(id)).orElseThrow();
          assertThatCode(() -> catalogue.validateAnswers(service, given))
              .as(service.code() + " " + given)
              .doesNotThrowAnyException();
        });
  }

  @Test
  @Order(1)
  void writesTimelinesAndContactsWithChannelShift() {
    assertThat(
            count(
                "select count(*) from service_case c where not exists (select 1 from case_timeline t"
                    + " where t.case_id = c.id and t.kind = 'CREATED')"))
        .isZero();
    assertThat(
            count(
                "select count(*) from service_case c where c.status <> 'NEW' and not exists"
                    + " (select 1 from case_timeline t where t.case_id = c.id"
                    + " and t.to_status = c.status)"))
        .isZero();
    assertThat(count("select count(*) from case_timeline t where t.at > current_timestamp"))
        .isZero();
    assertThat(count("select count(*) from contact where case_id is null")).isPositive();
    assertThat(count("select count(*) from contact where outcome = 'CASE_RAISED'")).isEqualTo(1000);
    assertThat(
            jdbc.sql("select distinct channel from contact").query(String.class).list().stream()
                .map(Channel::valueOf)
                .toList())
        .contains(Channel.PHONE, Channel.WEB, Channel.EMAIL);
    double early =
        digitalShare("opened_at < (select min(opened_at) from service_case) + interval '180' day");
    double late = digitalShare("opened_at > current_timestamp - interval '180' day");
    assertThat(late).isGreaterThan(early);
  }

  @Test
  @Order(2)
  void runningAgainAddsNothing() throws Exception {
    long residents = count("select count(*) from resident");
    long cases = count("select count(*) from service_case");
    long contacts = count("select count(*) from contact");
    long staff = count("select count(*) from staff_user");
    int services = catalogue.services().size();
    long budgetLines = count("select count(*) from budget_line");
    long decisionCount = count("select count(*) from decision");

    runner.run(new DefaultApplicationArguments());

    assertThat(count("select count(*) from budget_line")).isEqualTo(budgetLines);
    assertThat(count("select count(*) from decision")).isEqualTo(decisionCount);
    assertThat(count("select count(*) from resident")).isEqualTo(residents);
    assertThat(count("select count(*) from service_case")).isEqualTo(cases);
    assertThat(count("select count(*) from contact")).isEqualTo(contacts);
    assertThat(count("select count(*) from staff_user")).isEqualTo(staff);
    assertThat(catalogue.services()).hasSize(services);
  }

  @Test
  @Order(3)
  @WithMockUser(
      username = "agent1",
      authorities = {"CASE_RAISE", "CASE_READ", "RESIDENT_READ"})
  void casesRaisedAfterwardsGetNewUniqueReferences() {
    long highest =
        jdbc.sql("select reference from service_case").query(String.class).list().stream()
            .mapToLong(r -> Long.parseLong(r.substring(r.lastIndexOf('-') + 1)))
            .max()
            .orElseThrow();

    CaseView opened =
        caseManagement.open(
            new NewCase(
                "pothole",
                null,
                "Pothole by the bus stop",
                "Outside 1 Station Road",
                null,
                null,
                null,
                null,
                Map.of("location", List.of("road"), "size", List.of("small")),
                null,
                null,
                Channel.PHONE,
                null));

    String reference = opened.summary().reference();
    assertThat(reference).matches(REFERENCE);
    assertThat(Long.parseLong(reference.substring(reference.lastIndexOf('-') + 1)))
        .isGreaterThan(highest);
    assertThat(count("select count(*) from service_case where reference = '" + reference + "'"))
        .isEqualTo(1);
  }

  private double digitalShare(String when) {
    long all = count("select count(*) from service_case where " + when);
    long digital =
        count(
            "select count(*) from service_case where channel in ('WEB', 'EMAIL', 'APP', 'SOCIAL')"
                + " and "
                + when);
    return all == 0 ? 0 : (double) digital / all;
  }

  private long count(String sql) {
    return jdbc.sql(sql).query(Long.class).single();
  }
}
