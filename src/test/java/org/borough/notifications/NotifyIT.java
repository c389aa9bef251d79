// SPDX-License-Identifier: AGPL-3.0-or-later
package org.borough.notifications;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.borough.cases.CaseManagement;
import org.borough.cases.CaseView;
import org.borough.residents.ResidentId;
import org.borough.residents.ResidentManagement;
import org.borough.support.CaseFor;
import org.borough.support.Fixtures;
import org.borough.support.IntegrationTest;
import org.borough.support.ResidentDetailsFor;
import org.borough.support.SignedIn;
import org.borough.support.TestNotify;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;

/**
 * Texts and letters through GOV.UK Notify, end to end against a server that plays its API: what
 * Borough asks Notify to send, Notify's refusals (a number it will never take, too many requests),
 * and its delivery receipts, which tell staff on the case when a message did not arrive.
 */
class NotifyIT extends IntegrationTest {

  private static final Duration WAIT = Duration.ofSeconds(20);

  @Autowired CaseManagement cases;
  @Autowired ResidentManagement residents;
  @Autowired SignedIn signedIn;
  @Autowired JdbcClient jdbc;
  @Autowired MockMvc mvc;

  private final WireMockServer notify = TestNotify.server();

  @Test
  void aResidentWithOnlyAMobileGetsTheirTextThroughNotifyAndItsDeliveryIsRecorded()
      throws Exception {
    String number = mobile();
    String notifyId = UUID.randomUUID().toString();
    answerTexts(number, TestNotify.created(notifyId));

    CaseView c = raise(texted(number));
    Row sent = await(c, "SENT");

    assertThat(sent.channel()).isEqualTo("SMS");
    assertThat(sent.providerId()).isEqualTo(notifyId);
    notify.verify(
        postRequestedFor(urlEqualTo("/v2/notifications/sms"))
            .withRequestBody(matchingJsonPath("$.phone_number", equalTo(e164(number))))
            .withRequestBody(matchingJsonPath("$.template_id", equalTo(TestNotify.SMS_TEMPLATE)))
            .withRequestBody(matchingJsonPath("$.reference", equalTo(sent.id().toString())))
            .withRequestBody(
                matchingJsonPath("$.personalisation.reference", equalTo(c.reference())))
            .withRequestBody(
                matchingJsonPath(
                    "$.personalisation.body",
                    com.github.tomakehurst.wiremock.client.WireMock.containing(c.reference()))));

    receipt(sent, notifyId, "delivered").andExpect(status().isNoContent());
    assertThat(deliveryStatus(sent)).isEqualTo("delivered");
    assertThat(messageLines(c)).isEmpty();
  }

  @Test
  void aTextThatDidNotArriveIsMarkedOnItsCaseOnceForStaff() throws Exception {
    String number = mobile();
    String notifyId = UUID.randomUUID().toString();
    answerTexts(number, TestNotify.created(notifyId));
    CaseView c = raise(texted(number));
    Row sent = await(c, "SENT");

    receipt(sent, notifyId, "permanent-failure").andExpect(status().isNoContent());
    receipt(sent, notifyId, "permanent-failure").andExpect(status().isNoContent());

    assertThat(deliveryStatus(sent)).isEqualTo("permanent-failure");
    assertThat(messageLines(c))
        .singleElement()
        .asString()
        .contains("text message", "report received", "did not arrive", "wrong or no longer used");
    // Another service's id for the same message changes nothing.
    receipt(sent, UUID.randomUUID().toString(), "delivered").andExpect(status().isNoContent());
    assertThat(deliveryStatus(sent)).isEqualTo("permanent-failure");
  }

  @Test
  void aNumberNotifyWillNeverTakeIsGivenUpAtOnceAndTheCaseSaysSo() {
    String number = mobile();
    answerTexts(
        number, TestNotify.refused(400, "ValidationError", "phone_number Not a UK mobile number"));

    CaseView c = raise(texted(number));
    Row failed = await(c, "FAILED");

    assertThat(failed.attempts()).isEqualTo(1);
    // The line is written just after the message is marked given up, in its own transaction.
    assertThat(awaitMessageLine(c))
        .singleElement()
        .asString()
        .contains("could not be sent after 1 tries", "Not a UK mobile number");
  }

  @Test
  void aTextRefusedForTooManyRequestsGoesOnceNotifyTakesIt() {
    String number = mobile();
    String scenario = "busy " + number;
    notify.stubFor(
        texts(number)
            .inScenario(scenario)
            .whenScenarioStateIs(Scenario.STARTED)
            .willReturn(TestNotify.refused(429, "RateLimitError", "Exceeded rate limit"))
            .willSetStateTo("calm"));
    notify.stubFor(
        texts(number)
            .inScenario(scenario)
            .whenScenarioStateIs("calm")
            .willReturn(TestNotify.created(UUID.randomUUID().toString())));

    CaseView c = raise(texted(number));
    Row sent = await(c, "SENT");

    assertThat(sent.attempts()).isEqualTo(2);
    assertThat(messageLines(c)).isEmpty();
  }

  @Test
  void aResidentWithOnlyAPostalAddressGetsALetter() {
    String surname = "Posted" + unique();
    ResidentId resident =
        signedIn.as(
            Fixtures.AGENT,
            () ->
                residents.register(
                    ResidentDetailsFor.posted(
                        "Nell", surname, "1 Letter Lane", "London", "SW1A 1AA")));
    CaseView c = raise(resident);
    Row sent = await(c, "SENT");

    assertThat(sent.channel()).isEqualTo("LETTER");
    notify.verify(
        postRequestedFor(urlEqualTo("/v2/notifications/letter"))
            .withRequestBody(matchingJsonPath("$.reference", equalTo(sent.id().toString())))
            .withRequestBody(matchingJsonPath("$.template_id", equalTo(TestNotify.LETTER_TEMPLATE)))
            .withRequestBody(
                matchingJsonPath("$.personalisation.address_line_1", equalTo("Nell " + surname)))
            .withRequestBody(
                matchingJsonPath("$.personalisation.address_line_2", equalTo("1 Letter Lane")))
            .withRequestBody(
                matchingJsonPath("$.personalisation.address_line_3", equalTo("London")))
            .withRequestBody(
                matchingJsonPath("$.personalisation.address_line_4", equalTo("SW1A 1AA"))));
  }

  @Test
  void aReplyToAReporterWithNoEmailAddressGoesAsALetter() {
    String surname = "Written" + unique();
    ResidentId resident =
        signedIn.as(
            Fixtures.AGENT,
            () ->
                residents.register(
                    ResidentDetailsFor.posted(
                        "Olu", surname, "2 Letter Lane", "London", "SW1A 1AA")));
    CaseView c = raise(resident);
    await(c, "SENT"); // the acknowledgement, by letter
    String words = "Our response to your complaint " + unique() + ": we will collect weekly.";
    signedIn.as(Fixtures.CASEWORKER, () -> cases.replyToReporter(c.id(), words));

    long deadline = System.nanoTime() + WAIT.toNanos();
    List<com.github.tomakehurst.wiremock.verification.LoggedRequest> letters = List.of();
    while (letters.isEmpty() && System.nanoTime() < deadline) {
      sleep();
      letters =
          notify.findAll(
              postRequestedFor(urlEqualTo("/v2/notifications/letter"))
                  .withRequestBody(
                      com.github.tomakehurst.wiremock.client.WireMock.containing(words)));
    }
    assertThat(letters).hasSize(1);
    String body = letters.get(0).getBodyAsString();
    // A letter cannot be answered by replying to it: it says how to answer instead.
    assertThat(body)
        .contains("Olu " + surname, "2 Letter Lane", "quote " + c.reference())
        .doesNotContain("replying to this email");
    // Notify has the letter before the sender commits it as sent: wait for that commit.
    long sentLetters = sentReplyLetters(c);
    while (sentLetters == 0 && System.nanoTime() < deadline) {
      sleep();
      sentLetters = sentReplyLetters(c);
    }
    assertThat(sentLetters).isEqualTo(1);
  }

  private long sentReplyLetters(CaseView c) {
    return jdbc.sql(
            "select count(*) from notification where case_id = ? and template = 'REPLY'"
                + " and channel = 'LETTER' and status = 'SENT'")
        .param(c.id().value())
        .query(Long.class)
        .single();
  }

  @Test
  void receiptsNeedTheTokenAndAWellFormedBody() throws Exception {
    String receipt =
        "{\"id\":\""
            + UUID.randomUUID()
            + "\",\"reference\":\""
            + UUID.randomUUID()
            + "\","
            + "\"status\":\"delivered\"}";
    String path = "/callbacks/notify/delivery-receipts";
    mvc.perform(
            MockMvcRequestBuilders.post(path)
                .contentType(MediaType.APPLICATION_JSON)
                .content(receipt))
        .andExpect(status().isUnauthorized())
        .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
    mvc.perform(
            MockMvcRequestBuilders.post(path)
                .header("Authorization", "Bearer not-the-token")
                .contentType(MediaType.APPLICATION_JSON)
                .content(receipt))
        .andExpect(status().isUnauthorized());
    mvc.perform(
            MockMvcRequestBuilders.post(path)
                .header("Authorization", "Bearer " + TestNotify.CALLBACK_TOKEN)
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"id\": "))
        .andExpect(status().isBadRequest())
        .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
        .andExpect(jsonPath("$.detail").value("The body must be a JSON object, as Notify sends"));
    mvc.perform(
            MockMvcRequestBuilders.post(path)
                .header("Authorization", "Bearer " + TestNotify.CALLBACK_TOKEN)
                .contentType(MediaType.APPLICATION_JSON)
                .content(new byte[] {(byte) 0xff, 0x00, (byte) 0xfe, 0x7b}))
        .andExpect(status().isBadRequest());
    mvc.perform(
            MockMvcRequestBuilders.post(path)
                .header("Authorization", "Bearer " + TestNotify.CALLBACK_TOKEN)
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"reference\":null,\"status\":\"delivered\"}"))
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.errors[0].field").value("id"));
    mvc.perform(
            MockMvcRequestBuilders.post(path)
                .header("Authorization", "Bearer " + TestNotify.CALLBACK_TOKEN)
                .contentType(MediaType.TEXT_PLAIN)
                .content(receipt))
        .andExpect(status().isUnsupportedMediaType())
        .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
    // A receipt for a message Borough does not hold is taken, so that Notify stops sending it.
    mvc.perform(
            MockMvcRequestBuilders.post(path)
                .header("Authorization", "Bearer " + TestNotify.CALLBACK_TOKEN)
                .contentType(MediaType.APPLICATION_JSON)
                .content(receipt))
        .andExpect(status().isNoContent());
  }

  // --- helpers ---------------------------------------------------------------------------------

  record Row(UUID id, String status, String channel, String providerId, int attempts) {}

  private static com.github.tomakehurst.wiremock.client.MappingBuilder texts(String number) {
    return post(urlEqualTo("/v2/notifications/sms"))
        .atPriority(1)
        .withRequestBody(matchingJsonPath("$.phone_number", equalTo(e164(number))));
  }

  private void answerTexts(
      String number, com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder answer) {
    notify.stubFor(texts(number).willReturn(answer));
  }

  private org.springframework.test.web.servlet.ResultActions receipt(
      Row message, String notifyId, String deliveryStatus) throws Exception {
    return mvc.perform(
        MockMvcRequestBuilders.post("/callbacks/notify/delivery-receipts")
            .header("Authorization", "Bearer " + TestNotify.CALLBACK_TOKEN)
            .contentType(MediaType.APPLICATION_JSON)
            .content(
                "{\"id\":\""
                    + notifyId
                    + "\",\"reference\":\""
                    + message.id()
                    + "\",\"to\":\"07700900000\",\"status\":\""
                    + deliveryStatus
                    + "\",\"created_at\":\"2026-12-04T10:15:30.000000Z\","
                    + "\"completed_at\":\"2026-12-04T10:15:35.000000Z\","
                    + "\"sent_at\":\"2026-12-04T10:15:31.000000Z\","
                    + "\"notification_type\":\"sms\",\"template_id\":\""
                    + TestNotify.SMS_TEMPLATE
                    + "\",\"template_version\":1}"));
  }

  private Row await(CaseView c, String status) {
    long deadline = System.nanoTime() + WAIT.toNanos();
    while (System.nanoTime() < deadline) {
      List<Row> rows =
          jdbc.sql(
                  "select id, status, channel, provider_id, attempts from notification"
                      + " where case_id = ?")
              .param(c.id().value())
              .query(
                  (rs, i) ->
                      new Row(
                          rs.getObject(1, UUID.class),
                          rs.getString(2),
                          rs.getString(3),
                          rs.getString(4),
                          rs.getInt(5)))
              .list();
      if (rows.size() == 1 && rows.get(0).status().equals(status)) {
        return rows.get(0);
      }
      sleep();
    }
    throw new AssertionError("the message about " + c.reference() + " never became " + status);
  }

  private String deliveryStatus(Row message) {
    return jdbc.sql("select delivery_status from notification where id = ?")
        .param(message.id())
        .query(String.class)
        .single();
  }

  /** The case's message lines once there is one, waiting for it (at most {@link #WAIT}). */
  private List<String> awaitMessageLine(CaseView c) {
    long deadline = System.nanoTime() + WAIT.toNanos();
    List<String> lines = messageLines(c);
    while (lines.isEmpty() && System.nanoTime() < deadline) {
      try {
        Thread.sleep(50);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        break;
      }
      lines = messageLines(c);
    }
    return lines;
  }

  private List<String> messageLines(CaseView c) {
    return jdbc.sql("select body from case_timeline where case_id = ? and kind = 'MESSAGE'")
        .param(c.id().value())
        .query(String.class)
        .list();
  }

  private CaseView raise(ResidentId resident) {
    return signedIn.as(
        Fixtures.AGENT, () -> cases.open(CaseFor.missedBin(resident, "Bin not collected")));
  }

  private ResidentId texted(String number) {
    return signedIn.as(
        Fixtures.AGENT,
        () ->
            residents.register(
                ResidentDetailsFor.contact("Nell", "Texted" + unique(), null, number)));
  }

  /** A mobile number of Ofcom's drama range that no other test uses. */
  private String mobile() {
    return org.borough.support.TestPhones.unused(jdbc);
  }

  private static String e164(String number) {
    return "+44" + number.replace(" ", "").substring(1);
  }

  private static String unique() {
    return UUID.randomUUID().toString().substring(0, 8);
  }

  private static void sleep() {
    try {
      Thread.sleep(100);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
