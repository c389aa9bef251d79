// SPDX-License-Identifier: AGPL-3.0-or-later
package org.borough.catalogue;

import org.borough.catalogue.internal.CatalogueRepository;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Keeps this node's copy of the catalogue in step with changes made on other nodes: every few
 * seconds it reads the catalogue's version (one row) and, when it has moved, drops the copy, so the
 * next form reloads it. Each node runs it: no lock.
 */
@Component
class CatalogueRefresh {

  private final CatalogueRepository repository;
  private final ServiceCatalogue catalogue;
  private volatile long seen = -1;

  CatalogueRefresh(CatalogueRepository repository, ServiceCatalogue catalogue) {
    this.repository = repository;
    this.catalogue = catalogue;
  }

  @Scheduled(
      fixedDelayString = "${borough.catalogue.refresh-interval:2s}",
      initialDelayString = "${borough.catalogue.refresh-interval:2s}")
  void refresh() {
    long version = repository.version();
    if (version != seen) {
      // Also on the first read: a copy loaded before it may be older than the version it saw.
      catalogue.forgetCached();
      seen = version;
    }
  }
}
