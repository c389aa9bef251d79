// SPDX-License-Identifier: AGPL-3.0-or-later
package org.borough.portal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.borough.cases.CaseAudience;
import org.borough.cases.CaseManagement;
import org.borough.cases.CaseStatus;
import org.borough.cases.CaseView;
import org.borough.cases.NewCase;
import org.borough.catalogue.ServiceCatalogue;
import org.borough.catalogue.ServiceDefinition;
import org.borough.contacts.ContactLog;
import org.borough.residents.Channel;
import org.borough.residents.Resident;
import org.borough.residents.ResidentDetails;
import org.borough.residents.ResidentId;
import org.borough.residents.ResidentManagement;
import org.borough.support.Fixtures;
import org.borough.support.IntegrationTest;
import org.borough.support.SignedIn;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/**
 * The resident portal over HTTP, as a browser without JavaScript would use it: reporting through
 * every page, possible duplicates and following, tracking without giving away which references
 * exist, and the abuse protection (CSRF, honeypot, rate limit, request size).
 */
class PortalIT extends IntegrationTest {

  static final byte[] PNG = {
    (byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 0x0D, 'I', 'H', 'D', 'R'
  };

  @Autowired MockMvc mvc;
  @Autowired CaseManagement cases;
  @Autowired ContactLog contacts;
  @Autowired ResidentManagement residents;
  @Autowired SignedIn signedIn;
  @Autowired JdbcClient jdbc;
  @Autowired ServiceCatalogue catalogue;

  ServiceDefinition noise;

  @org.junit.jupiter.api.BeforeEach
  void noiseService() {
    noise = Fixtures.noise(catalogue);
  }

  /** A resident's browser: one session, one address. */
  final class Visitor {
    final MockHttpSession session = new MockHttpSession();
    final String address;

    Visitor(String address) {
      this.address = address;
    }

    Visitor() {
      this("127.0.0.1");
    }

    RequestPostProcessor from() {
      return r -> {
        r.setRemoteAddr(address);
        return r;
      };
    }

    MockHttpServletResponse get(String uri) throws Exception {
      return mvc.perform(
              org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get(uri)
                  .session(session)
                  .with(from()))
          .andReturn()
          .getResponse();
    }

    /**
     * The page as a person reads it, without the form's random CSRF token: a privacy assertion such
     * as "the postcode's last part is not shown" must not fail when the token happens to hold those
     * letters (it once held "2BB").
     */
    String shown(String uri) throws Exception {
      return get(uri).getContentAsString().replaceAll("name=\"_csrf\" value=\"[^\"]*\"", "");
    }

    MockHttpServletResponse post(String uri, String... fields) throws Exception {
      MockHttpServletRequestBuilder b =
          PortalIT.post(uri).session(session).with(csrf()).with(from());
      for (int i = 0; i < fields.length; i += 2) {
        b.param(fields[i], fields[i + 1]);
      }
      return mvc.perform(b).andReturn().getResponse();
    }

    MockHttpServletResponse upload(byte[] bytes, String name, String type) throws Exception {
      return mvc.perform(
              multipart("/portal/report/photos")
                  .file(new MockMultipartFile("photo", name, type, bytes))
                  .param("action", "upload")
                  .session(session)
                  .with(csrf())
                  .with(from()))
          .andReturn()
          .getResponse();
    }
  }

  static MockHttpServletRequestBuilder post(String uri) {
    return org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post(uri);
  }

  static String unique() {
    return UUID.randomUUID().toString().substring(0, 8);
  }

  /** Walks a missed-bin report to the check page; returns the visitor. */
  Visitor reportToCheck(String street, String email) throws Exception {
    Visitor v = new Visitor();
    assertThat(v.get("/portal/report/start?service=" + Fixtures.MISSED_BIN).getRedirectedUrl())
        .isEqualTo("/portal/report/location");
    assertThat(
            v.post(
                    "/portal/report/location",
                    "kind",
                    "address",
                    "addressLine",
                    street,
                    "postcode",
                    "sw1a 1aa")
                .getRedirectedUrl())
        .isEqualTo("/portal/report/questions/bin_type");
    assertThat(
            v.post("/portal/report/questions/bin_type", "attr-bin_type", "garden")
                .getRedirectedUrl())
        .isEqualTo("/portal/report/questions/collection_date");
    assertThat(v.post("/portal/report/questions/collection_date").getRedirectedUrl())
        .isEqualTo("/portal/report/description");
    assertThat(
            v.post("/portal/report/description", "description", "Garden bin not emptied")
                .getRedirectedUrl())
        .isEqualTo("/portal/report/photos");
    assertThat(v.upload(PNG, "bin.png", "image/png").getRedirectedUrl())
        .isEqualTo("/portal/report/photos");
    assertThat(v.post("/portal/report/photos", "action", "continue").getRedirectedUrl())
        .isEqualTo("/portal/report/contact");
    String[] contact =
        email == null
            ? new String[0]
            : new String[] {"firstName", "Pat", "lastName", "Portal", "email", email};
    assertThat(v.post("/portal/report/contact", contact).getRedirectedUrl())
        .isEqualTo("/portal/report/check");
    return v;
  }

  @Test
  void aResidentReportsAProblemThroughEveryPageAndItIsACaseFromTheWebChannel() throws Exception {
    Visitor v = new Visitor();
    MockHttpServletResponse start = v.get("/portal");
    assertThat(start.getStatus()).isEqualTo(200);
    assertThat(start.getContentAsString())
        .contains("Missed bin collection", "Bins and recycling", "Pothole")
        .doesNotContain("Staff console", "Sign out");

    String street = unique() + " Acacia Avenue";
    String email = "pat." + unique() + "@example.org";
    Visitor r = reportToCheck(street, email);
    MockHttpServletResponse check = r.get("/portal/report/check");
    assertThat(check.getContentAsString())
        .contains("Garden waste", street + ", SW1A 1AA", "bin.png", email, "Not answered")
        .contains("/portal/report/questions/bin_type");
    MockHttpServletResponse sent = r.post("/portal/report/check");
    assertThat(sent.getRedirectedUrl()).isEqualTo("/portal/report/confirmation");
    String page = r.get("/portal/report/confirmation").getContentAsString();
    String reference = page.replaceAll("(?s).*id=\"reference\">([^<]+)<.*", "$1");
    assertThat(reference).matches("BR-\\d{4}-\\d{6,}");

    CaseView c = signedIn.as(Fixtures.SUPERVISOR, () -> cases.viewByReference(reference));
    assertThat(c.channel()).isEqualTo(Channel.WEB);
    assertThat(c.address()).isEqualTo(street + ", SW1A 1AA");
    assertThat(c.answers())
        .extracting(CaseView.Answer::values)
        .containsExactly(List.of("Garden waste"));
    assertThat(c.attachments())
        .singleElement()
        .satisfies(
            a -> {
              assertThat(a.contentType()).isEqualTo("image/png");
              assertThat(a.uploadedBy()).isEqualTo("portal");
            });
    Resident reporter =
        signedIn.as(
            Fixtures.SUPERVISOR, () -> residents.view(new ResidentId(c.summary().residentId())));
    assertThat(reporter.emails()).containsExactly(email);
    assertThat(signedIn.as(Fixtures.SUPERVISOR, () -> contacts.ofResident(reporter.id(), 5)))
        .singleElement()
        .satisfies(
            contact -> {
              assertThat(contact.channel()).isEqualTo(Channel.WEB);
              assertThat(contact.caseId()).isEqualTo(c.id().value());
            });

    // Sending twice (a double click, the back button) does not make a second case.
    assertThat(r.post("/portal/report/check").getRedirectedUrl())
        .isEqualTo("/portal/report/confirmation");
  }

  @Test
  void anAnonymousReportHasNoResidentAndCannotBeTrackedByAPostcode() throws Exception {
    Visitor v = reportToCheck(unique() + " Mill Lane", null);
    assertThat(v.get("/portal/report/check").getContentAsString()).contains("anonymous report");
    v.post("/portal/report/check");
    String reference =
        v.get("/portal/report/confirmation")
            .getContentAsString()
            .replaceAll("(?s).*id=\"reference\">([^<]+)<.*", "$1");
    CaseView c = signedIn.as(Fixtures.SUPERVISOR, () -> cases.viewByReference(reference));
    assertThat(c.summary().residentId()).isNull();

    // Anyone can learn the postcode of a street: it proves nothing (references are sequential).
    Visitor t = new Visitor();
    MockHttpServletResponse tried =
        t.post("/portal/track", "reference", reference, "detail", "SW1A1AA");
    assertThat(tried.getRedirectedUrl()).isNull();
    assertThat(tried.getContentAsString()).contains("Enter an email address in the correct format");
    assertThat(t.get("/portal/track/" + reference).getRedirectedUrl())
        .isEqualTo("/portal/track?reference=" + reference);
  }

  @Test
  void trackingIsLimitedPerAddressWhileOthersCarryOn() throws Exception {
    Visitor guesser = new Visitor("203.0.113.30");
    MockHttpServletResponse last = null;
    for (int i = 0; i <= TRACK_RATE_LIMIT + 20; i++) {
      last =
          guesser.post(
              "/portal/track",
              "reference",
              String.format("BR-2026-%06d", i + 1),
              "detail",
              "neighbour@example.org");
      if (last.getStatus() == 429) {
        break;
      }
      assertThat(last.getContentAsString()).contains("We could not find a report");
    }
    assertThat(last.getStatus()).isEqualTo(429);
    assertThat(last.getHeader("Retry-After")).matches("\\d+");
    assertThat(
            new Visitor("203.0.113.31")
                .post(
                    "/portal/track",
                    "reference",
                    "BR-2026-000001",
                    "detail",
                    "neighbour@example.org")
                .getStatus())
        .isEqualTo(200);
  }

  @Test
  void pagesReachedOutOfTurnSendTheResidentToTheFirstUnansweredOne() throws Exception {
    Visitor v = new Visitor();
    assertThat(v.get("/portal/report/check").getRedirectedUrl())
        .isEqualTo("/portal/report/service");
    v.get("/portal/report/start?service=" + Fixtures.MISSED_BIN);
    assertThat(v.get("/portal/report/description").getRedirectedUrl())
        .isEqualTo("/portal/report/location");
    assertThat(v.get("/portal/report/questions/nonsense").getStatus()).isEqualTo(404);
  }

  @Test
  void eachPageSaysWhatIsWrongWithTheAnswer() throws Exception {
    Visitor v = new Visitor();
    assertThat(v.post("/portal/report/service", "service", "nope").getContentAsString())
        .contains("Error:", "Select what you want to report");
    v.get("/portal/report/start?service=" + Fixtures.MISSED_BIN);
    assertThat(v.post("/portal/report/location").getContentAsString())
        .contains("Select where the problem is");
    assertThat(
            v.post("/portal/report/location", "kind", "point", "latitude", "40", "longitude", "x")
                .getContentAsString())
        .contains("Enter a latitude in the UK", "Enter a longitude in the UK");
    v.post(
        "/portal/report/location",
        "kind",
        "address",
        "addressLine",
        unique() + " Errors Road",
        "postcode",
        "E1 6AN");
    assertThat(v.post("/portal/report/questions/bin_type").getContentAsString())
        .contains("Answer: Which bin was missed?");
    assertThat(
            v.post("/portal/report/questions/bin_type", "attr-bin_type", "<script>")
                .getContentAsString())
        .contains("from the list")
        .doesNotContain("<script>");
    v.post("/portal/report/questions/bin_type", "attr-bin_type", "general");
    v.post("/portal/report/questions/collection_date");
    assertThat(
            v.post("/portal/report/description", "description", "x".repeat(4001))
                .getContentAsString())
        .contains("4000 characters or fewer");
    v.post("/portal/report/description", "description", "Bin missed");
    // A file that only claims to be a photo is refused by its content.
    assertThat(v.upload("not an image".getBytes(), "bin.jpg", "image/jpeg").getContentAsString())
        .contains("must be a JPG, PNG, GIF or WebP");
    assertThat(v.upload(new byte[0], "empty.png", "image/png").getContentAsString())
        .contains("Select a photo to upload");
    v.post("/portal/report/photos", "action", "continue");
    assertThat(v.post("/portal/report/contact", "firstName", "Pat").getContentAsString())
        .contains("Enter your last name", "Enter an email address or phone number");
    assertThat(
            v.post(
                    "/portal/report/contact",
                    "firstName",
                    "Pat",
                    "lastName",
                    "P",
                    "email",
                    "not-an-email")
                .getContentAsString())
        .contains("Enter an email address in the correct format");
  }

  @Test
  void openCasesNearbyAreOfferedAndTheResidentFollowsOneInsteadOfReportingAgain() throws Exception {
    CaseView existing = potholeAt("51.501000", "-0.141000");
    Visitor v = new Visitor();
    // About 22 m away: the same pothole, probably.
    assertThat(pointed(v, Fixtures.POTHOLE, "51.50120", "-0.14100"))
        .isEqualTo("/portal/report/nearby");
    assertThat(v.get("/portal/report/nearby").getContentAsString())
        .contains(existing.reference(), "Has this already been reported?");
    assertThat(v.post("/portal/report/nearby", "choice", "BR-1999-000001").getContentAsString())
        .contains("Select a report to follow");
    assertThat(v.post("/portal/report/nearby", "choice", existing.reference()).getRedirectedUrl())
        .isEqualTo("/portal/report/contact");
    assertThat(v.post("/portal/report/contact").getContentAsString())
        .contains("Enter your email address so we can tell you");
    String email = "follower." + unique() + "@example.org";
    assertThat(
            v.post(
                    "/portal/report/contact",
                    "firstName",
                    "Fay",
                    "lastName",
                    "Follower",
                    "email",
                    email)
                .getRedirectedUrl())
        .isEqualTo("/portal/report/following");
    assertThat(v.get("/portal/report/following").getContentAsString())
        .contains(existing.reference());

    CaseAudience audience = signedIn.as(Fixtures.SUPERVISOR, () -> cases.audience(existing.id()));
    assertThat(audience.followers()).hasSize(1);
    Resident follower =
        signedIn.as(Fixtures.SUPERVISOR, () -> residents.view(audience.followers().get(0)));
    assertThat(follower.emails()).containsExactly(email);
    // A follower can track the case with their own email.
    assertThat(
            new Visitor()
                .post("/portal/track", "reference", existing.reference(), "detail", email)
                .getRedirectedUrl())
        .isEqualTo("/portal/track/" + existing.reference());

    // 200 m away is another pothole: no list, straight to the questions.
    Visitor far = new Visitor();
    assertThat(pointed(far, Fixtures.POTHOLE, "51.50280", "-0.14100"))
        .isEqualTo("/portal/report/questions/depth_cm");
  }

  @Test
  void nearbyReportsAreOnlyOpenCasesOfPublicServicesShownAtTheirStreet() throws Exception {
    // A noise complaint by phone about a named flat: never offered to a stranger reporting nearby.
    caseAt(
        Fixtures.NOISE,
        null,
        "The tenant of flat 2 plays music all night",
        "Flat 2, 14 Quiet Street, SW1A 1AA",
        "51.451000",
        "-0.121000",
        Channel.PHONE);
    Visitor neighbour = new Visitor();
    assertThat(pointed(neighbour, noise.code(), "51.45100", "-0.12100"))
        .isEqualTo("/portal/report/description");
    assertThat(neighbour.get("/portal/report/nearby").getRedirectedUrl())
        .isEqualTo("/portal/report/description");

    // A pothole is public by nature: offered, at its street, without the reporter's words.
    CaseView pothole =
        caseAt(
            Fixtures.POTHOLE,
            null,
            "Mrs Jones at number 12 tripped on it",
            "Outside 12 Acacia Road, London SW1A 2BB",
            "51.452000",
            "-0.122000",
            Channel.PHONE);
    Visitor v = new Visitor();
    assertThat(pointed(v, Fixtures.POTHOLE, "51.45200", "-0.12200"))
        .isEqualTo("/portal/report/nearby");
    assertThat(v.shown("/portal/report/nearby"))
        .contains(pothole.reference(), "Acacia Road, London, SW1A")
        .doesNotContain("12 Acacia", "2BB", "Jones", "tripped");
  }

  @Test
  void aFollowerSeesOnlyThePublicStatusOfAnotherPersonsCase() throws Exception {
    String reporterEmail = "reporter." + unique() + "@example.org";
    CaseView existing =
        caseAt(
            Fixtures.POTHOLE,
            signedIn.as(Fixtures.SUPERVISOR, () -> resident(reporterEmail)),
            "Outside my house, I have a wheelchair",
            "Outside 7 Elm Row, London SW1A 2CC",
            "51.453000",
            "-0.123000",
            Channel.WEB);
    noteThenStart(
        Fixtures.HIGHWAYS_CASEWORKER,
        existing,
        "Mr Dee, we will ring you on 07700 900123",
        true,
        "Repair booked for Friday");
    Visitor v = new Visitor();
    assertThat(pointed(v, Fixtures.POTHOLE, "51.45300", "-0.12300"))
        .isEqualTo("/portal/report/nearby");
    v.post("/portal/report/nearby", "choice", existing.reference());
    String email = "nosy." + unique() + "@example.org";
    assertThat(
            v.post(
                    "/portal/report/contact",
                    "firstName",
                    "Nosy",
                    "lastName",
                    "Parker",
                    "email",
                    email)
                .getRedirectedUrl())
        .isEqualTo("/portal/report/following");

    Visitor follower = new Visitor();
    assertThat(
            follower
                .post("/portal/track", "reference", existing.reference(), "detail", email)
                .getRedirectedUrl())
        .isEqualTo("/portal/track/" + existing.reference());
    assertThat(follower.shown("/portal/track/" + existing.reference()))
        .contains("In progress", "Repair booked for Friday", "Elm Row")
        .doesNotContain("07700", "wheelchair", "7 Elm Row", "2CC");

    // The reporter still sees the note written to them.
    Visitor reporter = new Visitor();
    reporter.post("/portal/track", "reference", existing.reference(), "detail", reporterEmail);
    assertThat(reporter.get("/portal/track/" + existing.reference()).getContentAsString())
        .contains("07700 900123", "Repair booked for Friday")
        .doesNotContain("7 Elm Row", "wheelchair");
  }

  @Test
  void markingACaseAsADuplicateMakesItsReporterAndFollowersFollowTheOriginal() {
    CaseView original = potholeAt("51.400000", "-0.100000");
    signedIn.enter(Fixtures.SUPERVISOR);
    try {
      ResidentId reporter = resident("dup." + unique() + "@example.org");
      ResidentId follower = resident("fol." + unique() + "@example.org");
      CaseView duplicate =
          cases.open(
              new NewCase(
                  Fixtures.POTHOLE,
                  reporter,
                  "Same pothole",
                  null,
                  null,
                  new BigDecimal("51.400010"),
                  new BigDecimal("-0.100010"),
                  null,
                  Map.of(),
                  null,
                  null,
                  Channel.WEB,
                  null));
      assertThat(cases.follow(duplicate.reference(), follower)).isTrue();
      assertThat(cases.follow(duplicate.reference(), follower)).isFalse();
      assertThat(cases.follow(duplicate.reference(), reporter)).isFalse();
      cases.changeStatus(
          duplicate.id(), CaseStatus.DUPLICATE, null, false, original.reference(), null);
      assertThat(cases.audience(original.id()).followers())
          .containsExactlyInAnyOrder(reporter, follower);
    } finally {
      SignedIn.leave();
    }
  }

  @Test
  void trackingAnswersTheSameWhetherOrNotTheReferenceExistsAndShowsOnlyPublicNotes()
      throws Exception {
    String email = "tracker." + unique() + "@example.org";
    Visitor v = reportToCheck(unique() + " Track Street", email);
    v.post("/portal/report/check");
    String reference =
        v.get("/portal/report/confirmation")
            .getContentAsString()
            .replaceAll("(?s).*id=\"reference\">([^<]+)<.*", "$1");
    CaseView c = signedIn.as(Fixtures.SUPERVISOR, () -> cases.viewByReference(reference));
    noteThenStart(
        Fixtures.CASEWORKER, c, "Internal: crew short-staffed", false, "Crew booked for Friday");

    Visitor stranger = new Visitor();
    String wrongDetail =
        stranger
            .post("/portal/track", "reference", reference, "detail", "someone@example.org")
            .getContentAsString();
    String noSuchCase =
        stranger
            .post("/portal/track", "reference", "BR-1999-999999", "detail", "someone@example.org")
            .getContentAsString();
    assertThat(wrongDetail).contains("We could not find a report with that reference");
    assertThat(withoutTokens(wrongDetail.replace(reference, "BR-1999-999999")))
        .isEqualTo(withoutTokens(noSuchCase));
    assertThat(stranger.get("/portal/track/" + reference).getRedirectedUrl())
        .isEqualTo("/portal/track?reference=" + reference);

    Visitor owner = new Visitor();
    assertThat(
            owner
                .post("/portal/track", "reference", reference.toLowerCase(), "detail", email)
                .getRedirectedUrl())
        .isEqualTo("/portal/track/" + reference);
    String page = owner.get("/portal/track/" + reference).getContentAsString();
    assertThat(page)
        .contains("In progress", "Crew booked for Friday", "Report received", "Track Street, SW1A")
        .doesNotContain("short-staffed", "Garden bin not emptied", email, "SW1A 1AA");
  }

  @Test
  void aFilledHoneypotIsDroppedAndNothingIsCreated() throws Exception {
    String street = unique() + " Honey Lane";
    Visitor v = reportToCheck(street, null);
    MockHttpServletResponse dropped = v.post("/portal/report/check", "hp_note", "http://spam");
    assertThat(dropped.getRedirectedUrl()).isEqualTo("/portal");
    assertThat(
            jdbc.sql("select count(*) from service_case where address like ?")
                .param(street + "%")
                .query(Long.class)
                .single())
        .isZero();
    assertThat(v.get("/portal/report/confirmation").getRedirectedUrl()).isEqualTo("/portal");
  }

  @Test
  void postsWithoutTheCsrfTokenAreRefused() throws Exception {
    int status =
        mvc.perform(post("/portal/track").param("reference", "BR-2026-000001"))
            .andReturn()
            .getResponse()
            .getStatus();
    assertThat(status).isEqualTo(403);
  }

  @Test
  void oneAddressPostingTooOftenGets429WhileOthersCarryOn() throws Exception {
    Visitor flood = new Visitor("203.0.113.7");
    for (int i = 0; i < PORTAL_RATE_LIMIT; i++) {
      assertThat(flood.post("/portal/track").getStatus()).isEqualTo(200);
    }
    // The bucket refills continuously (a token every few seconds here): keep going until it is dry.
    MockHttpServletResponse limited = flood.post("/portal/track");
    for (int i = 0; i < 20 && limited.getStatus() != 429; i++) {
      limited = flood.post("/portal/track");
    }
    assertThat(limited.getStatus()).isEqualTo(429);
    assertThat(limited.getHeader("Retry-After")).matches("\\d+");
    assertThat(new Visitor("203.0.113.8").post("/portal/track").getStatus()).isEqualTo(200);
    // Reading pages is not limited.
    assertThat(flood.get("/portal/track").getStatus()).isEqualTo(200);
  }

  @Test
  void aPostLargerThanAFormNeedsIsRefusedBeforeItIsRead() throws Exception {
    MockHttpServletResponse response =
        mvc.perform(
                post("/portal/track")
                    .with(csrf())
                    .contentType("application/x-www-form-urlencoded")
                    .content("detail=" + "x".repeat(70_000)))
            .andReturn()
            .getResponse();
    assertThat(response.getStatus()).isEqualTo(413);
  }

  private CaseView potholeAt(String lat, String lon) {
    return caseAt(Fixtures.POTHOLE, null, "Deep pothole", null, lat, lon, Channel.PHONE);
  }

  /** Starts a report of {@code service} at a point; answers where the portal sends them next. */
  private static String pointed(Visitor v, String service, String lat, String lon)
      throws Exception {
    v.get("/portal/report/start?service=" + service);
    return v.post("/portal/report/location", "kind", "point", "latitude", lat, "longitude", lon)
        .getRedirectedUrl();
  }

  /** A case raised by a supervisor; {@code reporter} may be null (anonymous). */
  private CaseView caseAt(
      String service,
      ResidentId reporter,
      String description,
      String address,
      String lat,
      String lon,
      Channel channel) {
    return signedIn.as(
        Fixtures.SUPERVISOR,
        () ->
            cases.open(
                Fixtures.newCase(
                    service,
                    reporter,
                    description,
                    address,
                    new BigDecimal(lat),
                    new BigDecimal(lon),
                    Map.of(),
                    channel)));
  }

  /** A note to the reporter, then a move to in progress with a public note, by {@code user}. */
  private void noteThenStart(String user, CaseView c, String note, boolean toReporter, String why) {
    signedIn.as(
        user,
        () -> {
          cases.addNote(c.id(), note, toReporter);
          cases.changeStatus(c.id(), CaseStatus.IN_PROGRESS, why, true, null, null);
          return null;
        });
  }

  private ResidentId resident(String email) {
    return residents.register(
        new ResidentDetails(
            "Dee",
            "Dup" + unique(),
            null,
            email,
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
  }

  /** A page without its CSRF token and session-specific bits, to compare two answers. */
  private static String withoutTokens(String html) {
    return html.replaceAll("name=\"_csrf\" value=\"[^\"]*\"", "");
  }
}
