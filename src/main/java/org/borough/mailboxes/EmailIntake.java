// SPDX-License-Identifier: AGPL-3.0-or-later
package org.borough.mailboxes;

import java.io.ByteArrayInputStream;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.borough.cases.CaseAttachments;
import org.borough.cases.CaseId;
import org.borough.cases.CaseManagement;
import org.borough.cases.CaseView;
import org.borough.cases.NewCase;
import org.borough.contacts.Contact;
import org.borough.contacts.ContactLog;
import org.borough.contacts.ContactOutcome;
import org.borough.contacts.Direction;
import org.borough.contacts.NewContact;
import org.borough.residents.Channel;
import org.borough.residents.Reporter;
import org.borough.residents.Reporters;
import org.borough.residents.ResidentId;
import org.borough.system.NotFoundException;
import org.borough.system.Sha256;
import org.borough.system.UkFormats;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Takes one email into the CRM, in one transaction: a contact with the resident who sent it (found
 * by their address, or registered), and a new case for the mailbox's service — or, when the subject
 * quotes a case reference, a note on that case. An email already taken, one a machine sent, or one
 * of too many from one sender in an hour (a loop with another system) is recorded and left alone.
 */
@Service
class EmailIntake {

  /** What became of an email. */
  enum Outcome {
    NEW_CASE,
    ADDED_TO_CASE,
    IGNORED,
    ALREADY_TAKEN
  }

  /** A person writes fewer emails than this in an hour; a loop with an auto-responder more. */
  static final int LOOP_LIMIT = 20;

  private static final Pattern REFERENCE = Pattern.compile("\\b[A-Z]{1,5}-\\d{4}-\\d{6,}\\b");
  private static final int NOTE_LIMIT = 4000;

  private final InboundEmailRepository emails;
  private final Reporters reporters;
  private final ContactLog contacts;
  private final CaseManagement cases;
  private final CaseAttachments attachments;
  private final Clock clock;

  EmailIntake(
      InboundEmailRepository emails,
      Reporters reporters,
      ContactLog contacts,
      CaseManagement cases,
      CaseAttachments attachments,
      Clock clock) {
    this.emails = emails;
    this.reporters = reporters;
    this.contacts = contacts;
    this.cases = cases;
    this.attachments = attachments;
    this.clock = clock;
  }

  @Transactional
  Outcome take(String mailboxName, Mailbox mailbox, InboundEmail email) {
    String messageHash = Sha256.hex(email.key());
    if (emails.taken(mailboxName, messageHash)) {
      return Outcome.ALREADY_TAKEN;
    }
    Instant now = clock.instant();
    Optional<String> from = UkFormats.email(email.from());
    String senderHash = Sha256.hex(from.orElse(String.valueOf(email.from())));
    String ignored =
        email.automatic() != null
            ? email.automatic()
            : from.isEmpty()
                ? "the sender's address cannot be read"
                : emails.fromSince(senderHash, now.minus(Duration.ofHours(1))) >= LOOP_LIMIT
                    ? "more than "
                        + LOOP_LIMIT
                        + " emails from one sender in an hour (a mail loop?)"
                    : null;
    if (ignored != null) {
      emails.insert(
          mailboxName, messageHash, senderHash, now, Outcome.IGNORED.name(), ignored, null, null);
      return Outcome.IGNORED;
    }
    ResidentId resident =
        reporters
            .findOrRegister(reporter(email.fromName(), from.get()))
            .orElseThrow(() -> new IllegalStateException("a named reporter is always registered"));
    Optional<CaseView> quoted = answered(email);
    UUID caseId;
    Outcome outcome;
    if (quoted.isPresent()) {
      caseId = quoted.get().id().value();
      contacts.log(contact(resident, quoted.get().reference(), ContactOutcome.CASE_UPDATED, email));
      cases.addNote(quoted.get().id(), note(email), false);
      outcome = Outcome.ADDED_TO_CASE;
    } else {
      Contact contact = contacts.log(contact(resident, null, ContactOutcome.CASE_RAISED, email));
      CaseView opened = cases.open(newCase(mailbox.service(), resident, email, contact));
      caseId = opened.id().value();
      outcome = Outcome.NEW_CASE;
    }
    keepAttachments(new CaseId(caseId), email);
    emails.insert(
        mailboxName, messageHash, senderHash, now, outcome.name(), null, caseId, email.messageId());
    return outcome;
  }

  /**
   * The case the email answers: the one whose reference its subject quotes, else the one Borough's
   * email it replies to was about (its In-Reply-To or References), when that case is still held.
   */
  private Optional<CaseView> answered(InboundEmail email) {
    String reference = reference(email.subject());
    Optional<CaseId> id = reference != null ? cases.idOf(reference) : Optional.<CaseId>empty();
    if (id.isEmpty()) {
      id = EmailThreads.caseOf(email.answers());
    }
    if (id.isEmpty()) {
      return Optional.empty();
    }
    try {
      return Optional.of(cases.view(id.get()));
    } catch (NotFoundException gone) {
      return Optional.empty();
    }
  }

  private static String reference(String subject) {
    Matcher m = REFERENCE.matcher(subject.toUpperCase(Locale.ROOT));
    return m.find() ? m.group() : null;
  }

  /**
   * The sender as a reporter: the names their mail program gives ("Jane Smith", "Smith, Jane"), or,
   * with none, the part of the address before the @ — staff correct it when they next speak.
   */
  static Reporter reporter(String displayName, String address) {
    String name = displayName == null ? "" : displayName.strip().replaceAll("\\s+", " ");
    String forename;
    String surname;
    int comma = name.indexOf(',');
    int space = name.lastIndexOf(' ');
    if (comma > 0) {
      surname = name.substring(0, comma).strip();
      forename = name.substring(comma + 1).strip();
    } else if (space > 0) {
      forename = name.substring(0, space);
      surname = name.substring(space + 1);
    } else {
      forename = name.isEmpty() ? address.substring(0, address.indexOf('@')) : name;
      surname = "(name not given)";
    }
    return new Reporter(
        cut(forename.isEmpty() ? "(not given)" : forename, 100),
        cut(surname.isEmpty() ? "(name not given)" : surname, 100),
        address,
        null,
        Channel.EMAIL);
  }

  private static NewContact contact(
      ResidentId resident, String reference, ContactOutcome outcome, InboundEmail email) {
    String summary = "Email: " + (email.subject().isEmpty() ? "(no subject)" : email.subject());
    return new NewContact(
        resident,
        reference,
        Channel.EMAIL,
        Direction.INBOUND,
        null,
        null,
        outcome,
        cut(summary, 2000));
  }

  private static NewCase newCase(
      String service, ResidentId resident, InboundEmail email, Contact contact) {
    String description =
        (email.subject().isEmpty() ? "" : email.subject() + "\n\n")
            + (email.text().isEmpty() ? "(The email had no text.)" : email.text());
    return new NewCase(
        service,
        resident,
        cut(description.strip(), 4000),
        null,
        null,
        null,
        null,
        null,
        null,
        null,
        null,
        Channel.EMAIL,
        contact.id().value());
  }

  private static String note(InboundEmail email) {
    return cut(
        "Email from the resident"
            + (email.subject().isEmpty() ? "" : " — " + email.subject())
            + "\n\n"
            + (email.text().isEmpty() ? "(The email had no text.)" : email.text()),
        NOTE_LIMIT);
  }

  /**
   * Keeps the files uploads may be; the others are named in a note with the reason, so that the
   * email is never lost for a file Borough does not keep (the mailbox still holds it).
   */
  private void keepAttachments(CaseId caseId, InboundEmail email) {
    List<String> refused = new ArrayList<>();
    for (InboundEmail.Attachment a : email.attachments()) {
      Optional<String> why = attachments.refusal(a.size(), a.bytes());
      if (why.isPresent()) {
        refused.add(a.filename() + ": " + why.get());
      } else {
        attachments.add(caseId, a.filename(), a.size(), new ByteArrayInputStream(a.bytes()));
      }
    }
    if (!refused.isEmpty()) {
      cases.addNote(
          caseId,
          cut(
              "Files in the email not kept (they are still in the mailbox):\n"
                  + String.join("\n", refused),
              NOTE_LIMIT),
          false);
    }
  }

  private static String cut(String s, int max) {
    return s.length() <= max ? s : s.substring(0, max - 1) + "…";
  }
}
