// SPDX-License-Identifier: AGPL-3.0-or-later
package org.borough.cases;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.borough.audit.AuditAction;
import org.borough.audit.AuditLog;
import org.borough.cases.internal.CaseRepository;
import org.borough.catalogue.ServiceCatalogue;
import org.borough.catalogue.ServiceDefinition;
import org.borough.identity.StaffDirectory;
import org.borough.identity.Team;
import org.borough.identity.TeamId;
import org.borough.residents.Channel;
import org.borough.residents.ResidentId;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Cases as external feeds see them (Open311, the resident portal): many cases per call, no
 * resident, no internal notes, and no audit entry per case, because nothing here identifies a
 * person. What anyone may see ({@link #find}, {@link #updates}, {@link #possibleDuplicates}) is
 * limited to cases of {@link ServiceDefinition#published() published} services; {@link
 * PublicCase#published()} is the form in which such a case is shown to people other than its
 * reporter: its street, not its house, and no words of the reporter's.
 */
@Service
public class CaseFeed {

  /** The most cases or updates one call answers. */
  public static final int MAX_LIMIT = 1000;

  private final CaseRepository cases;
  private final ServiceCatalogue catalogue;
  private final StaffDirectory staff;
  private final java.time.Clock clock;
  private final AuditLog audit;

  CaseFeed(
      CaseRepository cases,
      ServiceCatalogue catalogue,
      StaffDirectory staff,
      java.time.Clock clock,
      AuditLog audit) {
    this.cases = cases;
    this.catalogue = catalogue;
    this.staff = staff;
    this.clock = clock;
    this.audit = audit;
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

  /**
   * A case without its resident. {@code latestPublicNote} is the last note shown to its reporter;
   * {@code latestPublishedNote} the last one meant for anyone (a public note written with a status
   * change of a case of a published service), else null. {@code publicService}: its service is
   * published.
   */
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
      String latestPublicNote,
      String latestPublishedNote,
      boolean publicService) {

    /**
     * The case as its reporter may see it on a page anyone might open (a tracking page): the street
     * rather than the house, no UPRN, no description.
     */
    public PublicCase coarse() {
      return shown(latestPublicNote);
    }

    /**
     * The case as anyone but its reporter may see it: {@link #coarse()}, and only the note meant
     * for publication.
     */
    public PublicCase published() {
      return shown(latestPublishedNote);
    }

    private PublicCase shown(String note) {
      return new PublicCase(
          reference,
          serviceCode,
          serviceName,
          status,
          channel,
          null,
          PublicLocation.street(address),
          null,
          PublicLocation.coarse(latitude),
          PublicLocation.coarse(longitude),
          teamName,
          openedAt,
          updatedAt,
          dueAt,
          note,
          latestPublishedNote,
          publicService);
    }
  }

  /**
   * Cases of published services only (a reference of any other service is as if it did not exist),
   * as stored: show them {@link PublicCase#published()}, except what the caller knows was written
   * for publication.
   */
  @PreAuthorize("hasAuthority('CASE_READ')")
  @Transactional(readOnly = true)
  public List<PublicCase> find(CaseQuery query) {
    int limit = Math.max(0, Math.min(query.limit(), MAX_LIMIT));
    if (query.references() != null && !query.references().isEmpty()) {
      return publicCases(
              cases.feedByReference(
                  query.references().stream().map(r -> r.trim().toUpperCase()).toList(), limit))
          .stream()
          .filter(PublicCase::publicService)
          .toList();
    }
    List<String> codes = publishedAmong(query.serviceCodes());
    if (codes.isEmpty()) {
      return List.of();
    }
    return publicCases(
        cases.feed(
            codes,
            query.openedFrom(),
            query.openedTo(),
            query.statuses() == null ? List.of() : query.statuses().stream().toList(),
            Math.max(0, query.offset()),
            limit));
  }

  /**
   * A ward's cases of published services, newest first, {@link PublicCase#published() as
   * published}: what its councillor may see of them (no resident, no description, the street).
   */
  @PreAuthorize("hasAuthority('WARD_CASES_READ')")
  @Transactional(readOnly = true)
  public List<PublicCase> inWard(String wardCode, int offset, int limit) {
    return publicCases(
            cases.feedInWard(
                publishedAmong(List.of()),
                wardCode,
                Math.max(0, offset),
                Math.max(0, Math.min(limit, MAX_LIMIT))))
        .stream()
        .map(PublicCase::published)
        .toList();
  }

  /** The published services among {@code codes}; every published service when none is given. */
  private List<String> publishedAmong(List<String> codes) {
    return catalogue.services().stream()
        .filter(ServiceDefinition::published)
        .map(ServiceDefinition::code)
        .filter(c -> codes == null || codes.isEmpty() || codes.contains(c))
        .toList();
  }

  /**
   * Open cases of a service that may be the problem a resident is about to report: opened in the
   * last {@code days} days, and within {@code metres} of the point, at the same UPRN or at the same
   * address. Nearest first when a point is given, else newest first. Only for a published service,
   * and {@link PublicCase#published() as published}: they are shown to another resident.
   */
  @PreAuthorize("hasAuthority('CASE_READ')")
  @Transactional(readOnly = true)
  public List<PublicCase> possibleDuplicates(
      String serviceCode,
      BigDecimal latitude,
      BigDecimal longitude,
      Long uprn,
      String address,
      int metres,
      int days,
      int limit) {
    if (serviceCode == null
        || !catalogue.find(serviceCode).map(ServiceDefinition::published).orElse(false)) {
      return List.of();
    }
    BigDecimal[] box = null;
    if (latitude != null && longitude != null) {
      double dLat = metres / METRES_PER_DEGREE;
      double dLon = metres / (METRES_PER_DEGREE * Math.cos(Math.toRadians(latitude.doubleValue())));
      box =
          new BigDecimal[] {
            BigDecimal.valueOf(latitude.doubleValue() - dLat),
            BigDecimal.valueOf(latitude.doubleValue() + dLat),
            BigDecimal.valueOf(longitude.doubleValue() - dLon),
            BigDecimal.valueOf(longitude.doubleValue() + dLon)
          };
    }
    Instant from = clock.instant().minus(java.time.Duration.ofDays(days));
    // More rows than asked for: some in the box's corners are further than the radius.
    List<CaseRepository.FeedRow> rows =
        cases.possibleDuplicates(serviceCode, from, box, uprn, address, limit * 4);
    List<CaseRepository.FeedRow> kept = new java.util.ArrayList<>();
    for (CaseRepository.FeedRow r : rows) {
      boolean sameUprn = uprn != null && uprn.equals(r.uprn());
      boolean sameAddress =
          address != null && r.address() != null && address.trim().equalsIgnoreCase(r.address());
      boolean near =
          box != null
              && r.latitude() != null
              && r.longitude() != null
              && metresBetween(latitude, longitude, r.latitude(), r.longitude()) <= metres;
      if (sameUprn || sameAddress || near) {
        kept.add(r);
      }
    }
    if (box != null) {
      kept.sort(
          java.util.Comparator.comparingDouble(
              r ->
                  r.latitude() == null
                      ? Double.MAX_VALUE
                      : metresBetween(latitude, longitude, r.latitude(), r.longitude())));
    }
    return publicCases(kept.subList(0, Math.min(kept.size(), limit))).stream()
        .map(PublicCase::published)
        .toList();
  }

  /** Great-circle distance in metres (haversine); plenty precise at tens of metres. */
  static double metresBetween(BigDecimal lat1, BigDecimal lon1, BigDecimal lat2, BigDecimal lon2) {
    double p1 = Math.toRadians(lat1.doubleValue());
    double p2 = Math.toRadians(lat2.doubleValue());
    double dp = p2 - p1;
    double dl = Math.toRadians(lon2.doubleValue() - lon1.doubleValue());
    double a =
        Math.sin(dp / 2) * Math.sin(dp / 2)
            + Math.cos(p1) * Math.cos(p2) * Math.sin(dl / 2) * Math.sin(dl / 2);
    return 2 * EARTH_RADIUS_METRES * Math.asin(Math.min(1, Math.sqrt(a)));
  }

  private static final double EARTH_RADIUS_METRES = 6_371_008.8;
  private static final double METRES_PER_DEGREE = Math.toRadians(1) * EARTH_RADIUS_METRES;

  List<PublicCase> publicCases(List<CaseRepository.FeedRow> rows) {
    Map<UUID, String> teams = new HashMap<>();
    return rows.stream()
        .map(
            r -> {
              java.util.Optional<ServiceDefinition> service = catalogue.find(r.serviceCode());
              boolean published = service.map(ServiceDefinition::published).orElse(false);
              return new PublicCase(
                  r.reference(),
                  r.serviceCode(),
                  service.map(ServiceDefinition::name).orElse(r.serviceCode()),
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
                  r.latestPublicNote(),
                  published ? r.latestPublishedNote() : null,
                  published);
            })
        .toList();
  }

  /** A case of a resident's own: public columns, and whether they reported it or follow it. */
  public record ResidentCase(PublicCase details, boolean reported) {}

  /**
   * The cases these residents (one person's records) reported or follow, newest first. Unlike the
   * rest of the feed this ties cases to people, so the read is audited for each resident.
   */
  @PreAuthorize("hasAuthority('CASE_READ') and hasAuthority('RESIDENT_READ')")
  @Transactional
  public List<ResidentCase> ofResidents(List<ResidentId> residents, int offset, int limit) {
    List<UUID> ids = residents.stream().map(ResidentId::value).distinct().toList();
    var rows = cases.ofResidents(ids, Math.max(0, offset), Math.max(0, Math.min(limit, MAX_LIMIT)));
    List<PublicCase> shown = publicCases(rows.stream().map(Map.Entry::getKey).toList());
    ids.forEach(
        id ->
            audit.record(
                AuditAction.VIEW,
                "resident",
                id.toString(),
                "their cases listed (" + rows.size() + ")"));
    java.util.ArrayList<ResidentCase> out = new java.util.ArrayList<>();
    for (int i = 0; i < shown.size(); i++) {
      out.add(new ResidentCase(shown.get(i), rows.get(i).getValue()));
    }
    return List.copyOf(out);
  }

  /**
   * Status changes of cases of published services from {@code from} to {@code to}, oldest first,
   * with the note written with each when it was public: the only notes meant for publication. A
   * note added without a status change was written to the reporter, not to the world.
   */
  @PreAuthorize("hasAuthority('CASE_READ')")
  @Transactional(readOnly = true)
  public List<PublicUpdate> updates(Instant from, Instant to, int limit) {
    return cases.feedUpdates(
        publishedAmong(List.of()), from, to, Math.max(0, Math.min(limit, MAX_LIMIT)));
  }
}
