// SPDX-License-Identifier: AGPL-3.0-or-later
package org.borough.privacy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.jayway.jsonpath.JsonPath;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.borough.audit.AuditAction;
import org.borough.audit.AuditLog;
import org.borough.audit.AuditLog.AuditQuery;
import org.borough.cases.CaseAttachments;
import org.borough.cases.CaseManagement;
import org.borough.cases.CaseView;
import org.borough.identity.StaffAdministration;
import org.borough.identity.StaffDirectory;
import org.borough.residents.ResidentId;
import org.borough.residents.ResidentManagement;
import org.borough.support.Fixtures;
import org.borough.support.IntegrationTest;
import org.borough.support.ResidentDetailsFor;
import org.borough.support.SignedIn;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;

/**
 * A subject access request as the DPO answers it: the register with its statutory deadline, and a
 * pack that holds the resident's case with every note (internal ones flagged), its attachment byte
 * for byte, and who looked at the record — recorded in the audit and on the register.
 */
class SubjectAccessIT extends IntegrationTest {

  @Autowired MockMvc mvc;
  @Autowired SignedIn signedIn;
  @Autowired ResidentManagement residents;
  @Autowired CaseManagement cases;
  @Autowired CaseAttachments attachments;
  @Autowired SubjectAccessRegister register;
  @Autowired AuditLog audit;
  @Autowired StaffAdministration administration;
  @Autowired StaffDirectory directory;

  @Test
  void thePackHoldsEverythingHeldAndIsAuditedAndRegistered() throws Exception {
    String marker = UUID.randomUUID().toString().substring(0, 8);
    ResidentId resident = resident("Sarah", "Access" + marker, "sar-" + marker + "@example.org");
    CaseView opened =
        signedIn.as(
            Fixtures.AGENT,
            () ->
                cases.open(
                    org.borough.support.CaseFor.missedBin(resident, "Bin missed again " + marker)));
    // A neighbour's report the resident follows: in the pack as the portal shows it to them.
    ResidentId neighbour = resident("Ned", "Bour" + marker, null);
    CaseView followed =
        signedIn.as(
            Fixtures.AGENT,
            () -> {
              CaseView c =
                  cases.open(
                      org.borough.support.CaseFor.missedBin(neighbour, "Street bins " + marker));
              cases.follow(c.reference(), resident);
              return c;
            });
    byte[] png = org.borough.support.TestFiles.png(1024, 7);
    signedIn.as(
        Fixtures.CASEWORKER,
        () -> {
          cases.addNote(opened.id(), "We will collect on Friday " + marker, true);
          cases.addNote(opened.id(), "Neighbour at no. 4 complains about her " + marker, false);
          attachments.add(opened.id(), "bin photo.png", png.length, new ByteArrayInputStream(png));
          return residents.view(resident);
        });

    byte[] zip =
        mvc.perform(
                get("/api/v1/residents/" + resident + "/subject-access")
                    .header("Authorization", "Bearer " + dpoToken()))
            .andExpect(status().isOk())
            .andExpect(header().string("Content-Type", "application/zip"))
            .andReturn()
            .getResponse()
            .getContentAsByteArray();

    Map<String, byte[]> files = unzip(zip);
    assertThat(files).containsKeys("summary.html", "data.json");
    String json = new String(files.get("data.json"), StandardCharsets.UTF_8);
    assertThat(JsonPath.<String>read(json, "$.resident.surname")).isEqualTo("Access" + marker);
    assertThat(JsonPath.<List<String>>read(json, "$.cases[*].view.summary.reference"))
        .containsExactly(opened.reference());
    assertThat(
            JsonPath.<List<Boolean>>read(
                json, "$.cases[0].timeline[?(@.text =~ /Neighbour.*/)].reviewBeforeRelease"))
        .containsExactly(true);
    assertThat(
            JsonPath.<List<Boolean>>read(
                json, "$.cases[0].timeline[?(@.text =~ /We will collect.*/)].reviewBeforeRelease"))
        .containsExactly(false);
    assertThat(JsonPath.<List<String>>read(json, "$.followed[*].reference"))
        .containsExactly(followed.reference());
    assertThat(JsonPath.<List<String>>read(json, "$.whoViewedTheirRecords[*].actor"))
        .contains(Fixtures.AGENT, Fixtures.CASEWORKER);
    String attached =
        files.keySet().stream().filter(n -> n.startsWith("attachments/")).findFirst().orElseThrow();
    assertThat(attached)
        .startsWith("attachments/" + opened.reference() + "/")
        .endsWith("bin_photo.png");
    assertThat(files.get(attached)).isEqualTo(png);
    String summary = new String(files.get("summary.html"), StandardCharsets.UTF_8);
    assertThat(summary)
        .contains("Information the council holds about Sarah Access" + marker)
        .contains(opened.reference())
        .contains("1 internal notes are marked below")
        .contains("Other people&#39;s reports you follow (1)");

    List<SubjectAccessRequest> registered =
        signedIn.as(Fixtures.DPO, () -> register.ofResident(resident));
    assertThat(registered).hasSize(1);
    assertThat(registered.get(0).packMadeAt()).isNotNull();
    assertThat(registered.get(0).dueOn()).isEqualTo(register.dueOn(register.today()));
    List<AuditLog.Entry> exports =
        audit.read(new AuditQuery("resident", resident.toString(), Fixtures.DPO, null, 50));
    assertThat(exports).extracting(AuditLog.Entry::action).contains(AuditAction.EXPORT);
  }

  @Test
  void theDeadlineIsOneCalendarMonthMovedToTheNextWorkingDay() {
    assertThat(register.dueOn(LocalDate.of(2026, 4, 15))).isEqualTo(LocalDate.of(2026, 5, 15));
    // 31 January has no 31 February: the last day of February, a Saturday in 2026, so Monday.
    assertThat(register.dueOn(LocalDate.of(2026, 1, 31))).isEqualTo(LocalDate.of(2026, 3, 2));
    // Christmas Day, then a weekend, then the Boxing Day bank holiday moved to Monday.
    assertThat(register.dueOn(LocalDate.of(2026, 11, 25))).isEqualTo(LocalDate.of(2026, 12, 29));
  }

  @Test
  void theDpoRecordsARequestSeesItOnTheRegisterAndRecordsTheAnswer() throws Exception {
    String marker = UUID.randomUUID().toString().substring(0, 8);
    ResidentId resident = resident("Reg", "Ister" + marker, null);
    LocalDate today = register.today();
    LocalDate tomorrow = today.plusDays(1);

    String refused =
        mvc.perform(
                post("/residents/" + resident + "/subject-access")
                    .params(date("received", tomorrow))
                    .param("whoAsked", "")
                    .with(signedIn.request(Fixtures.DPO))
                    .with(csrf()))
            .andExpect(status().isOk())
            .andReturn()
            .getResponse()
            .getContentAsString();
    assertThat(refused)
        .contains("govuk-error-summary")
        .contains("must be today or in the past")
        .contains("Say who asked and how");
    assertThat(signedIn.as(Fixtures.DPO, () -> register.ofResident(resident))).isEmpty();

    mvc.perform(
            post("/residents/" + resident + "/subject-access")
                .params(date("received", today))
                .param("whoAsked", "The resident, by letter")
                .with(signedIn.request(Fixtures.DPO))
                .with(csrf()))
        .andExpect(status().is3xxRedirection());
    // Sent again (a double click): answered as the first was, and no second request is made.
    mvc.perform(
            post("/residents/" + resident + "/subject-access")
                .params(date("received", today))
                .param("whoAsked", "The resident, by letter")
                .with(signedIn.request(Fixtures.DPO))
                .with(csrf()))
        .andExpect(status().is3xxRedirection())
        .andExpect(header().string("Idempotent-Replayed", "true"))
        .andExpect(header().string("Location", "/residents/" + resident + "/subject-access"));
    assertThat(signedIn.as(Fixtures.DPO, () -> register.ofResident(resident))).hasSize(1);
    String registerPage =
        mvc.perform(get("/privacy/subject-access").with(signedIn.request(Fixtures.DPO)))
            .andExpect(status().isOk())
            .andReturn()
            .getResponse()
            .getContentAsString();
    assertThat(registerPage).contains("Reg Ister" + marker);

    UUID request = signedIn.as(Fixtures.DPO, () -> register.ofResident(resident)).get(0).id();
    mvc.perform(
            post("/privacy/subject-access/" + request + "/answered")
                .params(date("responded", today))
                .with(signedIn.request(Fixtures.DPO))
                .with(csrf()))
        .andExpect(status().is3xxRedirection());
    SubjectAccessRequest answered = signedIn.as(Fixtures.DPO, () -> register.find(request));
    assertThat(answered.open()).isFalse();
    assertThat(answered.respondedBy()).isEqualTo(Fixtures.DPO);

    mvc.perform(
            post("/privacy/subject-access/" + request + "/answered")
                .params(date("responded", today))
                .with(signedIn.request(Fixtures.DPO))
                .with(csrf()))
        .andExpect(status().isOk());
  }

  @Test
  void anAgentCannotMakeAPackAndAMissingResidentIsNotFound() throws Exception {
    mvc.perform(
            get("/residents/" + UUID.randomUUID() + "/subject-access/pack")
                .with(signedIn.request(Fixtures.AGENT)))
        .andExpect(status().isForbidden());
    mvc.perform(
            get("/api/v1/residents/" + UUID.randomUUID() + "/subject-access")
                .header("Authorization", "Bearer " + dpoToken()))
        .andExpect(status().isNotFound())
        .andExpect(header().string("Content-Type", "application/problem+json"));
  }

  private ResidentId resident(String forename, String surname, String email) {
    return signedIn.as(
        Fixtures.AGENT,
        () -> residents.register(ResidentDetailsFor.contact(forename, surname, email, null)));
  }

  /** A GOV.UK date input's three fields. */
  private static MultiValueMap<String, String> date(String name, LocalDate date) {
    MultiValueMap<String, String> fields = new LinkedMultiValueMap<>();
    fields.add(name + "-day", String.valueOf(date.getDayOfMonth()));
    fields.add(name + "-month", String.valueOf(date.getMonthValue()));
    fields.add(name + "-year", String.valueOf(date.getYear()));
    return fields;
  }

  private static String token;

  private synchronized String dpoToken() {
    if (token == null) {
      var owner = directory.findByUsername(Fixtures.DPO).orElseThrow();
      token =
          signedIn.as(
              Fixtures.DPO,
              () ->
                  administration.issueApiToken(
                      owner.id(),
                      StaffAdministration.TokenRequest.own(
                          "SubjectAccessIT " + UUID.randomUUID())));
    }
    return token;
  }

  private static Map<String, byte[]> unzip(byte[] zip) throws Exception {
    Map<String, byte[]> files = new LinkedHashMap<>();
    try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip))) {
      for (ZipEntry e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        in.transferTo(out);
        files.put(e.getName(), out.toByteArray());
      }
    }
    return files;
  }
}
