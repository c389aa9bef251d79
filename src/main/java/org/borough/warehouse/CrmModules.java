// SPDX-License-Identifier: AGPL-3.0-or-later
package org.borough.warehouse;

import java.util.function.Consumer;
import java.util.function.Supplier;
import javax.sql.DataSource;
import org.borough.cases.CaseBulkRead;
import org.borough.cases.CaseEvent;
import org.borough.complaints.Complaints;
import org.borough.contacts.ContactBulkRead;
import org.borough.enquiries.CouncillorEnquiries;
import org.borough.governance.BudgetLines;
import org.borough.governance.BudgetMonth;
import org.borough.information.InformationRequests;
import org.borough.residents.ResidentBulkRead;
import org.borough.satisfaction.Satisfaction;
import org.borough.system.DatabaseProducts;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The CRM's state in the running application, read through the owning modules' bulk-read APIs
 * (cases, contacts, residents, governance's budget, the statutory casework and satisfaction) inside
 * one transaction of the warehouse's making.
 *
 * <p>The isolation level is chosen per database so that every statement sees the snapshot taken at
 * the first: PostgreSQL's REPEATABLE READ is such a snapshot; H2's REPEATABLE READ is not (it fixes
 * each table at its first read), its SERIALIZABLE is.
 */
@Component
class CrmModules implements CrmState {

  private final CaseBulkRead cases;
  private final ContactBulkRead contacts;
  private final ResidentBulkRead residents;
  private final BudgetLines budget;
  private final Complaints complaints;
  private final InformationRequests requests;
  private final CouncillorEnquiries enquiries;
  private final Satisfaction satisfaction;
  private final TransactionTemplate snapshot;

  CrmModules(
      CaseBulkRead cases,
      ContactBulkRead contacts,
      ResidentBulkRead residents,
      BudgetLines budget,
      Complaints complaints,
      InformationRequests requests,
      CouncillorEnquiries enquiries,
      Satisfaction satisfaction,
      PlatformTransactionManager transactions,
      DataSource dataSource) {
    this.complaints = complaints;
    this.requests = requests;
    this.enquiries = enquiries;
    this.satisfaction = satisfaction;
    this.cases = cases;
    this.contacts = contacts;
    this.residents = residents;
    this.budget = budget;
    this.snapshot = new TransactionTemplate(transactions);
    this.snapshot.setReadOnly(true);
    this.snapshot.setIsolationLevel(
        DatabaseProducts.isPostgres(dataSource)
            ? TransactionDefinition.ISOLATION_REPEATABLE_READ
            : TransactionDefinition.ISOLATION_SERIALIZABLE);
  }

  @Override
  public <T> T inOneSnapshot(Supplier<T> reads) {
    return snapshot.execute(status -> reads.get());
  }

  @Override
  public long rowsToRead() {
    return cases.caseCount() + cases.statusChangeCount() + contacts.count() + residents.count();
  }

  @Override
  public boolean hasData() {
    return cases.any() || contacts.any();
  }

  @Override
  public void forEachCase(Consumer<CaseBulkRead.Case> each) {
    cases.forEachCase(each);
  }

  @Override
  public void forEachStatusChange(Consumer<CaseBulkRead.StatusChange> each) {
    cases.forEachStatusChange(each);
  }

  @Override
  public void forEachContact(Consumer<ContactBulkRead.Row> each) {
    contacts.forEach(each);
  }

  @Override
  public void forEachResident(Consumer<ResidentBulkRead.Row> each) {
    residents.forEach(each);
  }

  @Override
  public void forEachBudgetMonth(Consumer<BudgetMonth> each) {
    budget.monthly().forEach(each);
  }

  @Override
  public void forEachCasework(Consumer<CaseEvent> each) {
    complaints.forEachChanged(each::accept);
    requests.forEachChanged(each::accept);
    enquiries.forEachChanged(each::accept);
    satisfaction.forEachGiven(each::accept);
  }
}
