// SPDX-License-Identifier: AGPL-3.0-or-later
package org.borough.residents;

import java.util.List;

/**
 * The email addresses an erasure removed, for the modules that keep something under an address
 * rather than a resident id (the portal's sign-in links and report claims). In-process only: it is
 * not a {@link org.borough.system.DomainEvent}, so the addresses never reach the outbox.
 */
public record ErasedEmails(List<String> emails) {}
