// SPDX-License-Identifier: AGPL-3.0-or-later
package org.borough.warehouse;

import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/** The dashboards and the KPIs each one shows, in order. */
enum Dashboard {
  OVERVIEW(
      "overview",
      "volume-by-month",
      "sla-compliance",
      "backlog-ageing",
      "reopen-rate",
      "volume-by-team"),
  SLA(
      "sla",
      "sla-compliance",
      "sla-by-service",
      "time-to-resolve",
      "backlog-trend",
      "backlog-ageing"),
  CHANNELS(
      "channels",
      "volume-by-channel",
      "channel-shift",
      "first-contact-resolution",
      "cost-per-contact"),
  WARDS("wards", "volume-by-ward"),
  SERVICES("services", "volume-by-service", "sla-by-service", "time-to-resolve", "volume-by-team"),
  BUDGET("budget", "budget-by-month", "budget-by-system", "cost-per-contact"),
  CASEWORK(
      "casework",
      "complaints-within-time",
      "complaints-by-service",
      "information-requests-within-time",
      "enquiries-within-time",
      "satisfaction-by-service",
      "satisfaction-by-channel");

  final String slug;
  final List<String> kpis;

  Dashboard(String slug, String... kpis) {
    this.slug = slug;
    this.kpis = List.of(kpis);
  }

  public String slug() {
    return slug;
  }

  static Optional<Dashboard> of(String slug) {
    return Stream.of(values()).filter(d -> d.slug.equals(slug)).findFirst();
  }
}
