// SPDX-License-Identifier: AGPL-3.0-or-later
package org.borough.catalogue;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.borough.catalogue.internal.CatalogueRepository;
import org.borough.system.Errors;
import org.borough.system.InvalidInputException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The service catalogue and wards. Both are small and read on every form, so they are held in
 * memory and reloaded when an admin changes them.
 */
@Service
public class ServiceCatalogue {

  private static final Pattern CODE = Pattern.compile("[A-Za-z0-9_-]{1,40}");
  private static final Pattern GSS = Pattern.compile("E05[0-9]{6}");

  private final CatalogueRepository repository;
  private volatile Map<String, ServiceDefinition> services;
  private volatile List<Ward> wards;

  ServiceCatalogue(CatalogueRepository repository) {
    this.repository = repository;
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
    List<Ward> w = wards;
    if (w == null) {
      w = List.copyOf(repository.wards());
      wards = w;
    }
    return w;
  }

  public Optional<Ward> ward(String gssCode) {
    return wards().stream().filter(w -> w.gssCode().equals(gssCode)).findFirst();
  }

  /** Adds a service; codes are unique and list attributes need at least one value. */
  @Transactional
  public void add(ServiceDefinition service) {
    Errors errors = new Errors();
    if (service.code() == null || !CODE.matcher(service.code()).matches()) {
      errors.reject("code", "A service code is 1 to 40 letters, digits, dashes or underscores");
    } else if (cache().containsKey(service.code())) {
      errors.reject("code", "There is already a service with code " + service.code());
    }
    for (ServiceAttribute a : service.attributes()) {
      if (a.type().hasValues() && a.values().isEmpty()) {
        errors.reject("attributes", "Attribute " + a.code() + " is a list with no values");
      }
    }
    errors.throwIfAny();
    repository.insert(service);
    services = null;
  }

  @Transactional
  public void addWard(Ward ward) {
    if (!GSS.matcher(ward.gssCode()).matches()) {
      throw InvalidInputException.of("gssCode", "A ward's GSS code is E05 and six digits");
    }
    repository.insertWard(ward);
    wards = null;
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
    Map<String, List<String>> clean = new LinkedHashMap<>();
    for (ServiceAttribute a : service.attributes()) {
      List<String> given = new ArrayList<>();
      for (String v : answers.getOrDefault(a.code(), List.of())) {
        if (v != null && !v.isBlank()) {
          given.add(v.trim());
        }
      }
      String field = "attr-" + a.code();
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
          case NUMBER -> {
            try {
              ok.add(new BigDecimal(v).stripTrailingZeros().toPlainString());
            } catch (NumberFormatException e) {
              errors.reject(field, a.label() + " must be a number");
            }
          }
          case DATE -> {
            try {
              ok.add(LocalDate.parse(v.length() > 10 ? v.substring(0, 10) : v).toString());
            } catch (DateTimeParseException e) {
              errors.reject(field, a.label() + " must be a date, like 2026-03-27");
            }
          }
          case SINGLE_VALUE_LIST, MULTI_VALUE_LIST -> {
            if (a.values().stream().noneMatch(x -> x.key().equals(v))) {
              errors.reject(field, "Choose " + a.label().toLowerCase() + " from the list");
            }
            ok.add(v);
          }
        }
      }
      clean.put(a.code(), ok);
    }
    for (String code : answers.keySet()) {
      if (service.attributes().stream().noneMatch(a -> a.code().equals(code))) {
        errors.reject("attr-" + code, "Service " + service.code() + " has no attribute " + code);
      }
    }
    errors.throwIfAny();
    return clean;
  }

  private Map<String, ServiceDefinition> cache() {
    Map<String, ServiceDefinition> s = services;
    if (s == null) {
      s = repository.loadAll();
      services = s;
    }
    return s;
  }
}
