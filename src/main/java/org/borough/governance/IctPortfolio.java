// SPDX-License-Identifier: AGPL-3.0-or-later
package org.borough.governance;

import static org.borough.governance.Checks.actor;
import static org.borough.governance.Checks.length;
import static org.borough.governance.Checks.required;
import static org.borough.governance.Checks.trim;
import static org.borough.governance.Checks.trimText;

import java.time.Clock;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.regex.Pattern;
import org.borough.audit.AuditAction;
import org.borough.audit.AuditLog;
import org.borough.governance.internal.PortfolioRepository;
import org.borough.system.ConflictException;
import org.borough.system.Errors;
import org.borough.system.InvalidInputException;
import org.borough.system.NotFoundException;
import org.borough.system.StaleEditException;
import org.borough.system.WorkingCalendar;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The ICT portfolio: the systems the council runs (owner, phase, supplier, support) and the
 * reserves that can fund them. The "catch up and keep pace" list names the systems that are
 * unsupported, or will be within the configured horizon. Each change writes its event and an audit
 * entry in the same transaction; reading needs {@code PORTFOLIO_READ}, because a list of
 * unsupported systems is a map for an attacker.
 */
@Service
public class IctPortfolio {

  private static final Pattern CODE = Pattern.compile("[A-Z0-9][A-Z0-9-]{1,19}");

  private final PortfolioRepository portfolio;
  private final AuditLog audit;
  private final ApplicationEventPublisher events;
  private final Clock clock;
  private final WorkingCalendar calendar;
  private final int horizonMonths;

  IctPortfolio(
      PortfolioRepository portfolio,
      AuditLog audit,
      ApplicationEventPublisher events,
      Clock clock,
      WorkingCalendar calendar,
      GovernanceProperties properties) {
    this.portfolio = portfolio;
    this.audit = audit;
    this.events = events;
    this.clock = clock;
    this.calendar = calendar;
    this.horizonMonths = properties.supportHorizonMonths();
  }

  LocalDate today() {
    return LocalDate.ofInstant(clock.instant(), calendar.zone());
  }

  // --- systems --------------------------------------------------------------------------------

  /** Adds a system to the portfolio. */
  @PreAuthorize("hasAuthority('PORTFOLIO_MANAGE')")
  @Transactional
  public SystemId registerSystem(IctSystemDetails details) {
    IctSystemDetails d = tidy(details);
    Errors errors = validate(d, null);
    errors.throwIfAny();
    UUID id = UUID.randomUUID();
    portfolio.insertSystem(id, d, clock.instant());
    audit.record(AuditAction.CREATE, "ict-system", id.toString(), "registered " + d.code());
    events.publishEvent(
        new IctSystemRecorded(
            new SystemId(id), d.code(), d.phase(), d.supportStatus(), d.endOfSupport(), 1));
    return new SystemId(id);
  }

  /**
   * Changes a system.
   *
   * @throws ConflictException when it was changed since {@code expectedVersion}
   */
  @PreAuthorize("hasAuthority('PORTFOLIO_MANAGE')")
  @Transactional
  public IctSystem updateSystem(SystemId id, IctSystemDetails details, int expectedVersion) {
    IctSystem current = system(id);
    IctSystemDetails d = tidy(details);
    validate(d, id).throwIfAny();
    if (!portfolio.updateSystem(id.value(), d, expectedVersion, clock.instant())) {
      throw new StaleEditException("system " + current.details().code());
    }
    audit.record(AuditAction.UPDATE, "ict-system", id.toString(), "changed " + d.code());
    events.publishEvent(
        new IctSystemRecorded(
            id, d.code(), d.phase(), d.supportStatus(), d.endOfSupport(), expectedVersion + 1));
    return system(id);
  }

  @PreAuthorize("hasAuthority('PORTFOLIO_READ')")
  @Transactional(readOnly = true)
  public IctSystem findSystem(SystemId id) {
    return system(id);
  }

  @PreAuthorize("hasAuthority('PORTFOLIO_READ')")
  @Transactional(readOnly = true)
  public List<IctSystem> systems() {
    return portfolio.systems();
  }

  /**
   * "Catch up and keep pace": systems unsupported today, then those whose support ends within the
   * horizon ({@code BOROUGH_GOVERNANCE_SUPPORT_HORIZON_MONTHS}, 12), soonest first.
   */
  @PreAuthorize("hasAuthority('PORTFOLIO_READ')")
  @Transactional(readOnly = true)
  public List<SupportRisk> catchUpAndKeepPace() {
    LocalDate today = today();
    return portfolio.supportEndingBy(today.plusMonths(horizonMonths)).stream()
        .map(
            s -> {
              LocalDate end = s.details().endOfSupport();
              Long days = end == null ? null : ChronoUnit.DAYS.between(today, end);
              boolean now =
                  s.details().supportStatus() == SupportStatus.UNSUPPORTED
                      || (end != null && !end.isAfter(today));
              return new SupportRisk(s, now, days);
            })
        .toList();
  }

  public int horizonMonths() {
    return horizonMonths;
  }

  IctSystem system(SystemId id) {
    return portfolio
        .findSystem(id.value())
        .orElseThrow(() -> new NotFoundException("System " + id));
  }

  private Errors validate(IctSystemDetails d, SystemId self) {
    Errors errors = new Errors();
    if (d.code() == null) {
      errors.reject("code", "Enter a short code for the system, like CRM");
    } else if (!CODE.matcher(d.code()).matches()) {
      errors.reject(
          "code", "The code must be 2 to 20 capital letters, digits or hyphens, like CRM or DWH");
    } else {
      portfolio
          .findSystemByCode(d.code())
          .filter(other -> !other.id().equals(self))
          .ifPresent(
              other ->
                  errors.reject(
                      "code", "The code " + d.code() + " is used by " + other.details().name()));
    }
    required(errors, "name", d.name(), "Enter the name of the system", "The name", 200);
    length(errors, "description", "The description", d.description(), 2000);
    required(
        errors,
        "owner",
        d.owner(),
        "Enter the post or team that owns the system",
        "The owner",
        200);
    if (d.phase() == null) {
      errors.reject("phase", "Choose whether the system is a project or in business as usual");
    }
    length(errors, "supplier", "The supplier", d.supplier(), 200);
    if (d.supportStatus() == null) {
      errors.reject("supportStatus", "Choose whether the system is supported");
    } else if (d.supportStatus() != SupportStatus.UNSUPPORTED
        && d.endOfSupport() != null
        && d.endOfSupport().isBefore(today())) {
      errors.reject(
          "endOfSupport",
          "Support ended on "
              + d.endOfSupport()
              + ": mark the system unsupported, or enter the date support now ends");
    }
    return errors;
  }

  private static IctSystemDetails tidy(IctSystemDetails d) {
    if (d == null) {
      return new IctSystemDetails(null, null, null, null, null, null, null, null);
    }
    String code = trim(d.code());
    return new IctSystemDetails(
        code == null ? null : code.toUpperCase(Locale.ROOT),
        trim(d.name()),
        trimText(d.description()),
        trim(d.owner()),
        d.phase(),
        trim(d.supplier()),
        d.supportStatus(),
        d.endOfSupport());
  }

  // --- reserves -------------------------------------------------------------------------------

  /** Opens a reserve with its balance on {@code asOf}. */
  @PreAuthorize("hasAuthority('PORTFOLIO_MANAGE')")
  @Transactional
  public ReserveId openReserve(String code, String name, Long openingPence, LocalDate asOf) {
    String c = trim(code) == null ? null : trim(code).toUpperCase(Locale.ROOT);
    String n = trim(name);
    Errors errors = new Errors();
    if (c == null) {
      errors.reject("code", "Enter a short code for the reserve, like ONESOURCE");
    } else if (!CODE.matcher(c).matches()) {
      errors.reject("code", "The code must be 2 to 20 capital letters, digits or hyphens");
    }
    required(errors, "name", n, "Enter the name of the reserve", "The name", 200);
    if (openingPence == null) {
      errors.reject("openingBalance", "Enter the reserve's balance");
    } else if (openingPence < 0) {
      errors.reject("openingBalance", "A reserve's balance cannot be negative");
    }
    if (asOf == null) {
      errors.reject("asOf", "Enter the date of the balance");
    } else if (asOf.isAfter(today())) {
      errors.reject("asOf", "The date of the balance cannot be in the future");
    }
    if (c != null && n != null && portfolio.reserveExists(c, n)) {
      errors.reject("code", "There is a reserve with this code or name already");
    }
    errors.throwIfAny();
    UUID id = UUID.randomUUID();
    var now = clock.instant();
    portfolio.insertReserve(id, c, n, now);
    move(new ReserveId(id), c, ReserveMovement.Kind.OPENING, openingPence, asOf, "Balance", null);
    audit.record(AuditAction.CREATE, "reserve", id.toString(), "opened " + c);
    return new ReserveId(id);
  }

  /** Adds money to a reserve. */
  @PreAuthorize("hasAuthority('PORTFOLIO_MANAGE')")
  @Transactional
  public Reserve contribute(ReserveId id, Long amountPence, LocalDate on, String description) {
    Reserve r = reserve(id);
    String why = trim(description);
    Errors errors = new Errors();
    if (amountPence == null || amountPence <= 0) {
      errors.reject("amount", "Enter an amount of money greater than nothing");
    }
    if (on == null) {
      errors.reject("on", "Enter the date of the contribution");
    } else if (on.isAfter(today())) {
      errors.reject("on", "The date cannot be in the future");
    }
    required(errors, "description", why, "Say where the money comes from", "The description", 500);
    errors.throwIfAny();
    move(id, r.code(), ReserveMovement.Kind.CONTRIBUTION, amountPence, on, why, null);
    audit.record(AuditAction.UPDATE, "reserve", id.toString(), "contribution");
    return reserve(id);
  }

  /**
   * Draws {@code pence} from a reserve for a budget line, in the caller's transaction.
   *
   * @throws InvalidInputException on {@code field} when the balance is too small, saying by how
   *     much; the reserve is left as it was
   */
  void drawDown(
      ReserveId id, long pence, LocalDate on, BudgetLineId line, String description, String field) {
    Reserve r = reserve(id);
    if (tryMove(id, r.code(), ReserveMovement.Kind.DRAWDOWN, -pence, on, description, line)) {
      audit.record(
          AuditAction.UPDATE, "reserve", id.toString(), "drawdown for budget line " + line);
      return;
    }
    long balance = portfolio.balance(id.value());
    throw InvalidInputException.of(
        field,
        "The "
            + r.name()
            + " holds "
            + Money.format(balance)
            + ": drawing down "
            + Money.format(pence)
            + " would overdraw it by "
            + Money.format(pence - balance));
  }

  /**
   * Puts back into a reserve what it gave a budget line that is reversed, in the caller's
   * transaction; the drawdown stays in the movements, and the repayment follows it.
   */
  void repay(ReserveId id, long pence, LocalDate on, BudgetLineId line, String description) {
    Reserve r = reserve(id);
    move(id, r.code(), ReserveMovement.Kind.REPAYMENT, pence, on, description, line);
    audit.record(AuditAction.UPDATE, "reserve", id.toString(), "repayment for budget line " + line);
  }

  private void move(
      ReserveId id,
      String code,
      ReserveMovement.Kind kind,
      long pence,
      LocalDate on,
      String description,
      BudgetLineId line) {
    if (!tryMove(id, code, kind, pence, on, description, line)) {
      throw new IllegalStateException("Adding money to reserve " + code + " was refused");
    }
  }

  /** Moves the money, records the movement and its event; false, changing nothing, if refused. */
  private boolean tryMove(
      ReserveId id,
      String code,
      ReserveMovement.Kind kind,
      long pence,
      LocalDate on,
      String description,
      BudgetLineId line) {
    var now = clock.instant();
    var after = portfolio.move(id.value(), pence, now);
    if (after.isEmpty()) {
      return false;
    }
    portfolio.insertMovement(
        id.value(),
        kind,
        pence,
        after.get(),
        on,
        description,
        line == null ? null : line.value(),
        now,
        actor());
    events.publishEvent(new ReserveMoved(id, code, kind, pence, after.get(), on, line));
    return true;
  }

  @PreAuthorize("hasAuthority('PORTFOLIO_READ')")
  @Transactional(readOnly = true)
  public Reserve findReserve(ReserveId id) {
    return reserve(id);
  }

  @PreAuthorize("hasAuthority('PORTFOLIO_READ')")
  @Transactional(readOnly = true)
  public List<Reserve> reserves() {
    return portfolio.reserves();
  }

  Reserve reserve(ReserveId id) {
    return portfolio
        .findReserve(id.value())
        .orElseThrow(() -> new NotFoundException("Reserve " + id));
  }
}
