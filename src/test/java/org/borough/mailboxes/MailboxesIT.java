// SPDX-License-Identifier: AGPL-3.0-or-later
package org.borough.mailboxes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.icegreen.greenmail.store.StoredMessage;
import jakarta.mail.Flags;
import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import java.time.Duration;
import java.util.List;
import java.util.Properties;
import java.util.UUID;
import java.util.function.Supplier;
import org.borough.cases.CaseManagement;
import org.borough.cases.CaseView;
import org.borough.catalogue.ServiceCatalogue;
import org.borough.support.Fixtures;
import org.borough.support.IntegrationTest;
import org.borough.support.SignedIn;
import org.borough.support.TestMail;
import org.borough.support.TestMailbox;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;

/**
 * Email to case end to end: emails put in a real IMAP mailbox (GreenMail) are read by Borough's
 * poller and become contacts and cases — a new email a case for the mailbox's service with its
 * acknowledgement sent once, a reply quoting the reference a note on the same case, files kept as
 * uploads are, and machines' emails (auto-replies, bounces) left alone.
 */
class MailboxesIT extends IntegrationTest {

  private static final Duration WAIT = Duration.ofSeconds(20);
  private static final byte[] PNG = {
    (byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13, 'I', 'H', 'D', 'R'
  };

  @Autowired ServiceCatalogue catalogue;
  @Autowired CaseManagement cases;
  @Autowired SignedIn signedIn;
  @Autowired JdbcClient jdbc;
  @Autowired MockMvc mvc;

  @BeforeEach
  void theMailboxesService() {
    Fixtures.noise(catalogue);
  }

  @Test
  void aNewEmailBecomesACaseForTheMailboxesServiceAndIsAcknowledgedOnce() throws Exception {
    String from = address();
    TestMailbox.deliver(
        email(from, "Jane Emailer", "Loud music from number 4", "Every night until 3am.", null));

    CaseView c = awaitCase(from);
    assertThat(c.summary().serviceCode()).isEqualTo(Fixtures.NOISE);
    assertThat(c.channel().name()).isEqualTo("EMAIL");
    assertThat(c.description()).contains("Loud music from number 4", "Every night until 3am.");
    assertThat(
            jdbc.sql(
                    "select r.forename || ' ' || r.surname from resident r join resident_email e"
                        + " on e.resident_id = r.id where e.email = ?")
                .param(from)
                .query(String.class)
                .single())
        .isEqualTo("Jane Emailer");
    assertThat(contacts(from)).containsExactly("EMAIL INBOUND CASE_RAISED");

    List<TestMail.Mail> acknowledged = TestMail.await(from, 1, WAIT);
    assertThat(acknowledged)
        .singleElement()
        .extracting(TestMail.Mail::subject)
        .isEqualTo("We have your report " + c.reference());
    awaitRead();

    // Borough dies after the commit and before marking the email read: seen again, taken once.
    TestMailbox.markAllUnread();
    // An email is marked read only once its intake has committed: read again means taken again.
    awaitRead();
    assertThat(casesOf(from)).hasSize(1);
    assertThat(TestMail.to(from)).hasSize(1);
  }

  @Test
  void aReplyQuotingTheReferenceIsANoteOnTheSameCase() throws Exception {
    String from = address();
    TestMailbox.deliver(
        email(from, "Ravi Replier", "Fly-tipping again", "Bags by the gate.", null));
    CaseView c = awaitCase(from);

    TestMailbox.deliver(
        email(
            from,
            "Ravi Replier",
            "RE: We have your report " + c.reference(),
            "They have added a mattress now.",
            null));

    awaitCondition(
        () -> notes(c).stream().anyMatch(n -> n.contains("They have added a mattress now.")),
        "the reply is a note on " + c.reference());
    assertThat(casesOf(from)).hasSize(1);
    assertThat(contacts(from))
        .containsExactlyInAnyOrder("EMAIL INBOUND CASE_RAISED", "EMAIL INBOUND CASE_UPDATED");
  }

  @Test
  void aStaffReplyIsEmailedInTheResidentsThreadAndTheirAnswerComesBackToTheCase() throws Exception {
    String from = address();
    String first = "<first-" + UUID.randomUUID() + "@example.org>";
    MimeMessage opening =
        email(from, "Tom Thread", "Hedge over the path", "Blocks the pram.", null);
    opening.setHeader("Message-ID", first);
    TestMailbox.deliver(opening);
    CaseView c = awaitCase(from);
    TestMail.await(from, 1, WAIT); // the acknowledgement

    // From the case page: an empty reply is refused on the page, a written one is sent.
    mvc.perform(
            MockMvcRequestBuilders.post("/cases/" + c.reference() + "/reply")
                .param("reply", " ")
                .with(signedIn.request(Fixtures.AGENT))
                .with(csrf()))
        .andExpect(status().isOk())
        .andExpect(content().string(containsString("Write the reply")));
    mvc.perform(
            MockMvcRequestBuilders.post("/cases/" + c.reference() + "/reply")
                .param("reply", "We will cut it back on Thursday.")
                .with(signedIn.request(Fixtures.AGENT))
                .with(csrf()))
        .andExpect(status().is3xxRedirection());

    assertThat(TestMail.await(from, 2, WAIT)).hasSize(2);
    MimeMessage reply = TestMail.raw(from).get(1);
    assertThat(reply.getSubject()).isEqualTo("Your report " + c.reference());
    assertThat(String.valueOf(reply.getContent())).contains("We will cut it back on Thursday.");
    assertThat(reply.getHeader("In-Reply-To", ",")).isEqualTo(first);
    String ours = reply.getMessageID();
    assertThat(ours).startsWith("<case-" + c.id().value() + ".").endsWith("@example.gov.uk>");
    assertThat(contacts(from)).contains("EMAIL OUTBOUND CASE_UPDATED");

    // Their answer lost the reference from its subject; its In-Reply-To still finds the case.
    MimeMessage answer = email(from, "Tom Thread", "Re: thanks", "Thursday is fine.", null);
    answer.setHeader("In-Reply-To", ours);
    answer.setHeader("References", first + " " + ours);
    TestMailbox.deliver(answer);
    awaitCondition(
        () -> notes(c).stream().anyMatch(n -> n.contains("Thursday is fine.")),
        "the answer is a note on " + c.reference());
    assertThat(casesOf(from)).hasSize(1);
  }

  @Test
  void aPhotoIsKeptAndAFileUploadsMayNotBeIsNamedOnTheCase() throws Exception {
    String from = address();
    TestMailbox.deliver(
        email(from, "Petra Photo", "Broken bin", "Photo attached.", List.of("bin.png", "run.exe")));
    CaseView c = awaitCase(from);

    awaitCondition(
        () -> notes(c).stream().anyMatch(n -> n.contains("run.exe")), "the refused file is named");
    CaseView seen = signedIn.as(Fixtures.SUPERVISOR, () -> cases.view(c.id()));
    assertThat(seen.attachments())
        .singleElement()
        .satisfies(a -> assertThat(a.filename()).isEqualTo("bin.png"));
  }

  @Test
  void autoRepliesAndBouncesAreLeftAlone() throws Exception {
    String from = address();
    MimeMessage away =
        email(from, "Out Office", "Automatic reply: Your report", "I am away.", null);
    away.setHeader("Auto-Submitted", "auto-replied");
    away.saveChanges();
    TestMailbox.deliver(away);
    MimeMessage bounce =
        email("mailer-daemon@example.net", null, "Undelivered Mail Returned", "Gone.", null);
    TestMailbox.deliver(bounce);

    // Marked read only once their intake committed: whatever it did is in the database now.
    awaitRead();
    assertThat(casesOf(from)).isEmpty();
    assertThat(
            jdbc.sql(
                    "select count(*) from inbound_email where outcome = 'IGNORED' and reason in"
                        + " ('an automatic email (Auto-Submitted: auto-replied)',"
                        + " 'a bounce (from mailer-daemon)')")
                .query(Long.class)
                .single())
        .isGreaterThanOrEqualTo(2);
  }

  @Test
  void theAdministratorSeesEachMailboxReadAndWhatBecameOfItsEmails() throws Exception {
    String from = address();
    TestMailbox.deliver(email(from, "Ada Admin", "Streetlight out", "Outside number 9.", null));
    awaitCase(from);
    String page =
        mvc.perform(
                MockMvcRequestBuilders.get("/admin/mailboxes")
                    .with(signedIn.request(Fixtures.ADMIN)))
            .andExpect(status().isOk())
            .andReturn()
            .getResponse()
            .getContentAsString();
    assertThat(page)
        .contains("contact", "imap://127.0.0.1:", Fixtures.NOISE)
        .doesNotContain("Not read yet", TestMailbox.PASSWORD)
        .containsPattern("[1-9][0-9]* new cases");
  }

  // --- helpers ---------------------------------------------------------------------------------

  private static String address() {
    return "emailer." + UUID.randomUUID().toString().substring(0, 8) + "@example.org";
  }

  private static MimeMessage email(
      String from, String name, String subject, String text, List<String> files) throws Exception {
    MimeMessage m = new MimeMessage(Session.getInstance(new Properties()));
    m.setFrom(name == null ? new InternetAddress(from) : new InternetAddress(from, name));
    m.setRecipients(MimeMessage.RecipientType.TO, TestMailbox.ADDRESS);
    m.setSubject(subject);
    if (files == null) {
      m.setText(text);
    } else {
      MimeMultipart mixed = new MimeMultipart();
      MimeBodyPart body = new MimeBodyPart();
      body.setText(text);
      mixed.addBodyPart(body);
      for (String file : files) {
        MimeBodyPart part = new MimeBodyPart();
        part.setContent(
            file.endsWith(".png") ? PNG : "MZ not a photo".getBytes(), "application/octet-stream");
        part.setFileName(file);
        part.setDisposition(MimeBodyPart.ATTACHMENT);
        mixed.addBodyPart(part);
      }
      m.setContent(mixed);
    }
    m.saveChanges();
    return m;
  }

  private List<String> casesOf(String from) {
    return jdbc.sql(
            "select c.reference from service_case c join resident_email e"
                + " on e.resident_id = c.resident_id where e.email = ?")
        .param(from)
        .query(String.class)
        .list();
  }

  private List<String> contacts(String from) {
    return jdbc.sql(
            "select k.channel || ' ' || k.direction || ' ' || k.outcome from contact k"
                + " join resident_email e on e.resident_id = k.resident_id where e.email = ?")
        .param(from)
        .query(String.class)
        .list();
  }

  private List<String> notes(CaseView c) {
    return jdbc.sql("select body from case_timeline where case_id = ? and kind = 'NOTE'")
        .param(c.id().value())
        .query(String.class)
        .list();
  }

  private CaseView awaitCase(String from) {
    awaitCondition(() -> !casesOf(from).isEmpty(), "a case for the email from " + from);
    String reference = casesOf(from).get(0);
    return signedIn.as(Fixtures.SUPERVISOR, () -> cases.viewByReference(reference));
  }

  private static void awaitRead() {
    awaitCondition(
        () ->
            TestMailbox.inbox().stream()
                .map(StoredMessage::getFlags)
                .allMatch(f -> f.contains(Flags.Flag.SEEN)),
        "every email in the mailbox read");
  }

  private static void awaitCondition(Supplier<Boolean> done, String what) {
    long deadline = System.nanoTime() + WAIT.toNanos();
    while (!done.get()) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("never: " + what);
      }
      try {
        Thread.sleep(100);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new AssertionError(e);
      }
    }
  }
}
