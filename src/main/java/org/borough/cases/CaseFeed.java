// SPDX-License-Identifier: AGPL-3.0-or-later
package org.borough.cases;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.borough.cases.internal.CaseRepository;
import org.borough.catalogue.ServiceCatalogue;
import org.borough.catalogue.ServiceDefinition;
import org.borough.identity.StaffDirectory;
import org.borough.identity.Team;
import org.borough.identity.TeamId;
import org.borough.residents.Channel;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Cases as external feeds see them (Open311 today, the resident portal next): many cases per call,
 * no resident, no internal notes, and no audit entry per case, because nothing here identifies a
 * person. What of a case's free text and location a feed may publish is the feed's decision; the
 * {@link PublicCase#channel() channel} says where the case came from.
 */
@Service
public class CaseFeed {

  /** The most cases or updates one call answers. */
  public static final int MAX_LIMIT = 1000;

  private final CaseRepository cases;
  private final ServiceCatalogue catalogue;
  private final StaffDirectory staff;

  CaseFeed(CaseRepository cases, ServiceCatalogue catalogue, StaffDirectory staff) {
    this.cases = cases;
    this.catalogue = catalogue;
    this.staff = staff;
  }

  /**
   * What to list. With {@code references} the other filters are ignored; otherwise cases opened
   * from {@code openedFrom} to {@code openedTo} (both inclusive), of any of {@code serviceCodes}
   * and {@code statuses} (empty means any), newest first.
   */
  public record CaseQuery(
      List<String> references,
      List<String> serviceCodes,
      Instant openedFrom,
      Instant openedTo,
      Set<CaseStatus> statuses,
      int offset,
      int limit) {}

  /** A case without its resident. {@code latestPublicNote} is the last note shown to residents. */
  public record PublicCase(
      String reference,
      String serviceCode,
      String serviceName,
      CaseStatus status,
      Channel channel,
      String description,
      String address,
      Long uprn,
      BigDecimal latitude,
      BigDecimal longitude,
      String teamName,
      Instant openedAt,
      Instant updatedAt,
      Instant dueAt,
      String latestPublicNote) {}

  /**
   * A status change or public note. {@code id} is the case timeline entry's; {@code status} is the
   * case's status once the entry was written; {@code text} is null unless the note is public.
   */
  public record PublicUpdate(
      long id, String reference, Instant at, CaseStatus status, String text) {}

  @PreAuthorize("hasAuthority('CASE_READ')")
  @Transactional(readOnly = true)
  public List<PublicCase> find(CaseQuery query) {
    int limit = Math.max(0, Math.min(query.limit(), MAX_LIMIT));
    List<CaseRepository.FeedRow> rows =
        query.references() != null && !query.references().isEmpty()
            ? cases.feedByReference(
                query.references().stream().map(r -> r.trim().toUpperCase()).toList(), limit)
            : cases.feed(
                query.serviceCodes() == null ? List.of() : query.serviceCodes(),
                query.openedFrom(),
                query.openedTo(),
                query.statuses() == null ? List.of() : query.statuses().stream().toList(),
                Math.max(0, query.offset()),
                limit);
    Map<UUID, String> teams = new HashMap<>();
    return rows.stream()
        .map(
            r ->
                new PublicCase(
                    r.reference(),
                    r.serviceCode(),
                    catalogue
                        .find(r.serviceCode())
                        .map(ServiceDefinition::name)
                        .orElse(r.serviceCode()),
                    r.status(),
                    Channel.valueOf(r.channel()),
                    r.description(),
                    r.address(),
                    r.uprn(),
                    r.latitude(),
                    r.longitude(),
                    r.teamId() == null
                        ? null
                        : teams.computeIfAbsent(
                            r.teamId(),
                            id -> staff.findTeam(new TeamId(id)).map(Team::name).orElse(null)),
                    r.openedAt(),
                    r.updatedAt(),
                    r.dueAt(),
                    r.latestPublicNote()))
        .toList();
  }

  /** Status changes and public notes written from {@code from} to {@code to}, oldest first. */
  @PreAuthorize("hasAuthority('CASE_READ')")
  @Transactional(readOnly = true)
  public List<PublicUpdate> updates(Instant from, Instant to, int limit) {
    return cases.feedUpdates(from, to, Math.max(0, Math.min(limit, MAX_LIMIT)));
  }
}
