// SPDX-License-Identifier: AGPL-3.0-or-later
package org.borough.mailboxes;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Properties;
import java.util.Set;
import org.borough.residents.Reporter;
import org.junit.jupiter.api.Test;

/** Emails as mail programs send them, read into what Borough takes in. */
class EmailReaderTests {

  private static final Set<String> OWN = Set.of("contact@council.gov.uk");
  private static final Session SESSION = Session.getInstance(new Properties());

  @Test
  void aPlainEmailGivesItsSenderSubjectWordsAndMessageId() throws Exception {
    InboundEmail e = read(plain("Jane Smith <jane@example.org>", "Pothole", "Deep one."));
    assertThat(e.from()).isEqualTo("jane@example.org");
    assertThat(e.fromName()).isEqualTo("Jane Smith");
    assertThat(e.subject()).isEqualTo("Pothole");
    assertThat(e.text()).isEqualTo("Deep one.");
    assertThat(e.key()).isEqualTo("<abc@example.org>");
    assertThat(e.automatic()).isNull();
  }

  @Test
  void ofPlainAndHtmlThePlainWordsAreTakenAndHtmlAloneIsReadAsText() throws Exception {
    MimeMessage both = plain("jane@example.org", "Both", null);
    MimeMultipart alternative = new MimeMultipart("alternative");
    alternative.addBodyPart(part("<p>The <b>HTML</b> one</p>", "text/html; charset=utf-8"));
    alternative.addBodyPart(part("The plain one", "text/plain; charset=utf-8"));
    both.setContent(alternative);
    assertThat(read(both).text()).isEqualTo("The plain one");

    MimeMessage html = plain("jane@example.org", "HTML", null);
    html.setContent(
        "<html><body><p>Bin missed &amp; bags torn</p><script>x()</script></body></html>",
        "text/html; charset=utf-8");
    assertThat(read(html).text()).contains("Bin missed & bags torn").doesNotContain("<p>");
  }

  @Test
  void filesAreGatheredWithTheirNamesAndATooBigOneIsMarkedSo() throws Exception {
    MimeMessage m = plain("jane@example.org", "Files", null);
    MimeMultipart mixed = new MimeMultipart();
    mixed.addBodyPart(part("See attached", "text/plain"));
    MimeBodyPart small = new MimeBodyPart();
    small.setContent(new byte[] {1, 2, 3}, "application/octet-stream");
    small.setFileName("=?UTF-8?Q?caf=C3=A9.png?=");
    mixed.addBodyPart(small);
    MimeBodyPart big = new MimeBodyPart();
    big.setContent(new byte[100], "application/octet-stream");
    big.setFileName("big.pdf");
    mixed.addBodyPart(big);
    m.setContent(mixed);

    InboundEmail e = EmailReader.read(roundTrip(m), OWN, 10);
    assertThat(e.text()).isEqualTo("See attached");
    assertThat(e.attachments()).hasSize(2);
    assertThat(e.attachments().get(0).filename()).isEqualTo("café.png");
    assertThat(e.attachments().get(0).size()).isEqualTo(3);
    assertThat(e.attachments().get(1).size()).as("more than the limit").isEqualTo(11);
  }

  @Test
  void machinesAreRecognisedByTheirHeadersReportsAndAddresses() throws Exception {
    assertThat(automatic(header("Auto-Submitted", "auto-replied"))).contains("Auto-Submitted");
    assertThat(automatic(header("Auto-Submitted", "no"))).isNull();
    assertThat(automatic(header("X-Autoreply", "yes"))).isEqualTo("an automatic reply");
    assertThat(automatic(header("Precedence", "bulk"))).contains("Precedence: bulk");
    assertThat(automatic(header("Return-Path", "<>"))).contains("bounce");
    assertThat(read(plain("MAILER-DAEMON@example.net", "Undelivered", "x")).automatic())
        .isEqualTo("a bounce (from mailer-daemon)");
    assertThat(read(plain("Contact@Council.gov.uk", "Looping", "x")).automatic())
        .contains("mail loop");
    MimeMessage report = plain("jane@example.org", "Read: Pothole", null);
    MimeMultipart parts = new MimeMultipart("report");
    parts.addBodyPart(part("Your message was read", "text/plain"));
    report.setContent(parts);
    report.saveChanges();
    assertThat(automatic(report)).isEqualTo("a delivery or read report");
  }

  @Test
  void anEmailWithoutAMessageIdIsKnownByItsHeaders() throws Exception {
    MimeMessage m = plain("jane@example.org", "No id", "x");
    m.removeHeader("Message-ID");
    assertThat(EmailReader.read(m, OWN, 1000).key()).startsWith("no-id|jane@example.org|");
  }

  @Test
  void theSendersNamesAreTakenAsTheirMailProgramWritesThem() {
    assertThat(names(EmailIntake.reporter("Jane Smith", "j@example.org"))).isEqualTo("Jane|Smith");
    assertThat(names(EmailIntake.reporter("Smith, Jane", "j@example.org"))).isEqualTo("Jane|Smith");
    assertThat(names(EmailIntake.reporter("Mary Ann  de Souza", "j@example.org")))
        .isEqualTo("Mary Ann de|Souza");
    assertThat(names(EmailIntake.reporter(null, "jane.smith@example.org")))
        .isEqualTo("jane.smith|(name not given)");
    assertThat(EmailIntake.reporter("x".repeat(300), "j@example.org").forename()).hasSize(100);
  }

  @Test
  void aReplyFindsItsCaseByBoroughsMessageIdInItsThread() {
    java.util.UUID caseId = java.util.UUID.randomUUID();
    String ours =
        EmailThreads.newMessageId(
            new org.borough.cases.CaseId(caseId), java.util.UUID.randomUUID(), "council.gov.uk");
    assertThat(EmailThreads.caseOf(java.util.List.of("<abc@example.org>", ours)))
        .contains(new org.borough.cases.CaseId(caseId));
    assertThat(EmailThreads.caseOf(java.util.List.of("<case-not-a-uuid.x@council.gov.uk>")))
        .isEmpty();
  }

  @Test
  void theIdsAnEmailAnswersAreReadFromInReplyToThenReferences() throws Exception {
    MimeMessage m = plain("jane@example.org", "Re: x", "y");
    m.setHeader("In-Reply-To", "<b@x>");
    m.setHeader("References", "<a@x>\r\n <b@x>");
    assertThat(read(m).answers()).containsExactly("<b@x>", "<a@x>", "<b@x>");
    assertThat(read(m).messageId()).isEqualTo("<abc@example.org>");
  }

  // --- helpers ---------------------------------------------------------------------------------

  private static String names(Reporter r) {
    return r.forename() + "|" + r.surname();
  }

  private static MimeMessage plain(String from, String subject, String text) throws Exception {
    MimeMessage m =
        new MimeMessage(SESSION) {
          @Override
          protected void updateMessageID() throws jakarta.mail.MessagingException {
            setHeader("Message-ID", "<abc@example.org>");
          }
        };
    m.setFrom(new InternetAddress(from));
    m.setSubject(subject);
    if (text != null) {
      m.setText(text);
    }
    m.saveChanges();
    return m;
  }

  private static MimeMessage header(String name, String value) throws Exception {
    MimeMessage m = plain("jane@example.org", "Re: your report", "Away");
    m.setHeader(name, value);
    return m;
  }

  private static MimeBodyPart part(String content, String type) throws Exception {
    MimeBodyPart p = new MimeBodyPart();
    p.setContent(content, type);
    return p;
  }

  private static String automatic(MimeMessage m) throws Exception {
    return EmailReader.automatic(m, m.getFrom()[0].toString().toLowerCase(), OWN);
  }

  private static InboundEmail read(MimeMessage m) throws Exception {
    return EmailReader.read(roundTrip(m), OWN, 1_000_000);
  }

  /** The email as it arrives: written out and read back, as an IMAP server hands it over. */
  private static MimeMessage roundTrip(MimeMessage m) throws Exception {
    m.saveChanges();
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    m.writeTo(out);
    return new MimeMessage(
        SESSION,
        new ByteArrayInputStream(
            out.toString(StandardCharsets.ISO_8859_1).getBytes(StandardCharsets.ISO_8859_1)));
  }
}
