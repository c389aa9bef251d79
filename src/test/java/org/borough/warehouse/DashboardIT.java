// SPDX-License-Identifier: AGPL-3.0-or-later
package org.borough.warehouse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.hasItem;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.borough.browser.Axe;
import org.borough.browser.Browser;
import org.borough.cases.CaseManagement;
import org.borough.cases.CaseStatus;
import org.borough.cases.CaseView;
import org.borough.cases.NewCase;
import org.borough.residents.Channel;
import org.borough.residents.ResidentDetails;
import org.borough.residents.ResidentId;
import org.borough.residents.ResidentManagement;
import org.borough.support.Fixtures;
import org.borough.support.IntegrationTest;
import org.borough.support.SignedIn;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The KPIs' JSON API, their refusals of malformed filters, the exports, and a dashboard in a real
 * browser: a filter applied, a chart's bar followed to the cases behind it, axe-core on each page.
 */
class DashboardIT extends IntegrationTest {

  @LocalServerPort int port;
  @Autowired Warehouse warehouse;
  @Autowired ResidentManagement residents;
  @Autowired CaseManagement cases;
  @Autowired SignedIn signedIn;
  @Autowired MockMvc mvc;

  String missedBin;
  String pothole;

  @BeforeEach
  void someCases() {
    signedIn.enter(Fixtures.AGENT);
    try {
      ResidentId resident =
          residents.register(
              new ResidentDetails(
                  "Dee",
                  "Ashboard" + UUID.randomUUID().toString().substring(0, 6),
                  null,
                  null,
                  null,
                  null,
                  null,
                  null,
                  null,
                  null,
                  null,
                  null,
                  null,
                  null,
                  null));
      CaseView bin =
          cases.open(
              new NewCase(
                  Fixtures.MISSED_BIN,
                  resident,
                  "Bin not emptied",
                  null,
                  null,
                  null,
                  null,
                  Fixtures.WARD,
                  Map.of("bin_type", List.of("recycling")),
                  null,
                  null,
                  Channel.WEB,
                  null));
      missedBin = bin.summary().reference();
      CaseView hole =
          cases.open(
              new NewCase(
                  Fixtures.POTHOLE,
                  resident,
                  "Deep hole",
                  null,
                  null,
                  null,
                  null,
                  Fixtures.WARD,
                  Map.of(),
                  null,
                  null,
                  Channel.PHONE,
                  null));
      pothole = hole.summary().reference();
    } finally {
      SignedIn.leave();
    }
    signedIn.as(
        Fixtures.CASEWORKER,
        () ->
            cases.changeStatus(
                cases.idOf(missedBin).orElseThrow(),
                CaseStatus.RESOLVED,
                "Emptied",
                true,
                null,
                null));
    warehouse.catchUp();
  }

  @Test
  void listsTheKpisAndAnswersEachWithItsFiltersAndFreshness() throws Exception {
    var analyst = signedIn.request(Fixtures.ANALYST);
    mvc.perform(get("/api/v1/kpis").with(analyst))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.kpis.length()").value(22))
        .andExpect(jsonPath("$.kpis[*].id", hasItem("cost-per-contact")))
        .andExpect(jsonPath("$.kpis[*].id", hasItem("budget-by-month")))
        .andExpect(jsonPath("$.unitCosts.faceToFace").value(8.62))
        .andExpect(
            jsonPath("$.unitCosts.source").value(org.hamcrest.Matchers.containsString("Socitm")))
        .andExpect(jsonPath("$.asAt").isString());
    mvc.perform(
            get("/api/v1/kpis/volume-by-service")
                .param("service", Fixtures.MISSED_BIN)
                .param("from", "2020-01-01")
                .with(analyst))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.asAt").isString())
        .andExpect(jsonPath("$.filters.service").value(Fixtures.MISSED_BIN))
        .andExpect(jsonPath("$.filters.from").value("2020-01-01"))
        .andExpect(jsonPath("$.rows.length()").value(1))
        .andExpect(jsonPath("$.rows[0].service").value(Fixtures.MISSED_BIN))
        .andExpect(jsonPath("$.rows[0].cases").value(org.hamcrest.Matchers.greaterThan(0)));
    mvc.perform(get("/api/v1/kpis/channel-shift").param("channel", "WEB").with(analyst))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.notApplicable", hasItem("channel")));
    mvc.perform(get("/api/v1/kpis/no-such-kpi").with(analyst)).andExpect(status().isNotFound());
  }

  @Test
  void malformedFiltersAreRefusedNamingTheField() throws Exception {
    var analyst = signedIn.request(Fixtures.ANALYST);
    String[][] bad = {
      {"from", "yesterday", "from"},
      {"to", "2025-02-30", "to"},
      {"from", "1999-01-01", "from"},
      {"service", "no-such-service", "service"},
      {"ward", "E05999999", "ward"},
      {"channel", "PIGEON", "channel"},
      {"team", "no-such-team", "team"},
      {"colour", "red", "colour"}
    };
    for (String[] b : bad) {
      mvc.perform(get("/api/v1/kpis/volume-by-month").param(b[0], b[1]).with(analyst))
          .andExpect(status().isBadRequest())
          .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
          .andExpect(jsonPath("$.errors[0].field").value(b[2]))
          .andExpect(jsonPath("$.errors[0].reason").isString());
    }
    mvc.perform(
            get("/api/v1/kpis/sla-compliance")
                .param("from", "2026-03-01")
                .param("to", "2026-02-01")
                .with(analyst))
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.errors[0].field").value("to"));
    mvc.perform(get("/warehouse/kpis/volume-by-month.csv").param("channel", "PIGEON").with(analyst))
        .andExpect(status().isBadRequest());
  }

  @Test
  void exportsCarryTheFiltersAndParse() throws Exception {
    var analyst = signedIn.request(Fixtures.ANALYST);
    String csv =
        mvc.perform(
                get("/warehouse/kpis/volume-by-service.csv")
                    .param("service", Fixtures.MISSED_BIN)
                    .param("from", "2020-01-01")
                    .with(analyst))
            .andExpect(status().isOk())
            .andExpect(
                header()
                    .string(
                        "Content-Disposition", "attachment; filename=\"volume-by-service.csv\""))
            .andReturn()
            .getResponse()
            .getContentAsString(StandardCharsets.UTF_8);
    List<String> lines = csv.lines().toList();
    assertThat(lines).contains("Filter: service,missed-bin", "Filter: from,2020-01-01");
    assertThat(lines).anyMatch(l -> l.startsWith("Data as at,"));
    int header = lines.indexOf("Service code,Service,Cases");
    assertThat(header).isPositive();
    assertThat(lines.get(header + 1)).startsWith("missed-bin,Missed bin collection,");

    List<List<String>> sheet =
        xlsx(
            get("/warehouse/kpis/sla-compliance.xlsx")
                .param("service", Fixtures.MISSED_BIN)
                .param("from", "2020-01-01"));
    assertThat(sheet).contains(List.of("Filter: service", "missed-bin"));
    assertThat(sheet).contains(List.of("Filter: ward", "All"));
    assertThat(sheet).contains(List.of("Month", "Resolved", "Within SLA", "Per cent"));
    assertThat(sheet.get(sheet.size() - 1).get(0)).isEqualTo("Total");

    java.util.function.Supplier<
            org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder>
        potholes =
            () ->
                get("/warehouse/cases.xlsx")
                    .param("kpi", "volume-by-service")
                    .param("key", Fixtures.POTHOLE)
                    .param("from", "2020-01-01");
    List<List<String>> cases = xlsx(potholes.get(), Fixtures.SUPERVISOR);
    assertThat(cases).contains(List.of("Row", Fixtures.POTHOLE));
    assertThat(cases).anyMatch(r -> r.get(0).equals(pothole));
    assertThat(cases).noneMatch(r -> r.get(0).equals(missedBin));
    // The warehouse holds no references: the CRM gives them only to those who may read cases.
    List<List<String>> analysts = xlsx(potholes.get(), Fixtures.ANALYST);
    assertThat(analysts).anyMatch(r -> r.contains("Pothole"));
    assertThat(analysts).noneMatch(r -> r.contains(pothole));
  }

  /** Before: every drill-down showed references, read from the warehouse, to analysts too. */
  @Test
  void theDrillDownPageShowsReferencesOnlyToThoseWhoMayReadCases() throws Exception {
    String uri =
        "/warehouse/cases?kpi=volume-by-service&key=" + Fixtures.POTHOLE + "&from=2020-01-01";
    String supervisors =
        mvc.perform(get(uri).with(signedIn.request(Fixtures.SUPERVISOR)))
            .andExpect(status().isOk())
            .andReturn()
            .getResponse()
            .getContentAsString(StandardCharsets.UTF_8);
    assertThat(supervisors).contains("href=\"/cases/" + pothole + "\"");
    String analysts =
        mvc.perform(get(uri).with(signedIn.request(Fixtures.ANALYST)))
            .andExpect(status().isOk())
            .andReturn()
            .getResponse()
            .getContentAsString(StandardCharsets.UTF_8);
    assertThat(analysts).contains("Pothole").doesNotContain(pothole).doesNotContain(missedBin);
  }

  /** Downloads an XLSX file as the analyst and reads it back with POI. */
  private List<List<String>> xlsx(
      org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder request)
      throws Exception {
    return xlsx(request, Fixtures.ANALYST);
  }

  private List<List<String>> xlsx(
      org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder request,
      String username)
      throws Exception {
    byte[] file =
        mvc.perform(request.with(signedIn.request(username)))
            .andExpect(status().isOk())
            .andExpect(
                content()
                    .contentType(
                        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"))
            .andReturn()
            .getResponse()
            .getContentAsByteArray();
    return read(file);
  }

  private static List<List<String>> read(byte[] xlsx) throws Exception {
    List<List<String>> rows = new ArrayList<>();
    try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
      DataFormatter f = new DataFormatter();
      for (Row r : book.getSheetAt(0)) {
        List<String> cells = new ArrayList<>();
        for (int i = 0; i < r.getLastCellNum(); i++) {
          cells.add(r.getCell(i) == null ? "" : f.formatCellValue(r.getCell(i)));
        }
        rows.add(cells);
      }
    }
    return rows;
  }

  @Test
  void aDashboardFiltersAndDrillsDownFromAChartInABrowser() throws Exception {
    Browser.requireOrSkip();
    try (Browser browser = Browser.start()) {
      WebDriver d = browser.driver();
      signIn(d, Fixtures.SUPERVISOR);
      d.get(url("/warehouse/dashboards/services?from=2020-01-01"));
      waitForCharts(d);
      Axe.assertNoViolations(d);
      assertThat(d.findElement(By.id("as-at")).getText()).startsWith("Data as at");

      new Select(d.findElement(By.id("service"))).selectByValue(Fixtures.POTHOLE);
      d.findElement(
              By.cssSelector(
                  "form.borough-filters button[type=submit]:not([hidden]):not([name=find])"))
          .click();
      new WebDriverWait(d, Duration.ofSeconds(10))
          .until(x -> x.getCurrentUrl().contains("service=" + Fixtures.POTHOLE));
      waitForCharts(d);
      Axe.assertNoViolations(d);
      screenshot(d, "dashboard-services.png");
      // Every chart on the page took the filter: the services chart has the one bar.
      WebElement table = d.findElement(By.id("table-volume-by-service"));
      assertThat(table.findElements(By.cssSelector("tbody tr"))).hasSize(1);

      clickFirstBar(d, "chart-volume-by-service");
      new WebDriverWait(d, Duration.ofSeconds(10))
          .until(x -> x.getCurrentUrl().contains("/warehouse/cases?"));
      assertThat(d.getCurrentUrl())
          .contains("kpi=volume-by-service")
          .contains("key=" + Fixtures.POTHOLE)
          .contains("service=" + Fixtures.POTHOLE)
          .contains("from=2020-01-01");
      Axe.assertNoViolations(d);
      screenshot(d, "drill-down.png");
      WebElement link = d.findElement(By.linkText(pothole));
      assertThat(link.getAttribute("href")).endsWith("/cases/" + pothole);
      assertThat(d.findElements(By.linkText(missedBin))).isEmpty();
      assertThat(d.findElement(By.partialLinkText("CSV")).getAttribute("href"))
          .contains("service=" + Fixtures.POTHOLE);
    }
  }

  /** Clicks the middle of the first bar of a chart, where ECharts says it is drawn. */
  private static void clickFirstBar(WebDriver d, String chartId) {
    WebElement chart = d.findElement(By.id(chartId));
    ((JavascriptExecutor) d).executeScript("arguments[0].scrollIntoView({block: 'center'})", chart);
    @SuppressWarnings("unchecked")
    List<Number> box =
        (List<Number>)
            ((JavascriptExecutor) d)
                .executeScript(
                    "const c = echarts.getInstanceByDom(arguments[0]);"
                        + " const l = c.getModel().getSeriesByIndex(0).getData().getItemLayout(0);"
                        + " return [l.x, l.y, l.width, l.height];",
                    chart);
    int x = (int) (box.get(0).doubleValue() + box.get(2).doubleValue() / 2);
    int y = (int) (box.get(1).doubleValue() + box.get(3).doubleValue() / 2);
    Dimension size = new Dimension(chart);
    new Actions(d).moveToElement(chart, x - size.width / 2, y - size.height / 2).click().perform();
  }

  private record Dimension(int width, int height) {
    Dimension(WebElement e) {
      this(e.getSize().getWidth(), e.getSize().getHeight());
    }
  }

  private static void waitForCharts(WebDriver d) {
    new WebDriverWait(d, Duration.ofSeconds(10))
        .ignoring(StaleElementReferenceException.class)
        .until(
            x ->
                x.findElements(By.cssSelector(".borough-chart")).stream()
                    .allMatch(e -> "true".equals(e.getAttribute("data-drawn"))));
  }

  private static void screenshot(WebDriver d, String name) throws Exception {
    Path dir = Path.of("target", "screenshots");
    Files.createDirectories(dir);
    Files.write(dir.resolve(name), ((TakesScreenshot) d).getScreenshotAs(OutputType.BYTES));
  }

  private String url(String path) {
    return "http://localhost:" + port + path;
  }

  private void signIn(WebDriver d, String username) {
    d.get(url("/sign-in"));
    d.findElement(By.id("username")).sendKeys(username);
    d.findElement(By.id("password")).sendKeys(Fixtures.PASSWORD);
    d.findElement(By.cssSelector("main form button")).click();
    new WebDriverWait(d, Duration.ofSeconds(10))
        .ignoring(StaleElementReferenceException.class)
        .until(x -> x.findElement(By.tagName("h1")).getText().equals("Staff console"));
  }
}
