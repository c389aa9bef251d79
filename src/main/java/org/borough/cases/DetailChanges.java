// SPDX-License-Identifier: AGPL-3.0-or-later
package org.borough.cases;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.borough.cases.internal.CaseRow;
import org.borough.catalogue.CaseType;
import org.borough.catalogue.Priority;
import org.borough.catalogue.ServiceCatalogue;
import org.borough.catalogue.ServiceDefinition;
import org.borough.places.Placement;
import org.borough.places.WardBoundaries;
import org.borough.system.Errors;
import org.borough.system.Inputs;
import org.borough.system.InvalidInputException;
import org.borough.system.WorkingCalendar;
import org.springframework.stereotype.Component;

/**
 * Works out a change to a case's priority, service or location ({@link BulkAction.ChangeDetails})
 * and checks it, and checks a location as a new case gives it. A new service re-times the SLA clock
 * as if the case had been raised for it: its target counted from when the case was opened, plus any
 * time the old deadline had been moved on by holds or by hand, so a resident's wait is never reset
 * by moving their case. Cases of the statutory types keep their service: their clocks are kept by
 * the complaints, information and enquiries modules.
 */
@Component
class DetailChanges {

  /** The row as changed and the line the timeline gets for it. */
  record Change(CaseRow row, String summary) {}

  private static final String TOO_PRECISE =
      "Give coordinates with " + Inputs.COORDINATE_DECIMALS + " decimal places or fewer";

  private final ServiceCatalogue catalogue;
  private final WardBoundaries boundaries;
  private final WorkingCalendar calendar;
  private final SlaClock sla;

  DetailChanges(ServiceCatalogue catalogue, WorkingCalendar calendar, WardBoundaries boundaries) {
    this.catalogue = catalogue;
    this.boundaries = boundaries;
    this.calendar = calendar;
    this.sla = new SlaClock(calendar);
  }

  /**
   * The case with the details changed.
   *
   * @throws InvalidInputException under priority, serviceCode, reason or a location field
   * @throws org.borough.system.ConflictException when the case is closed
   */
  Change change(CaseRow row, BulkAction.ChangeDetails d, Instant now) {
    Errors errors = new Errors();
    String reason = d.reason() == null ? "" : d.reason().strip();
    if (reason.isEmpty()) {
      errors.reject("reason", "Say why the details change");
    } else if (reason.length() > 1000) {
      errors.reject("reason", "The reason must be 1000 characters or fewer");
    }
    if (d.priority() == null && d.serviceCode() == null && d.location() == null) {
      errors.reject("priority", "Change the priority, the service or the location");
    }
    ServiceDefinition service = null;
    if (d.serviceCode() != null && !d.serviceCode().equals(row.serviceCode())) {
      service = newService(row, d.serviceCode(), errors);
    }
    BulkAction.Location at = d.location();
    String ward = null;
    if (at != null) {
      ward =
          validateLocation(
              at.address(), at.uprn(), at.latitude(), at.longitude(), at.wardCode(), errors);
    }
    errors.throwIfAny();
    if (!row.status().active()) {
      throw new org.borough.system.ConflictException(
          "Only an active case's details can be changed");
    }

    CaseRow.Builder changed = row.toBuilder();
    List<String> said = new ArrayList<>();
    if (d.priority() != null && !d.priority().name().equals(row.priority())) {
      changed.priority = d.priority().name();
      said.add("priority " + label(row.priority()) + " to " + d.priority().label());
    }
    if (service != null) {
      ServiceDefinition old = catalogue.find(row.serviceCode()).orElse(null);
      changed.serviceCode = service.code();
      retime(changed, row, old, service, now);
      if (old != null
          && Objects.equals(teamOf(old), row.teamId())
          && service.defaultTeam() != null) {
        // It sat with the old service's team: it goes to the new one's, unassigned.
        changed.teamId = service.defaultTeam().value();
        changed.officerId = changed.teamId.equals(row.teamId()) ? row.officerId() : null;
      }
      said.add(
          "service " + (old == null ? row.serviceCode() : old.name()) + " to " + service.name());
    }
    if (at != null && !sameLocation(row, at, ward)) {
      changed.address = Inputs.stripped(at.address());
      changed.uprn = at.uprn();
      changed.latitude = at.latitude();
      changed.longitude = at.longitude();
      changed.wardCode = ward;
      said.add("location to " + where(changed));
    }
    if (said.isEmpty()) {
      throw InvalidInputException.of("priority", "Nothing would change: the details are the same");
    }
    changed.updatedAt = now;
    String summary = "Changed " + String.join("; ", said) + ". Why: " + reason;
    return new Change(changed.build(), summary);
  }

  private ServiceDefinition newService(CaseRow row, String code, Errors errors) {
    Optional<ServiceDefinition> found = catalogue.find(code);
    if (found.isEmpty() || !found.get().active()) {
      errors.reject("serviceCode", "Choose a service from the catalogue");
      return null;
    }
    CaseType from =
        catalogue.find(row.serviceCode()).map(ServiceDefinition::caseType).orElse(CaseType.REQUEST);
    if (from != CaseType.REQUEST || found.get().caseType() != CaseType.REQUEST) {
      errors.reject(
          "serviceCode",
          "Complaints, requests for information and councillors' enquiries keep their service:"
              + " raise a new case instead");
      return null;
    }
    return found.get();
  }

  /**
   * The new service's deadline from the case's opening, moved on by as much working time as the old
   * deadline had been moved past its own service's target.
   */
  private void retime(
      CaseRow.Builder changed,
      CaseRow row,
      ServiceDefinition old,
      ServiceDefinition service,
      Instant now) {
    Duration moved = Duration.ZERO;
    if (old != null) {
      Instant oldTarget = sla.start(old.sla(), row.openedAt()).due();
      if (row.dueAt().isAfter(oldTarget)) {
        moved = calendar.workingTimeBetween(oldTarget, row.dueAt());
      }
    }
    SlaClock.Deadline fresh = sla.start(service.sla(), row.openedAt());
    changed.dueAt = calendar.addWorkingTime(fresh.due(), moved);
    changed.slaRiskAt = calendar.addWorkingTime(fresh.atRisk(), moved);
    if (changed.dueAt.isAfter(now)) {
      changed.slaBreachedAt = null; // the new deadline is still to come
    }
  }

  /**
   * Checks a location as given, every part optional and each part sound, and returns the ward to
   * keep: the one its point is in where the council has ward boundaries, else the one typed.
   */
  String validateLocation(
      String address,
      Long uprn,
      BigDecimal latitude,
      BigDecimal longitude,
      String wardCode,
      Errors errors) {
    if (address != null && address.length() > 300) {
      errors.reject("address", "Address must be 300 characters or fewer");
    }
    if ((latitude == null) != (longitude == null)) {
      errors.reject(
          latitude == null ? "latitude" : "longitude",
          "Give both latitude and longitude, or neither");
    }
    // A JSON number such as 1e-999999999 is in range, and rounding it to the column's 6 places
    // would take the CPU for hours: refuse more places than a coordinate can mean.
    if (latitude != null && latitude.scale() > Inputs.COORDINATE_DECIMALS) {
      errors.reject("latitude", TOO_PRECISE);
    }
    if (longitude != null && longitude.scale() > Inputs.COORDINATE_DECIMALS) {
      errors.reject("longitude", TOO_PRECISE);
    }
    if (latitude != null && outside(latitude, 49, 61)) {
      errors.reject("latitude", "Latitude must be within the UK (49 to 61)");
    }
    if (longitude != null && outside(longitude, -9, 2)) {
      errors.reject("longitude", "Longitude must be within the UK (-9 to 2)");
    }
    if (uprn != null && (uprn <= 0 || uprn > 999_999_999_999L)) {
      errors.reject("uprn", "A UPRN is a number of up to 12 digits");
    }
    if (wardCode != null && !wardCode.isBlank() && catalogue.ward(wardCode).isEmpty()) {
      errors.reject("wardCode", "Choose a ward in the borough");
    }
    if (errors.has("latitude") || errors.has("longitude")) {
      return Inputs.stripped(wardCode);
    }
    // Where the council has loaded its ward boundaries, the ward is where the point is, whatever
    // was typed, and a point in none of them is not the council's to fix.
    Placement placed = boundaries.at(latitude, longitude);
    if (placed.outside()) {
      errors.reject("latitude", placed.refusal());
    }
    return placed.known() ? placed.wardCode() : Inputs.stripped(wardCode);
  }

  private static boolean sameLocation(CaseRow row, BulkAction.Location at, String ward) {
    return Objects.equals(row.address(), Inputs.stripped(at.address()))
        && Objects.equals(row.uprn(), at.uprn())
        && sameNumber(row.latitude(), at.latitude())
        && sameNumber(row.longitude(), at.longitude())
        && Objects.equals(row.wardCode(), ward);
  }

  private static boolean sameNumber(BigDecimal a, BigDecimal b) {
    return a == null ? b == null : b != null && a.compareTo(b) == 0;
  }

  private static java.util.UUID teamOf(ServiceDefinition s) {
    return s.defaultTeam() == null ? null : s.defaultTeam().value();
  }

  private static String label(String priority) {
    try {
      return Priority.valueOf(priority).label();
    } catch (IllegalArgumentException e) {
      return priority;
    }
  }

  private static String where(CaseRow.Builder c) {
    List<String> parts = new ArrayList<>();
    if (c.address != null) {
      parts.add(c.address);
    }
    if (c.uprn != null) {
      parts.add("UPRN " + c.uprn);
    }
    if (c.latitude != null) {
      parts.add(c.latitude.toPlainString() + ", " + c.longitude.toPlainString());
    }
    if (c.wardCode != null) {
      parts.add("ward " + c.wardCode);
    }
    return parts.isEmpty() ? "none given" : String.join(", ", parts);
  }

  private static boolean outside(BigDecimal v, int min, int max) {
    return v.compareTo(BigDecimal.valueOf(min)) < 0 || v.compareTo(BigDecimal.valueOf(max)) > 0;
  }
}
