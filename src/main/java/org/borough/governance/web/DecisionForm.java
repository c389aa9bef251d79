// SPDX-License-Identifier: AGPL-3.0-or-later
package org.borough.governance.web;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.borough.governance.DecisionDetails;
import org.borough.governance.DecisionDocument;
import org.borough.governance.DecisionIssue;
import org.borough.governance.DecisionItem;
import org.borough.governance.DecisionMaker;
import org.borough.governance.DecisionVerb;
import org.borough.governance.DeclaredInterest;
import org.borough.governance.ExemptParagraph;
import org.borough.governance.Exemption;
import org.borough.governance.InterestKind;
import org.borough.governance.KeyDecisionNotice;
import org.borough.governance.Money;
import org.borough.governance.RejectedOption;
import org.borough.system.DateInputs;
import org.borough.system.Errors;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;

/**
 * The decision form's fields, named as the register names its errors ({@code items[0].text}), so an
 * error from the register lands on the field that caused it. Repeated rows (items, options,
 * documents) may be left blank: blank rows are dropped and the rest renumbered.
 */
final class DecisionForm {

  static final List<String> ROWS = List.of("items", "alternativeOptions", "interests", "documents");
  // Four digits: more rows than any decision has, and an index parseInt cannot overflow.
  private static final Pattern ROW = Pattern.compile("^(\\w+)\\[(\\d{1,4})]\\.(.+)$");

  private DecisionForm() {}

  /** The form with blank rows dropped and the rest numbered from 0, and how many rows each has. */
  static MultiValueMap<String, String> compact(MultiValueMap<String, String> raw) {
    MultiValueMap<String, String> out = new LinkedMultiValueMap<>();
    Map<String, TreeMap<Integer, Map<String, List<String>>>> rows = new LinkedHashMap<>();
    raw.forEach(
        (key, values) -> {
          Matcher m = ROW.matcher(key);
          if (m.matches() && ROWS.contains(m.group(1))) {
            rows.computeIfAbsent(m.group(1), k -> new TreeMap<>())
                .computeIfAbsent(Integer.parseInt(m.group(2)), k -> new LinkedHashMap<>())
                .put(m.group(3), values);
          } else {
            out.put(key, values);
          }
        });
    for (String group : ROWS) {
      int n = 0;
      for (Map<String, List<String>> row : rows.getOrDefault(group, new TreeMap<>()).values()) {
        boolean blank =
            row.values().stream().flatMap(List::stream).allMatch(v -> v == null || v.isBlank());
        if (blank) {
          continue;
        }
        for (var field : row.entrySet()) {
          out.put(group + "[" + n + "]." + field.getKey(), field.getValue());
        }
        n++;
      }
      out.set(group + "-count", String.valueOf(n));
    }
    return out;
  }

  static int rows(MultiValueMap<String, String> form, String group) {
    try {
      return Integer.parseInt(form.getFirst(group + "-count"));
    } catch (NumberFormatException e) {
      return 0;
    }
  }

  /**
   * Reads a compacted form. Values that cannot be read at all (a date of 31/02, an amount of
   * "lots") are rejected here; everything else is checked by the register.
   */
  static DecisionDetails read(MultiValueMap<String, String> f, Errors errors) {
    DecisionMaker.Kind kind = null;
    String rawKind = f.getFirst("decisionMaker.kind");
    if (rawKind != null && !rawKind.isBlank()) {
      try {
        kind = DecisionMaker.Kind.valueOf(rawKind);
      } catch (IllegalArgumentException e) {
        errors.reject("decisionMaker.kind", "Choose a body or an individual");
      }
    }
    String members = f.getFirst("decisionMaker.members");
    List<DecisionItem> items = new ArrayList<>();
    for (int i = 0; i < rows(f, "items"); i++) {
      String p = "items[" + i + "].";
      DecisionVerb verb = null;
      String rawVerb = f.getFirst(p + "verb");
      if (rawVerb != null && !rawVerb.isBlank()) {
        try {
          verb = DecisionVerb.valueOf(rawVerb);
        } catch (IllegalArgumentException e) {
          errors.reject(p + "verb", "Choose how item " + (i + 1) + " opens from the list");
        }
      }
      Long pence = null;
      String amount = f.getFirst(p + "amount");
      if (amount != null && !amount.isBlank()) {
        pence = Money.parsePence(amount).orElse(null);
        if (pence == null) {
          errors.reject(
              p + "amount",
              "The amount of item "
                  + (i + 1)
                  + " must be an amount of money, like £1,055,000 or £1.055m");
        }
      }
      items.add(
          new DecisionItem(
              i + 1,
              verb,
              f.getFirst(p + "text"),
              pence,
              f.getFirst(p + "financialYear"),
              f.getFirst(p + "fundingSource"),
              f.getFirst(p + "referredTo"),
              date(f, p + "referralDate", "The referral date of item " + (i + 1), errors)));
    }
    List<RejectedOption> options = new ArrayList<>();
    for (int i = 0; i < rows(f, "alternativeOptions"); i++) {
      String p = "alternativeOptions[" + i + "].";
      options.add(
          new RejectedOption(i + 1, f.getFirst(p + "option"), f.getFirst(p + "whyRejected")));
    }
    List<DeclaredInterest> interests = new ArrayList<>();
    for (int i = 0; i < rows(f, "interests"); i++) {
      String p = "interests[" + i + "].";
      InterestKind interestKind = null;
      String rawInterestKind = f.getFirst(p + "kind");
      if (rawInterestKind != null && !rawInterestKind.isBlank()) {
        try {
          interestKind = InterestKind.valueOf(rawInterestKind);
        } catch (IllegalArgumentException e) {
          errors.reject(p + "kind", "Choose the kind of interest " + (i + 1) + " from the list");
        }
      }
      interests.add(
          new DeclaredInterest(
              f.getFirst(p + "member"),
              interestKind,
              f.getFirst(p + "interest"),
              f.getFirst(p + "dispensationBy"),
              date(
                  f,
                  p + "dispensationOn",
                  "The date of the dispensation for interest " + (i + 1),
                  errors)));
    }
    List<DecisionDocument> documents = new ArrayList<>();
    for (int i = 0; i < rows(f, "documents"); i++) {
      String p = "documents[" + i + "].";
      documents.add(
          new DecisionDocument(
              f.getFirst(p + "title"),
              f.getFirst(p + "url"),
              paragraph(
                  f,
                  p + "exemptParagraph",
                  "Choose the paragraph document " + (i + 1) + " is exempt under",
                  errors)));
    }
    return new DecisionDetails(
        new DecisionIssue(
            f.getFirst("issue.title"),
            f.getFirst("issue.summary"),
            f.getOrDefault("issue.wards", List.of())),
        new DecisionMaker(
            kind,
            f.getFirst("decisionMaker.name"),
            members == null ? List.of() : Arrays.asList(members.split("\\R"))),
        date(f, "meetingDate", "The date of the meeting", errors),
        f.getFirst("introducedBy"),
        date(f, "decisionDate", "The date of the decision", errors),
        null,
        "yes".equals(f.getFirst("keyDecision")),
        !"no".equals(f.getFirst("subjectToCallIn")),
        new KeyDecisionNotice(
            date(f, "forwardPlanPublished", "The date of the forward-plan notice", errors),
            date(f, "generalExceptionNotice", "The date of the general-exception notice", errors),
            date(f, "scrutinyChairInformed", "The date the scrutiny chair was informed", errors),
            f.getFirst("specialUrgencyAgreedBy"),
            date(f, "specialUrgencyAgreedOn", "The date special urgency was agreed", errors)),
        f.getFirst("purpose"),
        items,
        f.getFirst("reasons"),
        options,
        f.getFirst("declarations"),
        interests,
        documents,
        exemption(f, errors));
  }

  /** The exempt-information fieldset: none unless 'part' or 'whole' is chosen. */
  private static Exemption exemption(MultiValueMap<String, String> f, Errors errors) {
    String extent = f.getFirst("exemption.extent");
    if (extent == null || extent.isBlank() || extent.equals("none")) {
      return null;
    }
    Exemption.Extent chosen;
    try {
      chosen = Exemption.Extent.valueOf(extent);
    } catch (IllegalArgumentException e) {
      errors.reject("exemption.extent", "Choose whether none, part or all of it is exempt");
      return null;
    }
    return new Exemption(
        chosen,
        paragraph(
            f, "exemption.paragraph", "Choose the paragraph of Schedule 12A relied on", errors),
        f.getFirst("exemption.exemptPart"));
  }

  /** The paragraphs of Schedule 12A for a select: number to label. */
  static Map<String, String> paragraphs() {
    Map<String, String> out = new LinkedHashMap<>();
    for (ExemptParagraph x : ExemptParagraph.values()) {
      out.put(String.valueOf(x.number()), x.label());
    }
    return out;
  }

  static ExemptParagraph paragraph(
      MultiValueMap<String, String> f, String name, String message, Errors errors) {
    String raw = f.getFirst(name);
    if (raw == null || raw.isBlank()) {
      return null;
    }
    try {
      return ExemptParagraph.of(Integer.valueOf(raw.strip()));
    } catch (IllegalArgumentException e) {
      errors.reject(name, message);
      return null;
    }
  }

  /** The form filled in from a stored decision, for changing or correcting it. */
  static MultiValueMap<String, String> of(DecisionDetails d, int version) {
    MultiValueMap<String, String> f = new LinkedMultiValueMap<>();
    f.add("issue.title", d.issue().title());
    f.add("issue.summary", d.issue().summary());
    f.put("issue.wards", new ArrayList<>(d.issue().wards()));
    f.add("decisionMaker.kind", d.decisionMaker().kind().name());
    f.add("decisionMaker.name", d.decisionMaker().name());
    f.add("decisionMaker.members", String.join("\n", d.decisionMaker().members()));
    put(f, "meetingDate", d.meetingDate());
    f.add("introducedBy", d.introducedBy());
    put(f, "decisionDate", d.decisionDate());
    f.add("keyDecision", d.keyDecision() ? "yes" : "no");
    f.add("subjectToCallIn", d.subjectToCallIn() ? "yes" : "no");
    KeyDecisionNotice n = d.keyDecisionNotice();
    put(f, "forwardPlanPublished", n.forwardPlanPublished());
    put(f, "generalExceptionNotice", n.generalExceptionNotice());
    put(f, "scrutinyChairInformed", n.scrutinyChairInformed());
    f.add("specialUrgencyAgreedBy", n.specialUrgencyAgreedBy());
    put(f, "specialUrgencyAgreedOn", n.specialUrgencyAgreedOn());
    f.add("purpose", d.purpose());
    f.add("reasons", d.reasons());
    f.add("declarations", d.declarations());
    for (int i = 0; i < d.items().size(); i++) {
      DecisionItem item = d.items().get(i);
      String p = "items[" + i + "].";
      f.add(p + "verb", item.verb().name());
      f.add(p + "text", item.text());
      f.add(p + "amount", Money.plain(item.amountPence()));
      f.add(p + "financialYear", item.financialYear());
      f.add(p + "fundingSource", item.fundingSource());
      f.add(p + "referredTo", item.referredTo());
      put(f, p + "referralDate", item.referralDate());
    }
    for (int i = 0; i < d.alternativeOptions().size(); i++) {
      RejectedOption o = d.alternativeOptions().get(i);
      f.add("alternativeOptions[" + i + "].option", o.option());
      f.add("alternativeOptions[" + i + "].whyRejected", o.whyRejected());
    }
    for (int i = 0; i < d.interests().size(); i++) {
      DeclaredInterest x = d.interests().get(i);
      String p = "interests[" + i + "].";
      f.add(p + "member", x.member());
      f.add(p + "kind", x.kind() == null ? null : x.kind().name());
      f.add(p + "interest", x.interest());
      f.add(p + "dispensationBy", x.dispensationBy());
      put(f, p + "dispensationOn", x.dispensationOn());
    }
    for (int i = 0; i < d.documents().size(); i++) {
      DecisionDocument doc = d.documents().get(i);
      f.add("documents[" + i + "].title", doc.title());
      f.add("documents[" + i + "].url", doc.url());
      f.add(
          "documents[" + i + "].exemptParagraph",
          doc.exempt() ? String.valueOf(doc.exemptParagraph().number()) : null);
    }
    Exemption e = d.exemption();
    f.add("exemption.extent", e == null ? "none" : e.extent().name());
    f.add(
        "exemption.paragraph",
        e == null || e.paragraph() == null ? null : String.valueOf(e.paragraph().number()));
    f.add("exemption.exemptPart", e == null ? null : e.exemptPart());
    f.set("items-count", String.valueOf(d.items().size()));
    f.set("alternativeOptions-count", String.valueOf(d.alternativeOptions().size()));
    f.set("interests-count", String.valueOf(d.interests().size()));
    f.set("documents-count", String.valueOf(d.documents().size()));
    f.add("version", String.valueOf(version));
    return f;
  }

  /** The register calls an item's amount {@code amountPence}; the form asks for pounds. */
  static Map<String, String> formErrors(Map<String, String> errors) {
    Map<String, String> out = new LinkedHashMap<>();
    errors.forEach((k, v) -> out.putIfAbsent(k.replace(".amountPence", ".amount"), v));
    return out;
  }

  private static void put(MultiValueMap<String, String> f, String name, LocalDate date) {
    DateInputs.fill(f, name, date);
  }

  /** A GOV.UK date input (name-day, -month, -year); null when all three are empty. */
  static LocalDate date(MultiValueMap<String, String> f, String name, String what, Errors errors) {
    return DateInputs.read(f, name, what + " must be a real date, like 15 12 2017", errors);
  }
}
