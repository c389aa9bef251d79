// SPDX-License-Identifier: AGPL-3.0-or-later
package org.borough.warehouse;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.borough.residents.Channel;
import org.borough.system.Inputs;
import org.borough.system.InvalidInputException;

/**
 * The filters of a KPI, a dashboard, an export or a drill-down: a date range (inclusive, days in
 * the council's zone), and optionally a service, a ward, a channel and a team, by their codes.
 * Parsed from request parameters; every problem is reported against the field it is about.
 */
record KpiFilters(
    LocalDate from, LocalDate to, String service, String ward, Channel channel, String team) {

  /** A named period, like a financial year, to offer as a quick choice of dates. */
  record Period(String name, LocalDate from, LocalDate to) {}

  /** The codes that exist, to check a filter against and to offer in the dashboards' lists. */
  record Choices(
      Map<String, String> services, Map<String, String> wards, Map<String, String> teams) {}

  static final Set<String> NAMES =
      Stream.of(Kpis.Filter.values()).map(Kpis.Filter::param).collect(Collectors.toSet());

  /**
   * Reads the filters. Without dates the range is the twelve calendar months up to {@code today}.
   *
   * @param others parameters that may also be present (such as a drill-down's key); any other
   *     parameter is refused, so a mistyped filter is not silently ignored
   * @throws InvalidInputException naming each field that is wrong
   */
  static KpiFilters parse(
      Map<String, String> params, Set<String> others, LocalDate today, Choices choices) {
    Map<String, String> errors = new LinkedHashMap<>();
    for (String name : params.keySet()) {
      if (!NAMES.contains(name) && !others.contains(name)) {
        errors.put(
            shorten(name),
            "There is no filter called '"
                + shorten(name)
                + "': use from, to, service, ward, channel or team");
      }
    }
    LocalDate to = date(params.get("to"), "to", "end", errors);
    LocalDate from = date(params.get("from"), "from", "start", errors);
    if (to == null && !errors.containsKey("to")) {
      to = today;
    }
    if (from == null && !errors.containsKey("from") && to != null) {
      from = to.withDayOfMonth(1).minusMonths(11);
    }
    if (from != null && to != null && from.isAfter(to)) {
      errors.put("to", "The end date must be the same as or after the start date");
    }
    String service = code(params.get("service"), "service", choices.services(), "service", errors);
    String ward = code(params.get("ward"), "ward", choices.wards(), "ward", errors);
    String team = code(params.get("team"), "team", choices.teams(), "team", errors);
    Channel channel = null;
    String ch = Inputs.stripped(params.get("channel"));
    if (ch != null) {
      try {
        channel = Channel.valueOf(ch.toUpperCase(Locale.ROOT));
      } catch (IllegalArgumentException e) {
        errors.put(
            "channel",
            "There is no channel '"
                + shorten(ch)
                + "': use "
                + Stream.of(Channel.values()).map(Enum::name).collect(Collectors.joining(", ")));
      }
    }
    if (!errors.isEmpty()) {
      throw new InvalidInputException(errors);
    }
    return new KpiFilters(from, to, service, ward, channel, team);
  }

  /** The filters as request parameters (only those set), to carry into links and exports. */
  public Map<String, String> asParams() {
    Map<String, String> p = new LinkedHashMap<>();
    p.put("from", from.toString());
    p.put("to", to.toString());
    if (service != null) {
      p.put("service", service);
    }
    if (ward != null) {
      p.put("ward", ward);
    }
    if (channel != null) {
      p.put("channel", channel.name());
    }
    if (team != null) {
      p.put("team", team);
    }
    return p;
  }

  /** A query string of the filters, without the leading question mark. */
  public String query() {
    return asParams().entrySet().stream()
        .map(
            e ->
                e.getKey()
                    + "="
                    + java.net.URLEncoder.encode(
                        e.getValue(), java.nio.charset.StandardCharsets.UTF_8))
        .collect(Collectors.joining("&"));
  }

  private static LocalDate date(
      String value, String field, String which, Map<String, String> errors) {
    String v = Inputs.stripped(value);
    if (v == null) {
      return null;
    }
    try {
      LocalDate d = LocalDate.parse(v);
      if (d.isBefore(Dimensions.FIRST_DATE) || d.isAfter(Dimensions.LAST_DATE)) {
        errors.put(
            field,
            "The "
                + which
                + " date must be between "
                + Dimensions.FIRST_DATE
                + " and "
                + Dimensions.LAST_DATE);
        return null;
      }
      return d;
    } catch (DateTimeParseException e) {
      errors.put(field, "Enter the " + which + " date as year-month-day, for example 2025-04-01");
      return null;
    }
  }

  private static String code(
      String value,
      String field,
      Map<String, String> known,
      String what,
      Map<String, String> errors) {
    String v = Inputs.stripped(value);
    if (v == null) {
      return null;
    }
    if (!known.containsKey(v)) {
      errors.put(field, "There is no " + what + " with the code '" + shorten(v) + "'");
      return null;
    }
    return v;
  }

  /** Echo at most 40 characters of what was sent. */
  private static String shorten(String v) {
    return v.length() <= 40 ? v : v.substring(0, 40) + "…";
  }
}
