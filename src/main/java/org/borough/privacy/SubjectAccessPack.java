// SPDX-License-Identifier: AGPL-3.0-or-later
package org.borough.privacy;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.borough.audit.AuditAction;
import org.borough.audit.AuditLog;
import org.borough.audit.AuditLog.AuditQuery;
import org.borough.cases.CaseAttachments;
import org.borough.cases.CaseFeed;
import org.borough.cases.CaseManagement;
import org.borough.cases.CaseSummary;
import org.borough.cases.CaseView;
import org.borough.contacts.Contact;
import org.borough.contacts.ContactLog;
import org.borough.notifications.NotificationHistory;
import org.borough.residents.ContactPreferences;
import org.borough.residents.Resident;
import org.borough.residents.ResidentAccounts;
import org.borough.residents.ResidentId;
import org.borough.residents.ResidentManagement;
import org.springframework.context.ApplicationContext;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.thymeleaf.ITemplateEngine;
import org.thymeleaf.context.Context;
import org.thymeleaf.spring6.expression.ThymeleafEvaluationContext;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * Everything Borough holds about a resident, as one ZIP for their subject access request: {@code
 * summary.html} to read, {@code data.json} for machines, and the files attached to their cases.
 * Internal notes are included and flagged, because the DPO must review them (a third party's
 * details, say) before the pack goes out. Every read goes through its module's API, so the pack is
 * audited record by record as well as as one export.
 */
@Service
public class SubjectAccessPack {

  /** More than any one resident has; a cap, so that a pack cannot run away. */
  static final int MOST = 10_000;

  private static final int AUDIT_PAGE = 500;

  private final ResidentManagement residents;
  private final ResidentAccounts accounts;
  private final ContactLog contacts;
  private final CaseManagement cases;
  private final CaseAttachments attachments;
  private final CaseFeed feed;
  private final NotificationHistory notifications;
  private final AuditLog audit;
  private final SubjectAccessRegister register;
  private final ITemplateEngine templates;
  private final ApplicationContext context;
  private final Clock clock;
  private final JsonMapper json =
      JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();

  SubjectAccessPack(
      ResidentManagement residents,
      ResidentAccounts accounts,
      ContactLog contacts,
      CaseManagement cases,
      CaseAttachments attachments,
      CaseFeed feed,
      NotificationHistory notifications,
      AuditLog audit,
      SubjectAccessRegister register,
      ITemplateEngine templates,
      ApplicationContext context,
      Clock clock) {
    this.residents = residents;
    this.accounts = accounts;
    this.contacts = contacts;
    this.cases = cases;
    this.attachments = attachments;
    this.feed = feed;
    this.notifications = notifications;
    this.audit = audit;
    this.register = register;
    this.templates = templates;
    this.context = context;
    this.clock = clock;
  }

  /** What goes into the pack, read in one transaction. */
  public record Contents(
      Instant madeAt,
      Resident resident,
      ContactPreferences portalPreferences,
      List<Contact> contacts,
      List<PackCase> cases,
      List<CaseFeed.PublicCase> followed,
      List<NotificationHistory.SentNotification> notifications,
      List<AuditLog.Entry> accessLog) {

    public long internalNotes() {
      return cases.stream()
          .flatMap(c -> c.timeline().stream())
          .filter(PackLine::reviewBeforeRelease)
          .count();
    }
  }

  /** A case with its timeline as the resident would read it, internal lines flagged. */
  public record PackCase(CaseView view, List<PackLine> timeline, List<PackFile> files) {}

  /**
   * One line of a case's history. {@code shownToResident} as on the tracking page (opened, status
   * changes, public notes); {@code reviewBeforeRelease} for internal notes, the staff's own words,
   * which may name other people.
   */
  public record PackLine(
      Instant at,
      String actor,
      String kind,
      String text,
      boolean shownToResident,
      boolean reviewBeforeRelease) {}

  /** An attached file and where it sits in the ZIP. */
  public record PackFile(CaseView.Attachment attachment, String pathInPack) {}

  /**
   * Reads everything held about the resident (following a merge to the record they live under),
   * records the export in the audit and on the register, and answers it for {@link #write}.
   */
  @PreAuthorize("hasAuthority('SUBJECT_ACCESS')")
  @Transactional
  public Contents gather(ResidentId requested) {
    ResidentId id = residents.current(requested);
    // The access log is read before the cases are opened for the pack, so that it shows who
    // looked at them before, not the pack's own reads.
    Resident resident = residents.view(id);
    List<CaseSummary> summaries = cases.ofResident(id, MOST);
    List<AuditLog.Entry> accessLog = new ArrayList<>(accessLog("resident", id.toString()));
    summaries.forEach(s -> accessLog.addAll(accessLog("case", s.id().toString())));
    accessLog.sort((a, b) -> Long.compare(a.id(), b.id()));
    List<PackCase> packCases = summaries.stream().map(s -> packCase(cases.view(s.id()))).toList();
    Contents contents =
        new Contents(
            clock.instant(),
            resident,
            accounts.preferences(id),
            contacts.ofResident(id, MOST),
            packCases,
            // Other people's reports they follow: what the portal shows them of each, no more.
            feed.ofResidents(List.of(id), 0, CaseFeed.MAX_LIMIT).stream()
                .filter(c -> !c.reported())
                .map(CaseFeed.ResidentCase::details)
                .toList(),
            notifications.ofResident(id),
            accessLog);
    audit.record(
        AuditAction.EXPORT,
        "resident",
        id.toString(),
        "subject access pack: "
            + packCases.size()
            + " cases, "
            + contents.contacts().size()
            + " contacts");
    register.packMade(id);
    return contents;
  }

  /** Writes the pack as a ZIP. */
  public void write(Contents contents, OutputStream out) throws IOException {
    ZipOutputStream zip = new ZipOutputStream(out, StandardCharsets.UTF_8);
    zip.putNextEntry(new ZipEntry("summary.html"));
    zip.write(summary(contents).getBytes(StandardCharsets.UTF_8));
    zip.closeEntry();
    zip.putNextEntry(new ZipEntry("data.json"));
    zip.write(json.writeValueAsBytes(data(contents)));
    zip.closeEntry();
    for (PackCase c : contents.cases()) {
      for (PackFile f : c.files()) {
        zip.putNextEntry(new ZipEntry(f.pathInPack()));
        Files.copy(attachments.download(c.view().id(), f.attachment().id()).path(), zip);
        zip.closeEntry();
      }
    }
    zip.finish();
  }

  String summary(Contents contents) {
    Context page = new Context(Locale.UK);
    page.setVariable(
        ThymeleafEvaluationContext.THYMELEAF_EVALUATION_CONTEXT_CONTEXT_VARIABLE_NAME,
        new ThymeleafEvaluationContext(context, null));
    page.setVariable("pack", contents);
    return templates.process("privacy/pack-summary", page);
  }

  private static Map<String, Object> data(Contents contents) {
    Map<String, Object> data = new LinkedHashMap<>();
    data.put("madeAt", contents.madeAt());
    data.put(
        "about",
        "Everything Borough holds about this resident. Entries with reviewBeforeRelease true are"
            + " internal notes: the council reviews them before the pack is sent.");
    data.put("resident", contents.resident());
    data.put("portalAccount", contents.portalPreferences());
    data.put("contacts", contents.contacts());
    data.put("cases", contents.cases());
    data.put("followed", contents.followed());
    data.put("notificationsSent", contents.notifications());
    data.put("whoViewedTheirRecords", contents.accessLog());
    return data;
  }

  private PackCase packCase(CaseView view) {
    List<PackLine> lines =
        view.timeline().stream()
            .map(
                t -> {
                  boolean note = t.kind().equals("NOTE");
                  boolean shown =
                      t.kind().equals("CREATED") || t.kind().equals("STATUS") || t.publicNote();
                  return new PackLine(
                      t.at(), t.actor(), t.kind(), t.text(), shown, note && !t.publicNote());
                })
            .toList();
    List<PackFile> files =
        view.attachments().stream()
            .map(
                a ->
                    new PackFile(
                        a,
                        "attachments/"
                            + view.reference()
                            + "/"
                            + a.id()
                            + "-"
                            + a.filename().replaceAll("[^A-Za-z0-9._-]", "_")))
            .toList();
    return new PackCase(view, lines, files);
  }

  private List<AuditLog.Entry> accessLog(String subjectType, String subjectId) {
    List<AuditLog.Entry> all = new ArrayList<>();
    Long before = null;
    while (all.size() < MOST) {
      List<AuditLog.Entry> page =
          audit.read(new AuditQuery(subjectType, subjectId, null, before, AUDIT_PAGE));
      all.addAll(page);
      if (page.size() < AUDIT_PAGE) {
        break;
      }
      before = page.get(page.size() - 1).id();
    }
    return all;
  }
}
