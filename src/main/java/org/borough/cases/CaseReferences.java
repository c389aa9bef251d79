// SPDX-License-Identifier: AGPL-3.0-or-later
package org.borough.cases;

import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The references of cases known by id, for views that list cases found elsewhere: the warehouse's
 * drill-down holds cases only by keys it can turn back into ids, and asks here, for those who may
 * read cases. Only the reference: residents quote it, and the case page it links to checks and
 * records its own reads.
 */
@Service
public class CaseReferences {

  private static final int CHUNK = 1_000;

  private final JdbcClient jdbc;

  CaseReferences(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /** Case id to reference, for the ids that are cases. */
  @PreAuthorize("hasAuthority('CASE_READ')")
  @Transactional(readOnly = true)
  public Map<UUID, String> of(Collection<UUID> ids) {
    List<UUID> all = List.copyOf(ids);
    Map<UUID, String> references = new HashMap<>();
    for (int from = 0; from < all.size(); from += CHUNK) {
      jdbc.sql("select id, reference from service_case where id in (:ids)")
          .param("ids", all.subList(from, Math.min(all.size(), from + CHUNK)))
          .query(
              rs -> {
                references.put(rs.getObject(1, UUID.class), rs.getString(2));
              });
    }
    return references;
  }
}
