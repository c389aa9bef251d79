// SPDX-License-Identifier: AGPL-3.0-or-later
package org.borough.notifications;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.borough.cases.CaseId;
import org.borough.mailboxes.EmailThreads;
import org.borough.notifications.notify.NotifyClient;
import org.borough.residents.ContactPreferences;
import org.borough.residents.PostalAddress;
import org.borough.residents.Reach;
import org.springframework.stereotype.Component;

/**
 * Chooses how a message reaches a resident and sends it: by email when they have an address and
 * want emails; else by text when they have a UK mobile, want texts and Notify sends texts; else by
 * letter when Notify sends letters and Borough holds their address — a resident with no email and
 * no way to be texted is not left unheard. Nothing is sent to a resident who turned off both kinds
 * of update.
 */
@Component
class Deliveries {

  /** What became of a message: sent by a channel (with Notify's id), or skipped and why. */
  record Outcome(String channel, String providerId, String skipped) {

    static Outcome sent(String channel, String providerId) {
      return new Outcome(channel, providerId, null);
    }

    static Outcome skipped(String why) {
      return new Outcome(null, null, why);
    }
  }

  private final Mailer mailer;
  private final NotifyClient notify;
  private final EmailThreads threads;

  /** The council's mail domain, from the sender address, for the Message-IDs Borough makes. */
  private final String domain;

  Deliveries(
      Mailer mailer,
      NotifyClient notify,
      EmailThreads threads,
      NotificationsProperties properties) {
    this.mailer = mailer;
    this.notify = notify;
    this.threads = threads;
    // "Council <no-reply@council.gov.uk>" or the bare address: the part after the @.
    String domain = properties.from().replaceAll(".*@", "").replaceAll("[>\\s].*", "");
    this.domain = domain.isEmpty() ? "borough.invalid" : domain;
  }

  /**
   * Sends the message by the first channel that reaches the resident.
   *
   * @param fields what a Notify template of the message's own may use
   * @param reference Borough's id for the message, carried back by Notify's delivery receipt
   */
  Outcome deliver(
      String template,
      Templates.Message message,
      Map<String, String> fields,
      Reach to,
      ContactPreferences wants,
      String reference) {
    Optional<String> email = to.email();
    if (email.isPresent() && wants.emailUpdates()) {
      Mailer.Sent sent =
          mailer.send(template, email.get(), message.subject(), message.body(), fields, reference);
      return Outcome.sent(sent.channel(), sent.providerId());
    }
    Optional<String> texts = notify.template(template, NotifyClient.Channel.SMS);
    Optional<String> mobile = to.mobile();
    if (mobile.isPresent() && texts.isPresent()) {
      if (!wants.textUpdates()) {
        return Outcome.skipped("the resident asked for no updates this way");
      }
      Map<String, String> personalisation = new LinkedHashMap<>(fields);
      personalisation.put("body", message.sms());
      return Outcome.sent(
          "SMS",
          notify.send(
              NotifyClient.Channel.SMS, texts.get(), mobile.get(), personalisation, reference));
    }
    if (email.isPresent() || !(wants.emailUpdates() || wants.textUpdates())) {
      return Outcome.skipped("the resident asked for no updates this way");
    }
    Optional<String> letters = notify.template(template, NotifyClient.Channel.LETTER);
    if (letters.isPresent() && to.post().isPresent()) {
      Map<String, String> personalisation = new LinkedHashMap<>(fields);
      personalisation.put("subject", message.subject());
      personalisation.put("body", message.letter());
      personalisation.putAll(addressLines(to.post().get()));
      return Outcome.sent(
          "LETTER",
          notify.send(
              NotifyClient.Channel.LETTER, letters.get(), null, personalisation, reference));
    }
    if (mobile.isPresent()) {
      return Outcome.skipped("texts are off (no GOV.UK Notify template for them) and no email");
    }
    return Outcome.skipped(
        to.post().isPresent()
            ? "no email address or mobile number, and letters are off"
            : "no email address, mobile number or postal address");
  }

  /**
   * Sends a member of staff's reply to the reporter, whatever their preferences (it is an answer,
   * not an update): by email, threaded with their own latest email to the case, its Message-ID
   * naming the case so that their answer comes back to it; to a reporter with no email address, by
   * letter when Notify sends letters and Borough holds their address (a complaint's response or an
   * FOI answer is owed to them in writing; a text would not hold it).
   */
  Outcome reply(
      CaseId caseId, Templates.Message message, Map<String, String> fields, Reach to, UUID id) {
    Optional<String> email = to.email();
    if (email.isEmpty()) {
      return replyByLetter(message, fields, to, id);
    }
    Map<String, String> headers = new LinkedHashMap<>();
    headers.put("Message-ID", EmailThreads.newMessageId(caseId, id, domain));
    threads
        .latestFromResident(caseId)
        .ifPresent(
            answered -> {
              headers.put("In-Reply-To", answered);
              headers.put("References", answered);
            });
    Mailer.Sent sent =
        mailer.send(
            NotificationPlanner.REPLY,
            email.get(),
            message.subject(),
            message.body(),
            fields,
            id.toString(),
            headers);
    return Outcome.sent(sent.channel(), sent.providerId());
  }

  private Outcome replyByLetter(
      Templates.Message message, Map<String, String> fields, Reach to, UUID id) {
    Optional<String> letters =
        notify.template(NotificationPlanner.REPLY, NotifyClient.Channel.LETTER);
    if (to.post().isEmpty()) {
      return Outcome.skipped("the reporter has no email address or postal address");
    }
    if (letters.isEmpty()) {
      return Outcome.skipped("the reporter has no email address, and letters are off");
    }
    Map<String, String> personalisation = new LinkedHashMap<>(fields);
    personalisation.put("subject", message.subject());
    personalisation.put("body", message.letter());
    personalisation.putAll(addressLines(to.post().get()));
    return Outcome.sent(
        "LETTER",
        notify.send(
            NotifyClient.Channel.LETTER, letters.get(), null, personalisation, id.toString()));
  }

  /** The envelope's lines as Notify's fields (it takes up to seven; a Borough address has five). */
  static Map<String, String> addressLines(PostalAddress address) {
    List<String> lines = address.lines();
    Map<String, String> fields = new LinkedHashMap<>();
    for (int i = 0; i < lines.size(); i++) {
      fields.put("address_line_" + (i + 1), lines.get(i));
    }
    return fields;
  }
}
