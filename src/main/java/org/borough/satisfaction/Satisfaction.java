// SPDX-License-Identifier: AGPL-3.0-or-later
package org.borough.satisfaction;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import org.borough.cases.CaseAudience;
import org.borough.cases.CaseId;
import org.borough.cases.CaseManagement;
import org.borough.cases.CaseView;
import org.borough.catalogue.ServiceCatalogue;
import org.borough.catalogue.ServiceDefinition;
import org.borough.identity.Permission;
import org.borough.identity.ServicePrincipal;
import org.borough.residents.Channel;
import org.borough.satisfaction.internal.FeedbackRepository;
import org.borough.system.ConflictException;
import org.borough.system.Errors;
import org.borough.system.InvalidInputException;
import org.borough.system.RandomTokens;
import org.borough.system.Sha256;
import org.borough.system.WorkingCalendar;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The satisfaction question: invitations sent with a resolution, answers taken from the link, and
 * the report. Answering needs no sign-in (the link is the proof, as with a tracking link) and runs
 * as {@code portal}; the answer is once per case, whichever of its links is used.
 */
@Service
public class Satisfaction {

  /** How long a survey link works. */
  static final Duration INVITATION = Duration.ofDays(30);

  static final int MAX_COMMENT = 1200;

  private static final String PORTAL = "portal";

  private final FeedbackRepository feedback;
  private final CaseManagement cases;
  private final ServiceCatalogue catalogue;
  private final WorkingCalendar calendar;
  private final ApplicationEventPublisher events;
  private final Clock clock;

  Satisfaction(
      FeedbackRepository feedback,
      CaseManagement cases,
      ServiceCatalogue catalogue,
      WorkingCalendar calendar,
      ApplicationEventPublisher events,
      Clock clock) {
    this.feedback = feedback;
    this.cases = cases;
    this.catalogue = catalogue;
    this.calendar = calendar;
    this.events = events;
    this.clock = clock;
  }

  /**
   * A new link's token for the reporter of a resolved case (the notifications module puts it in the
   * message), or empty when the case was answered already.
   */
  @Transactional
  public Optional<String> invite(CaseAudience c) {
    if (feedback.answered(c.id().value())) {
      return Optional.empty();
    }
    Instant now = clock.instant();
    feedback.forgetExpired(now);
    String token = RandomTokens.urlSafe(32);
    feedback.invite(
        Sha256.hex(token),
        c.id().value(),
        c.reference(),
        c.serviceName(),
        now,
        now.plus(INVITATION));
    return Optional.of(token);
  }

  /** The case a link asks about, or empty when the link is unknown, expired or answered. */
  @Transactional(readOnly = true)
  public Optional<Invitation> invitation(String token) {
    return live(token).map(i -> new Invitation(i.reference(), i.serviceName()));
  }

  /**
   * Takes the answer: the score is counted for the case's service and channel, the comment written
   * on the case as a staff-only note.
   *
   * @throws InvalidInputException when no answer is chosen or the comment is too long
   * @throws ConflictException when the link no longer works (expired, or the case answered)
   */
  @Transactional
  public void answer(String token, Rating rating, String comment) {
    Errors errors = new Errors();
    if (rating == null) {
      errors.reject("rating", "Select how satisfied you are");
    }
    String words = comment == null ? "" : comment.strip();
    if (words.length() > MAX_COMMENT) {
      errors.reject("comment", "Write " + MAX_COMMENT + " characters or fewer");
    }
    errors.throwIfAny();
    FeedbackRepository.Invite invite =
        live(token)
            .orElseThrow(
                () -> new ConflictException("This link has expired or has been used already"));
    CaseId id = new CaseId(invite.caseId());
    Instant now = clock.instant();
    CaseView c =
        ServicePrincipal.call(
            PORTAL,
            EnumSet.of(Permission.CASE_READ, Permission.CASE_NOTE),
            () -> {
              CaseView view = cases.view(id);
              cases.addNote(
                  id,
                  "Satisfaction: "
                      + rating.label()
                      + (words.isEmpty() ? "." : ". The resident said: " + words),
                  false);
              return view;
            });
    Channel channel = c.channel() == null ? Channel.WEB : c.channel();
    if (!feedback.answer(
        invite.caseId(), rating.score(), c.summary().serviceCode(), channel.name(), now)) {
      throw new ConflictException("This link has expired or has been used already");
    }
    events.publishEvent(new CaseFeedbackGiven(id, rating.score(), now));
  }

  /**
   * Every answer, as the event it published: what a rebuild of the warehouse reads, inside the
   * caller's transaction.
   */
  public void forEachGiven(java.util.function.Consumer<CaseFeedbackGiven> each) {
    feedback.forEach(
        a -> each.accept(new CaseFeedbackGiven(new CaseId(a.caseId()), a.rating(), a.givenAt())));
  }

  /** Answers given in each UTC hour, for the warehouse's reconciliation. */
  public java.util.Map<Instant, Long> givenPerHour() {
    return feedback.givenPerHour();
  }

  /** Answers given on the days from {@code from} to {@code to}, both included. */
  @PreAuthorize("hasAuthority('SATISFACTION_REPORT')")
  @Transactional(readOnly = true)
  public SatisfactionReport report(LocalDate from, LocalDate to) {
    ZoneId zone = calendar.zone();
    Instant start = from.atStartOfDay(zone).toInstant();
    Instant end = to.plusDays(1).atStartOfDay(zone).toInstant();
    Function<String, String> serviceName =
        code -> catalogue.find(code).map(ServiceDefinition::name).orElse(code);
    Function<String, String> channelName =
        code -> {
          try {
            return Channel.valueOf(code).label();
          } catch (IllegalArgumentException e) {
            return code;
          }
        };
    return new SatisfactionReport(
        from,
        to,
        rows(feedback.counts(null, start, end), c -> "All answers").get(0),
        rows(feedback.counts("service_code", start, end), serviceName),
        rows(feedback.counts("channel", start, end), channelName));
  }

  private static List<SatisfactionReport.Row> rows(
      List<FeedbackRepository.Count> counts, Function<String, String> label) {
    return counts.stream()
        .map(
            c ->
                new SatisfactionReport.Row(
                    c.key(),
                    label.apply(c.key()),
                    c.answers(),
                    c.satisfied(),
                    c.dissatisfied(),
                    c.answers() == 0
                        ? null
                        : Math.round(c.satisfied() * 1000.0 / c.answers()) / 10.0,
                    c.answers() == 0
                        ? null
                        : Math.round(c.scoreSum() * 100.0 / c.answers()) / 100.0))
        .toList();
  }

  /** The council's time zone, whose days a report counts. */
  public ZoneId zone() {
    return calendar.zone();
  }

  private Optional<FeedbackRepository.Invite> live(String token) {
    if (token == null || token.isBlank() || token.length() > 100) {
      return Optional.empty();
    }
    return feedback.invitation(Sha256.hex(token), clock.instant());
  }
}
