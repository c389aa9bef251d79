// SPDX-License-Identifier: AGPL-3.0-or-later
package org.borough.warehouse;

import java.util.function.Consumer;
import java.util.function.Supplier;
import org.borough.cases.CaseBulkRead;
import org.borough.cases.CaseEvent;
import org.borough.contacts.ContactBulkRead;
import org.borough.governance.BudgetMonth;
import org.borough.residents.ResidentBulkRead;

/**
 * The CRM's current state as a rebuild reads it: cases, their status changes, contacts and
 * residents, the statutory casework and satisfaction answers, and governance's budget lines by
 * month, streamed through the owning modules' public APIs, never their tables.
 */
interface CrmState {

  /**
   * Runs {@code reads} in one read-only transaction that sees one snapshot of the whole CRM
   * database, outbox included, so that the outbox position read first matches the rows read after.
   */
  <T> T inOneSnapshot(Supplier<T> reads);

  /** Roughly how many rows a rebuild will read, for its progress bar. */
  long rowsToRead();

  /** Whether the CRM holds any case or contact. */
  boolean hasData();

  void forEachCase(Consumer<CaseBulkRead.Case> each);

  void forEachStatusChange(Consumer<CaseBulkRead.StatusChange> each);

  void forEachContact(Consumer<ContactBulkRead.Row> each);

  void forEachResident(Consumer<ResidentBulkRead.Row> each);

  /** Every month of every approved budget line, with its actual spend where recorded. */
  void forEachBudgetMonth(Consumer<BudgetMonth> each);

  /**
   * Every complaint, request for information and councillor's enquiry, and every satisfaction
   * answer, each as the event its last change published (CaseworkFacts reads both alike).
   */
  void forEachCasework(Consumer<CaseEvent> each);
}
