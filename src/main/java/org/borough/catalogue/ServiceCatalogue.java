// SPDX-License-Identifier: AGPL-3.0-or-later
package org.borough.catalogue;

import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.LoadingCache;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import org.borough.audit.AuditAction;
import org.borough.audit.AuditLog;
import org.borough.catalogue.internal.CatalogueRepository;
import org.borough.identity.StaffDirectory;
import org.borough.identity.TeamId;
import org.borough.system.Errors;
import org.borough.system.Inputs;
import org.borough.system.InvalidInputException;
import org.borough.system.NotFoundException;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * The service catalogue and wards. Both are small and read on every form, so they are held in
 * memory (two Caffeine caches of one entry each: the whole catalogue, all wards) and reloaded when
 * an admin changes them, on this node at once and on the others within seconds (CatalogueRefresh);
 * an entry older than {@link #HELD_FOR} is reloaded anyway, so a change a node somehow missed
 * cannot outlive that.
 *
 * <p>Every change is validated whole before anything is written, is written in one transaction with
 * its audit entry and its event ({@link ServiceDefined}, {@link ServiceChanged}), and drops the
 * cached catalogue, so the next form drawn asks the new questions.
 */
@Service
public class ServiceCatalogue {

  private static final Pattern CODE = Pattern.compile("[A-Za-z0-9_-]{1,40}");

  /** ONS GSS codes of wards: England E05, Wales W05, Scotland S13 (electoral wards). */
  private static final Pattern GSS = Pattern.compile("(E05|W05|S13)[0-9]{6}");

  private static final int MAX_TARGET = 999;

  /** A number answer's digits before and after the point: room for any count or measure. */
  static final int NUMBER_DIGITS = 12;

  static final int NUMBER_DECIMALS = 6;

  /** More questions than any service asks. */
  private static final int MAX_ANSWERS = 100;

  private final CatalogueRepository repository;
  private final ServiceUsage usage;
  private final StaffDirectory staff;
  private final AuditLog audit;
  private final ApplicationEventPublisher events;

  /** The longest either cache is trusted without a reload. */
  static final Duration HELD_FOR = Duration.ofMinutes(10);

  /** The one key of each cache. */
  private static final String ALL = "all";

  private final LoadingCache<String, Map<String, ServiceDefinition>> services;
  private final LoadingCache<String, List<Ward>> wards;

  ServiceCatalogue(
      CatalogueRepository repository,
      ServiceUsage usage,
      StaffDirectory staff,
      AuditLog audit,
      ApplicationEventPublisher events) {
    this.repository = repository;
    this.usage = usage;
    this.staff = staff;
    this.audit = audit;
    this.events = events;
    // Evicting the key of a load in flight waits for the load and then removes what it loaded (the
    // map's compute lock), so a form drawn during an admin's change cannot leave the catalogue
    // from before it in the cache, as the plain field this replaces could.
    this.services =
        Caffeine.newBuilder()
            .maximumSize(1)
            .expireAfterWrite(HELD_FOR)
            .build(k -> repository.loadAll());
    this.wards =
        Caffeine.newBuilder()
            .maximumSize(1)
            .expireAfterWrite(HELD_FOR)
            .build(k -> List.copyOf(repository.wards()));
  }

  /** Every service, active or not, grouped and ordered by group then name. */
  public List<ServiceDefinition> services() {
    return List.copyOf(cache().values());
  }

  public List<ServiceDefinition> activeServices() {
    return cache().values().stream().filter(ServiceDefinition::active).toList();
  }

  public Optional<ServiceDefinition> find(String code) {
    return code == null ? Optional.empty() : Optional.ofNullable(cache().get(code));
  }

  public List<Ward> wards() {
    return wards.get(ALL);
  }

  public Optional<Ward> ward(String gssCode) {
    return wards().stream().filter(w -> w.gssCode().equals(gssCode)).findFirst();
  }

  /** Adds a service given whole, as the demo data and tests do; see {@link #define}. */
  @Transactional
  public void add(ServiceDefinition service) {
    define(ServiceInput.of(service));
  }

  /**
   * Adds a service. Codes are unique, list questions need at least one value, the SLA target is
   * above zero.
   *
   * @throws InvalidInputException naming every field that is wrong; nothing is saved
   */
  @Transactional
  public ServiceDefinition define(ServiceInput input) {
    Errors errors = new Errors();
    ServiceDefinition s = validate(input, null, errors);
    errors.throwIfAny();
    try {
      repository.insert(s);
    } catch (DuplicateKeyException e) {
      throw InvalidInputException.of("code", "There is already a service with code " + s.code());
    }
    audit.record(
        AuditAction.CREATE,
        "service",
        s.code(),
        "defined with " + s.attributes().size() + " question(s)");
    events.publishEvent(ServiceDefined.of(s));
    evictServices();
    return s;
  }

  /**
   * Replaces a service's definition. The code can change only while no case has been raised against
   * the service; a question that cases have answered cannot be removed (mark it inactive) nor
   * change its type.
   *
   * @throws NotFoundException when there is no service {@code code}
   * @throws InvalidInputException naming every field that is wrong; nothing is saved
   */
  @Transactional
  public ServiceDefinition change(String code, ServiceInput input) {
    return change(code, input, null);
  }

  /**
   * Like {@link #change(String, ServiceInput)}, made to the version the editor read.
   *
   * @param version the version the change was made to; null for the one stored now
   * @throws org.borough.system.StaleEditException when the service was changed since that version
   */
  @Transactional
  public ServiceDefinition change(String code, ServiceInput input, Integer version) {
    return save(require(code), input, null, version);
  }

  /**
   * Adds a question at the end of a service's form; errors are keyed by the question's fields. This
   * and the other question changes below are made to the service's {@code version} the admin read,
   * like {@link #change(String, ServiceInput, Integer)}: a question changed on a form drawn before
   * someone else's change is refused, not saved over it.
   */
  @Transactional
  public ServiceDefinition addAttribute(
      String code, ServiceInput.AttributeInput attribute, int version) {
    ServiceDefinition before = require(code);
    ServiceInput input = ServiceInput.of(before);
    List<ServiceInput.AttributeInput> attributes = new ArrayList<>(input.attributes());
    attributes.add(attribute);
    int index = attributes.size() - 1;
    return saveAttribute(
        before,
        input.withAttributes(attributes),
        index,
        "question added: " + attribute.code(),
        version);
  }

  /** Changes one question in place; errors are keyed by the question's fields. */
  @Transactional
  public ServiceDefinition changeAttribute(
      String code, String attributeCode, ServiceInput.AttributeInput attribute, int version) {
    ServiceDefinition before = require(code);
    int index = indexOf(before, attributeCode);
    ServiceInput input = ServiceInput.of(before);
    List<ServiceInput.AttributeInput> attributes = new ArrayList<>(input.attributes());
    attributes.set(index, attribute);
    return saveAttribute(
        before,
        input.withAttributes(attributes),
        index,
        "question changed: " + attributeCode,
        version);
  }

  /** Moves a question up (negative) or down (positive) the form; at either end it stays. */
  @Transactional
  public ServiceDefinition moveAttribute(String code, String attributeCode, int by, int version) {
    ServiceDefinition before = require(code);
    int from = indexOf(before, attributeCode);
    ServiceInput input = ServiceInput.of(before);
    List<ServiceInput.AttributeInput> attributes = new ArrayList<>(input.attributes());
    int to = Math.max(0, Math.min(attributes.size() - 1, from + by));
    if (to == from) {
      return before;
    }
    attributes.add(to, attributes.remove(from));
    return save(
        before, input.withAttributes(attributes), "question moved: " + attributeCode, version);
  }

  /**
   * Removes a question no case has answered.
   *
   * @throws InvalidInputException under {@code attributes} when cases have answered it
   */
  @Transactional
  public ServiceDefinition removeAttribute(String code, String attributeCode, int version) {
    ServiceDefinition before = require(code);
    int index = indexOf(before, attributeCode);
    ServiceInput input = ServiceInput.of(before);
    List<ServiceInput.AttributeInput> attributes = new ArrayList<>(input.attributes());
    attributes.remove(index);
    return save(
        before, input.withAttributes(attributes), "question removed: " + attributeCode, version);
  }

  /** Codes of a service's questions that cases have answered: these can only be retired. */
  public Set<String> answeredAttributes(String code) {
    return usage.answeredAttributes(code);
  }

  /** Whether cases have been raised against a service, which fixes its code. */
  public boolean hasCases(String code) {
    return usage.hasCases(code);
  }

  /** Case statuses an SLA clock may pause in, name to label. */
  public Map<String, String> pausableStatuses() {
    return usage.pausableStatuses();
  }

  private ServiceDefinition require(String code) {
    return find(code).orElseThrow(() -> new NotFoundException("Service " + code));
  }

  private static int indexOf(ServiceDefinition s, String attributeCode) {
    for (int i = 0; i < s.attributes().size(); i++) {
      if (s.attributes().get(i).code().equals(attributeCode)) {
        return i;
      }
    }
    throw new NotFoundException("Question " + attributeCode + " of service " + s.code());
  }

  /** Saves a change to one question, reporting its errors under the question's own field names. */
  private ServiceDefinition saveAttribute(
      ServiceDefinition before, ServiceInput input, int index, String change, int version) {
    String prefix = "attributes[" + index + "].";
    try {
      return save(before, input, change, version);
    } catch (InvalidInputException e) {
      Map<String, String> own = new LinkedHashMap<>();
      e.errors()
          .forEach((k, v) -> own.put(k.startsWith(prefix) ? k.substring(prefix.length()) : k, v));
      throw new InvalidInputException(own);
    }
  }

  private ServiceDefinition save(
      ServiceDefinition before, ServiceInput input, String change, Integer version) {
    Errors errors = new Errors();
    int expected = version == null ? before.version() : version;
    ServiceDefinition validated = validate(input, before, errors);
    errors.throwIfAny();
    ServiceDefinition after = validated.withVersion(expected + 1);
    // Raised from the version read (this node's copy may lag another node's change by a moment:
    // then the save is refused rather than made over a definition it has not seen).
    repository.raiseVersion(before.code(), expected, "service " + before.name());
    if (after.code().equals(before.code())) {
      repository.update(after);
    } else {
      repository.replace(before.code(), after);
    }
    String what = change != null ? change : describeChange(before, after);
    audit.record(AuditAction.UPDATE, "service", after.code(), what);
    events.publishEvent(ServiceChanged.of(before.code(), what, after));
    evictServices();
    return after;
  }

  private static String describeChange(ServiceDefinition before, ServiceDefinition after) {
    List<String> changed = new ArrayList<>();
    if (!before.code().equals(after.code())) {
      changed.add("code (was " + before.code() + ")");
    }
    if (!Objects.equals(before.name(), after.name())) {
      changed.add("name");
    }
    if (!Objects.equals(before.group(), after.group())) {
      changed.add("group");
    }
    if (!Objects.equals(before.description(), after.description())) {
      changed.add("description");
    }
    if (before.active() != after.active()) {
      changed.add(after.active() ? "activated" : "deactivated");
    }
    if (before.published() != after.published()) {
      changed.add(after.published() ? "published" : "unpublished");
    }
    if (!Objects.equals(before.defaultTeam(), after.defaultTeam())) {
      changed.add("default team");
    }
    if (before.priority() != after.priority()) {
      changed.add("priority");
    }
    if (!before.sla().equals(after.sla())) {
      changed.add("SLA policy");
    }
    if (!sameQuestions(before, after)) {
      changed.add("questions");
    }
    return changed.isEmpty() ? "saved unchanged" : "changed " + String.join(", ", changed);
  }

  /** Equal but for the order numbers, which are positions and follow from the list. */
  private static boolean sameQuestions(ServiceDefinition a, ServiceDefinition b) {
    if (a.attributes().size() != b.attributes().size()) {
      return false;
    }
    for (int i = 0; i < a.attributes().size(); i++) {
      ServiceAttribute x = a.attributes().get(i);
      ServiceAttribute y = b.attributes().get(i);
      if (!new ServiceAttribute(
              x.code(), x.label(), x.type(), x.required(), 0, x.helpText(), x.values(), x.active())
          .equals(
              new ServiceAttribute(
                  y.code(),
                  y.label(),
                  y.type(),
                  y.required(),
                  0,
                  y.helpText(),
                  y.values(),
                  y.active()))) {
        return false;
      }
    }
    return true;
  }

  /**
   * Checks a whole definition against the rules and against what cases already depend on, and
   * returns it tidied; or null, with every problem in {@code errors}.
   */
  private ServiceDefinition validate(ServiceInput in, ServiceDefinition before, Errors errors) {
    String code = trimmed(in.code());
    if (code == null || !CODE.matcher(code).matches()) {
      errors.reject("code", "A service code is 1 to 40 letters, digits, dashes or underscores");
    } else if (before == null || !before.code().equals(code)) {
      if (cache().containsKey(code)) {
        errors.reject("code", "There is already a service with code " + code);
      } else if (before != null && usage.hasCases(before.code())) {
        errors.reject(
            "code", "The code cannot change: cases have been raised against " + before.code());
      }
    }
    String name = text(in.name(), "name", 120, "Enter the service's name", errors);
    String group =
        text(in.group(), "group", 80, "Enter the group the service is listed under", errors);
    String description =
        text(in.description(), "description", 1000, "Describe the service for staff", errors);
    TeamId team = null;
    if (in.defaultTeamId() != null) {
      team = new TeamId(in.defaultTeamId());
      boolean kept = before != null && team.equals(before.defaultTeam());
      if (staff.findTeam(team).filter(t -> t.active() || kept).isEmpty()) {
        errors.reject("defaultTeamId", "Choose an active team from the list");
      }
    }
    Priority priority =
        choice(Priority.class, in.priority(), "priority", "Choose a priority", errors);
    CaseType caseType =
        in.caseType() == null
            ? (before == null ? CaseType.REQUEST : before.caseType())
            : choice(
                CaseType.class,
                in.caseType(),
                "caseType",
                "Choose whether its cases are service requests, complaints or requests for"
                    + " information",
                errors);
    SlaPolicy.Unit unit =
        choice(
            SlaPolicy.Unit.class,
            in.slaUnit(),
            "slaUnit",
            "Choose whether the target is in working days or working hours",
            errors);
    if (in.slaTarget() == null || in.slaTarget() <= 0 || in.slaTarget() > MAX_TARGET) {
      errors.reject("slaTarget", "The SLA target must be a whole number from 1 to " + MAX_TARGET);
    }
    if (in.slaWarningPercent() == null
        || in.slaWarningPercent() < 1
        || in.slaWarningPercent() > 100) {
      errors.reject(
          "slaWarningPercent", "The warning threshold must be a percentage from 1 to 100");
    }
    Set<String> pauses = new TreeSet<>();
    Map<String, String> pausable = usage.pausableStatuses();
    for (String status :
        in.slaPauseStatuses() == null ? List.<String>of() : in.slaPauseStatuses()) {
      if (status == null || !pausable.containsKey(status)) {
        errors.reject(
            "slaPauseStatuses",
            "Choose the statuses that pause the clock from: "
                + String.join(", ", pausable.keySet()));
      } else {
        pauses.add(status);
      }
    }
    List<ServiceAttribute> attributes = new ArrayList<>();
    List<ServiceInput.AttributeInput> given = in.attributes() == null ? List.of() : in.attributes();
    // Asked only when a question is removed or retyped: it reads the service's cases.
    Supplier<Set<String>> answered = answered(before);
    Set<String> codes = new HashSet<>();
    for (int i = 0; i < given.size(); i++) {
      String prefix = "attributes[" + i + "].";
      if (given.get(i) == null) {
        errors.reject("attributes[" + i + "]", "A question cannot be empty");
        continue;
      }
      ServiceAttribute a = attribute(given.get(i), prefix, i + 1, before, answered, errors);
      if (a != null && !codes.add(a.code())) {
        errors.reject(prefix + "code", "Another question of this service has code " + a.code());
      }
      if (a != null) {
        attributes.add(a);
      }
    }
    if (before != null) {
      for (ServiceAttribute old : before.attributes()) {
        if (!codes.contains(old.code()) && answered.get().contains(old.code())) {
          errors.reject(
              "attributes",
              "Question "
                  + old.code()
                  + " has answers on cases, so it cannot be removed: mark it inactive instead");
        }
      }
    }
    if (!errors.isEmpty()) {
      return null;
    }
    return new ServiceDefinition(
        code,
        name,
        group,
        description,
        in.active() == null || in.active(),
        team,
        priority,
        new SlaPolicy(in.slaTarget(), unit, in.slaWarningPercent(), pauses),
        attributes,
        // Never published by default: only an admin's choice puts a service's cases in public.
        in.published() == null ? before != null && before.published() : in.published(),
        caseType,
        0);
  }

  private static ServiceAttribute attribute(
      ServiceInput.AttributeInput a,
      String prefix,
      int position,
      ServiceDefinition before,
      Supplier<Set<String>> answered,
      Errors errors) {
    int already = errors.asMap().size();
    String code = trimmed(a.code());
    if (code == null || !CODE.matcher(code).matches()) {
      errors.reject(
          prefix + "code", "A question's code is 1 to 40 letters, digits, dashes or underscores");
    }
    String label = text(a.label(), prefix + "label", 200, "Enter the question", errors);
    AttributeType type =
        choice(AttributeType.class, a.type(), prefix + "type", "Choose the kind of answer", errors);
    String help = trimmed(a.helpText());
    if (help != null && help.length() > 500) {
      errors.reject(prefix + "helpText", "Help text must be 500 characters or fewer");
    }
    List<ServiceAttribute.Value> values = new ArrayList<>();
    List<ServiceInput.ValueInput> given = a.values() == null ? List.of() : a.values();
    if (type != null && type.hasValues() && given.isEmpty()) {
      errors.reject(prefix + "values", "A list question needs at least one value");
    } else if (type != null && !type.hasValues() && !given.isEmpty()) {
      errors.reject(prefix + "values", "Only list questions have values");
    }
    Set<String> keys = new HashSet<>();
    for (ServiceInput.ValueInput v : given) {
      String key = v == null ? null : trimmed(v.key());
      String name = v == null ? null : trimmed(v.name());
      if (key == null || !CODE.matcher(key).matches()) {
        errors.reject(
            prefix + "values", "A value's key is 1 to 40 letters, digits, dashes or underscores");
      } else if (!keys.add(key)) {
        errors.reject(prefix + "values", "The value " + key + " is listed twice");
      } else if (name == null || name.length() > 200) {
        errors.reject(prefix + "values", "Name each value in 200 characters or fewer");
      } else {
        values.add(new ServiceAttribute.Value(key, name));
      }
    }
    if (before != null
        && type != null
        && before.attributes().stream()
            .anyMatch(old -> old.code().equals(code) && old.type() != type)
        && answered.get().contains(code)) {
      errors.reject(
          prefix + "type", "The kind of answer cannot change: cases have answered this question");
    }
    if (errors.asMap().size() > already) {
      return null;
    }
    return new ServiceAttribute(
        code,
        label,
        type,
        Boolean.TRUE.equals(a.required()),
        position,
        help,
        values,
        a.active() == null || a.active());
  }

  private Supplier<Set<String>> answered(ServiceDefinition before) {
    var memo =
        new Object() {
          Set<String> codes;
        };
    return () -> {
      if (memo.codes == null) {
        memo.codes = before == null ? Set.of() : usage.answeredAttributes(before.code());
      }
      return memo.codes;
    };
  }

  private static String trimmed(String s) {
    return s == null || s.isBlank() ? null : s.trim();
  }

  private static String text(String s, String field, int max, String missing, Errors errors) {
    String t = trimmed(s);
    if (t == null) {
      errors.reject(field, missing);
    } else if (t.length() > max) {
      errors.reject(field, "Must be " + max + " characters or fewer");
    }
    return t;
  }

  private static <E extends Enum<E>> E choice(
      Class<E> type, String s, String field, String message, Errors errors) {
    try {
      return Enum.valueOf(type, s == null ? "" : s.trim());
    } catch (IllegalArgumentException e) {
      errors.reject(field, message);
      return null;
    }
  }

  /**
   * Drops the cached services now and again when the transaction ends: a form drawn in between
   * could otherwise reload and keep the definition from before the commit.
   */
  private void evictServices() {
    repository.raiseVersion(); // the other nodes drop theirs too (CatalogueRefresh)
    services.invalidate(ALL);
    if (TransactionSynchronizationManager.isSynchronizationActive()) {
      TransactionSynchronizationManager.registerSynchronization(
          new TransactionSynchronization() {
            @Override
            public void afterCompletion(int status) {
              services.invalidate(ALL);
            }
          });
    }
  }

  @Transactional
  public void addWard(Ward ward) {
    if (!GSS.matcher(ward.gssCode()).matches()) {
      throw InvalidInputException.of(
          "gssCode",
          "A ward's GSS code is E05 (England), W05 (Wales) or S13 (Scotland) and six digits");
    }
    repository.insertWard(ward);
    repository.raiseVersion();
    wards.invalidate(ALL);
  }

  /** Drops the cached services and wards: another node changed them (CatalogueRefresh). */
  void forgetCached() {
    services.invalidate(ALL);
    wards.invalidate(ALL);
  }

  /**
   * Checks answers to a service's questions and returns them tidied: numbers and dates in one form,
   * list answers as their keys. Errors are keyed {@code attr-CODE}.
   *
   * @param answers attribute code to the values given (one, or several for multi-value lists)
   * @throws InvalidInputException for every missing required answer or wrong value
   */
  public Map<String, List<String>> validateAnswers(
      ServiceDefinition service, Map<String, List<String>> answers) {
    Errors errors = new Errors();
    if (answers.size() > MAX_ANSWERS) {
      // Each unknown code would add an error: a client's thousand codes are one error here.
      // (Values are bounded per question: one, or each of a list's keys once.)
      errors.reject("answers", "Answer " + MAX_ANSWERS + " questions or fewer");
      errors.throwIfAny();
    }
    Map<String, List<String>> clean = new LinkedHashMap<>();
    for (ServiceAttribute a : service.activeAttributes()) {
      List<String> given = new ArrayList<>();
      for (String v : answers.getOrDefault(a.code(), List.of())) {
        if (v != null && !v.isBlank()) {
          given.add(v.trim());
        }
      }
      String field = a.fieldName();
      if (given.isEmpty()) {
        if (a.required()) {
          errors.reject(field, "Answer: " + a.label());
        }
        continue;
      }
      if (a.type() != AttributeType.MULTI_VALUE_LIST && given.size() > 1) {
        errors.reject(field, a.label() + " takes one answer");
        continue;
      }
      List<String> ok = new ArrayList<>();
      for (String v : given) {
        switch (a.type()) {
          case STRING -> {
            if (v.length() > 200) {
              errors.reject(field, a.label() + " must be 200 characters or fewer");
            }
            ok.add(v);
          }
          case TEXT -> {
            if (v.length() > 1000) {
              errors.reject(field, a.label() + " must be 1000 characters or fewer");
            }
            ok.add(v);
          }
          case NUMBER ->
              // Checked on the text: '1e600000000' would otherwise become 600 million digits.
              Inputs.decimal(v, NUMBER_DIGITS, NUMBER_DECIMALS)
                  .ifPresentOrElse(
                      d -> ok.add(d.toPlainString()),
                      () ->
                          errors.reject(
                              field,
                              a.label()
                                  + " must be a number like 12 or 3.5, with at most "
                                  + NUMBER_DIGITS
                                  + " digits before the decimal point and "
                                  + NUMBER_DECIMALS
                                  + " after it"));
          case DATE ->
              Inputs.date(v.length() > 10 ? v.substring(0, 10) : v)
                  .ifPresentOrElse(
                      d -> ok.add(d.toString()),
                      () ->
                          errors.reject(
                              field,
                              a.label()
                                  + " must be a date from "
                                  + Inputs.EARLIEST_DATE.getYear()
                                  + " to "
                                  + Inputs.LATEST_DATE.getYear()
                                  + ", like 2026-03-27"));
          case SINGLE_VALUE_LIST, MULTI_VALUE_LIST -> {
            if (a.values().stream().noneMatch(x -> x.key().equals(v))) {
              errors.reject(field, "Choose " + a.label().toLowerCase() + " from the list");
            } else if (ok.contains(v)) {
              errors.reject(field, a.label() + ": choose each option once");
            }
            ok.add(v);
          }
        }
      }
      clean.put(a.code(), ok);
    }
    for (String code : answers.keySet()) {
      if (service.activeAttributes().stream().noneMatch(a -> a.code().equals(code))) {
        errors.reject(
            ServiceAttribute.FIELD_PREFIX + code,
            "Service " + service.code() + " has no attribute " + code);
      }
    }
    errors.throwIfAny();
    return clean;
  }

  private Map<String, ServiceDefinition> cache() {
    return services.get(ALL);
  }
}
