// SPDX-License-Identifier: AGPL-3.0-or-later
package org.borough.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.borough.identity.Permission.ADDRESS_LOOKUP;
import static org.borough.identity.Permission.AUDIT_READ;
import static org.borough.identity.Permission.BREACH_LOG;
import static org.borough.identity.Permission.BUDGET_ACTUALS_RECORD;
import static org.borough.identity.Permission.CASE_BULK;
import static org.borough.identity.Permission.CASE_NOTE;
import static org.borough.identity.Permission.CASE_RAISE;
import static org.borough.identity.Permission.CASE_READ;
import static org.borough.identity.Permission.CASE_WORK;
import static org.borough.identity.Permission.CATALOGUE_ADMIN;
import static org.borough.identity.Permission.CATALOGUE_READ;
import static org.borough.identity.Permission.COMPLAINT_HANDLE;
import static org.borough.identity.Permission.COMPLAINT_REPORT;
import static org.borough.identity.Permission.CONTACT_LOG;
import static org.borough.identity.Permission.DECISION_PUBLISH;
import static org.borough.identity.Permission.DECISION_RECORD;
import static org.borough.identity.Permission.ENQUIRY_RAISE;
import static org.borough.identity.Permission.ENQUIRY_RESPOND;
import static org.borough.identity.Permission.GAZETTEER_ADMIN;
import static org.borough.identity.Permission.INFORMATION_REQUEST_HANDLE;
import static org.borough.identity.Permission.PORTFOLIO_MANAGE;
import static org.borough.identity.Permission.PORTFOLIO_READ;
import static org.borough.identity.Permission.RESIDENT_MERGE;
import static org.borough.identity.Permission.RESIDENT_READ;
import static org.borough.identity.Permission.RESIDENT_WRITE;
import static org.borough.identity.Permission.SATISFACTION_REPORT;
import static org.borough.identity.Permission.STAFF_ADMIN;
import static org.borough.identity.Permission.SUBJECT_ACCESS;
import static org.borough.identity.Permission.WARD_CASES_READ;
import static org.borough.identity.Permission.WAREHOUSE_ADMIN;
import static org.borough.identity.Permission.WAREHOUSE_READ;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.request;

import com.jayway.jsonpath.JsonPath;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.stream.Stream;
import org.borough.support.Fixtures;
import org.borough.support.IntegrationTest;
import org.borough.support.PortalSignIn;
import org.borough.support.ResidentDetailsFor;
import org.borough.support.SessionCookies;
import org.borough.support.SignedIn;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * Tries every endpoint of the application as every role and as an anonymous visitor, and checks
 * that the server allows exactly what {@link Permission} grants. The table below must list every
 * controller mapping: {@link #theTableListsEveryControllerMapping()} fails when a new one appears.
 *
 * <p>'Allowed' means the request got past security (not 401 or 403): with deliberately minimal
 * input the answer may well be 200, 302, 400, 404 or 409, but never a server error.
 */
class RoleMatrixIT extends IntegrationTest {

  private static final HttpMethod GET = HttpMethod.GET;
  private static final HttpMethod POST = HttpMethod.POST;
  private static final HttpMethod PUT = HttpMethod.PUT;

  /** Placeholders in the example URIs, filled from {@link Data}. */
  private static final String RESIDENT = "{resident}";

  private static final String CASE = "{case}";
  private static final String RANDOM = "{random}";
  private static final String DECISION = "{decision}";
  private static final String TEAM = "{team}";

  /**
   * Every endpoint with the permission it needs. {@code anyOf} empty means any signed-in user;
   * {@code open} means anyone, signed in or not. {@code example} is the URI actually requested.
   */
  record Endpoint(
      HttpMethod method, String pattern, String example, Set<Permission> anyOf, boolean open) {

    boolean api() {
      return pattern.startsWith("/api/");
    }

    boolean allows(Role role) {
      return open || anyOf.isEmpty() || anyOf.stream().anyMatch(p -> p.grantedTo(role));
    }

    String key() {
      return method.name() + " " + pattern;
    }

    String needs() {
      if (open) {
        return "public";
      }
      return anyOf.isEmpty()
          ? "signed in"
          : String.join(" or ", anyOf.stream().map(Enum::name).toList());
    }
  }

  static Endpoint needs(HttpMethod method, String pattern, String example, Permission... anyOf) {
    return new Endpoint(method, pattern, example, Set.of(anyOf), false);
  }

  static Endpoint needs(HttpMethod method, String pattern, Permission... anyOf) {
    return needs(method, pattern, pattern, anyOf);
  }

  static Endpoint signedIn(HttpMethod method, String pattern) {
    return new Endpoint(method, pattern, pattern, Set.of(), false);
  }

  static Endpoint open(HttpMethod method, String pattern) {
    return open(method, pattern, pattern);
  }

  static Endpoint open(HttpMethod method, String pattern, String example) {
    return new Endpoint(method, pattern, example, Set.of(), true);
  }

  /** The whole application: console pages, administration and the JSON API. */
  static final List<Endpoint> ENDPOINTS =
      List.of(
          // Console
          signedIn(GET, "/"),
          signedIn(GET, "/account/tokens"),
          signedIn(GET, "/account/password"),
          signedIn(POST, "/account/password"),
          signedIn(GET, "/account/sessions"),
          signedIn(POST, "/account/sessions/end-others"),
          signedIn(GET, "/alerts"),
          signedIn(GET, "/alerts/settings"),
          signedIn(POST, "/alerts/settings"),
          signedIn(POST, "/account/tokens"),
          // MFA is off in this context: every role gets the "not needed" page or is sent back.
          signedIn(GET, "/account/authenticator"),
          signedIn(GET, "/account/authenticator/new"),
          signedIn(GET, "/account/authenticator/recovery-codes"),
          signedIn(POST, "/account/authenticator"),
          signedIn(POST, "/account/authenticator/recovery-codes"),
          signedIn(GET, "/sign-in/code"),
          signedIn(GET, "/webauthn/register"),
          signedIn(GET, "/login"),
          new Endpoint(
              POST, "/webauthn/register/{id}", "/webauthn/register/" + RANDOM, Set.of(), false),
          new Endpoint(
              POST,
              "/account/tokens/{id}/revoke",
              "/account/tokens/" + RANDOM + "/revoke",
              Set.of(),
              false),
          open(GET, "/sign-in"),
          needs(GET, "/residents", RESIDENT_READ),
          needs(GET, "/residents/{id}", "/residents/" + RESIDENT, RESIDENT_READ),
          needs(GET, "/residents/new", RESIDENT_WRITE),
          needs(POST, "/residents/new", RESIDENT_WRITE),
          needs(GET, "/residents/{id}/edit", "/residents/" + RESIDENT + "/edit", RESIDENT_WRITE),
          needs(POST, "/residents/{id}/edit", "/residents/" + RESIDENT + "/edit", RESIDENT_WRITE),
          needs(GET, "/residents/{id}/merge", "/residents/" + RESIDENT + "/merge", RESIDENT_MERGE),
          needs(POST, "/residents/{id}/merge", "/residents/" + RESIDENT + "/merge", RESIDENT_MERGE),
          needs(
              POST,
              "/residents/{id}/phones/remove",
              "/residents/" + RESIDENT + "/phones/remove?phone=%2B447700900000",
              RESIDENT_WRITE),
          needs(
              POST,
              "/residents/{id}/emails/remove",
              "/residents/" + RESIDENT + "/emails/remove?email=nobody%40example.org",
              RESIDENT_WRITE),
          needs(
              GET,
              "/residents/{id}/contacts/new",
              "/residents/" + RESIDENT + "/contacts/new",
              CONTACT_LOG),
          needs(
              POST,
              "/residents/{id}/contacts/new",
              "/residents/" + RESIDENT + "/contacts/new",
              CONTACT_LOG),
          needs(GET, "/contacts/new", CONTACT_LOG),
          needs(POST, "/contacts/new", CONTACT_LOG),
          needs(GET, "/cases/new", CASE_RAISE),
          needs(POST, "/cases/new", CASE_RAISE),
          needs(GET, "/cases/search", "/cases/search?q=bin", CASE_READ),
          needs(GET, "/cases/{reference}", "/cases/" + CASE, CASE_READ),
          needs(POST, "/cases/{reference}/status", "/cases/" + CASE + "/status", CASE_WORK),
          needs(POST, "/cases/{reference}/notes", "/cases/" + CASE + "/notes", CASE_NOTE),
          needs(POST, "/cases/{reference}/reply", "/cases/" + CASE + "/reply", CASE_NOTE),
          needs(POST, "/cases/{reference}/assign", "/cases/" + CASE + "/assign", CASE_WORK),
          needs(GET, "/cases/{reference}/details", "/cases/" + CASE + "/details", CASE_WORK),
          needs(POST, "/cases/{reference}/details", "/cases/" + CASE + "/details", CASE_WORK),
          needs(
              POST, "/cases/{reference}/attachments", "/cases/" + CASE + "/attachments", CASE_NOTE),
          needs(
              GET,
              "/cases/{reference}/attachments/{id}",
              "/cases/" + CASE + "/attachments/" + RANDOM,
              CASE_READ),
          needs(GET, "/queues", CASE_READ),
          needs(GET, "/queues/team/{code}", "/queues/team/" + Fixtures.WASTE, CASE_READ),
          needs(GET, "/queues/mine", CASE_WORK),
          needs(POST, "/queues/bulk", CASE_BULK),
          needs(GET, "/services", CATALOGUE_READ),
          needs(GET, "/services/{code}", "/services/" + Fixtures.MISSED_BIN, CATALOGUE_READ),
          // Governance: the public register, and democratic services' pages
          open(GET, "/decisions"),
          new Endpoint(GET, "/decisions/{id}", "/decisions/" + DECISION, Set.of(), true),
          new Endpoint(
              GET,
              "/decisions/{id}/versions/{version}",
              "/decisions/" + DECISION + "/versions/1",
              Set.of(),
              true),
          open(GET, "/decisions.atom"),
          needs(GET, "/governance/decisions", DECISION_RECORD),
          needs(GET, "/governance/decisions/new", DECISION_RECORD),
          needs(POST, "/governance/decisions/new", DECISION_RECORD),
          needs(
              GET,
              "/governance/decisions/{id}",
              "/governance/decisions/" + DECISION,
              DECISION_RECORD),
          needs(
              GET,
              "/governance/decisions/{id}/edit",
              "/governance/decisions/" + DECISION + "/edit",
              DECISION_RECORD),
          needs(
              POST,
              "/governance/decisions/{id}/edit",
              "/governance/decisions/" + DECISION + "/edit",
              DECISION_RECORD),
          needs(
              POST,
              "/governance/decisions/{id}/publish",
              "/governance/decisions/" + RANDOM + "/publish",
              DECISION_PUBLISH),
          needs(
              POST,
              "/governance/decisions/{id}/superseded-by",
              "/governance/decisions/" + RANDOM + "/superseded-by",
              DECISION_PUBLISH),
          needs(
              GET,
              "/governance/decisions/{id}/call-in",
              "/governance/decisions/" + DECISION + "/call-in",
              DECISION_PUBLISH),
          needs(
              POST,
              "/governance/decisions/{id}/call-in",
              "/governance/decisions/" + DECISION + "/call-in",
              DECISION_PUBLISH),
          needs(
              GET,
              "/governance/decisions/{id}/call-in/outcome",
              "/governance/decisions/" + DECISION + "/call-in/outcome",
              DECISION_PUBLISH),
          needs(
              POST,
              "/governance/decisions/{id}/call-in/outcome",
              "/governance/decisions/" + DECISION + "/call-in/outcome",
              DECISION_PUBLISH),
          // Governance: the forward plan, public; notices published by democratic services
          open(GET, "/forward-plan"),
          open(GET, "/forward-plan/{id}", "/forward-plan/" + RANDOM),
          open(GET, "/forward-plan.atom"),
          needs(GET, "/governance/forward-plan", DECISION_RECORD),
          needs(GET, "/governance/forward-plan/new", DECISION_PUBLISH),
          needs(POST, "/governance/forward-plan/new", DECISION_PUBLISH),
          needs(
              GET,
              "/governance/forward-plan/{id}",
              "/governance/forward-plan/" + RANDOM,
              DECISION_RECORD),
          needs(
              POST,
              "/governance/forward-plan/{id}/withdraw",
              "/governance/forward-plan/" + RANDOM + "/withdraw",
              DECISION_PUBLISH),
          needs(
              POST,
              "/governance/forward-plan/{id}/decision",
              "/governance/forward-plan/" + RANDOM + "/decision",
              DECISION_PUBLISH),
          // ICT portfolio: systems, reserves and budget lines; writes go to ids that do not exist
          needs(GET, "/portfolio", PORTFOLIO_READ),
          needs(GET, "/portfolio/systems/new", PORTFOLIO_MANAGE),
          needs(POST, "/portfolio/systems/new", PORTFOLIO_MANAGE),
          needs(GET, "/portfolio/systems/{id}", "/portfolio/systems/" + RANDOM, PORTFOLIO_READ),
          needs(
              GET,
              "/portfolio/systems/{id}/edit",
              "/portfolio/systems/" + RANDOM + "/edit",
              PORTFOLIO_MANAGE),
          needs(
              POST,
              "/portfolio/systems/{id}/edit",
              "/portfolio/systems/" + RANDOM + "/edit",
              PORTFOLIO_MANAGE),
          needs(GET, "/portfolio/reserves/new", PORTFOLIO_MANAGE),
          needs(POST, "/portfolio/reserves/new", PORTFOLIO_MANAGE),
          needs(GET, "/portfolio/reserves/{id}", "/portfolio/reserves/" + RANDOM, PORTFOLIO_READ),
          needs(
              POST,
              "/portfolio/reserves/{id}/contributions",
              "/portfolio/reserves/" + RANDOM + "/contributions",
              PORTFOLIO_MANAGE),
          needs(GET, "/portfolio/budget", PORTFOLIO_READ),
          needs(GET, "/portfolio/actuals/import", BUDGET_ACTUALS_RECORD),
          needs(POST, "/portfolio/actuals/import", BUDGET_ACTUALS_RECORD),
          needs(
              POST,
              "/portfolio/budget-lines/{id}/reverse",
              "/portfolio/budget-lines/" + RANDOM + "/reverse",
              PORTFOLIO_MANAGE),
          needs(
              POST,
              "/api/v1/budget-lines/{id}/reverse",
              "/api/v1/budget-lines/" + RANDOM + "/reverse",
              PORTFOLIO_MANAGE),
          needs(
              POST,
              "/portfolio/budget-lines/{id}/actuals",
              "/portfolio/budget-lines/" + RANDOM + "/actuals",
              BUDGET_ACTUALS_RECORD),
          needs(GET, "/portfolio/budget-lines/new", PORTFOLIO_MANAGE),
          needs(POST, "/portfolio/budget-lines/new", PORTFOLIO_MANAGE),
          needs(
              GET,
              "/portfolio/budget-lines/{id}",
              "/portfolio/budget-lines/" + RANDOM,
              PORTFOLIO_READ),
          needs(
              POST,
              "/portfolio/budget-lines/{id}/approve",
              "/portfolio/budget-lines/" + RANDOM + "/approve",
              PORTFOLIO_MANAGE),
          needs(
              POST,
              "/portfolio/budget-lines/{id}/drop",
              "/portfolio/budget-lines/" + RANDOM + "/drop",
              PORTFOLIO_MANAGE),
          // Administration
          needs(GET, "/admin", STAFF_ADMIN, AUDIT_READ, CATALOGUE_ADMIN),
          needs(GET, "/admin/staff", STAFF_ADMIN),
          needs(POST, "/admin/staff", STAFF_ADMIN),
          // Writes go to a member of staff or a team that does not exist: 404 when allowed.
          needs(GET, "/admin/staff/{username}", "/admin/staff/" + Fixtures.AGENT, STAFF_ADMIN),
          needs(POST, "/admin/staff/{username}", "/admin/staff/nobody-" + RANDOM, STAFF_ADMIN),
          needs(
              GET,
              "/admin/staff/{username}/password",
              "/admin/staff/" + Fixtures.AGENT + "/password",
              STAFF_ADMIN),
          needs(
              POST,
              "/admin/staff/{username}/password",
              "/admin/staff/nobody-" + RANDOM + "/password",
              STAFF_ADMIN),
          needs(
              POST,
              "/admin/staff/{username}/authenticator",
              "/admin/staff/nobody-" + RANDOM + "/authenticator",
              STAFF_ADMIN),
          needs(GET, "/admin/teams", STAFF_ADMIN),
          needs(POST, "/admin/teams", STAFF_ADMIN),
          needs(GET, "/admin/teams/{id}", "/admin/teams/" + TEAM, STAFF_ADMIN),
          needs(POST, "/admin/teams/{id}", "/admin/teams/" + RANDOM, STAFF_ADMIN),
          // Catalogue: writes go to a service or question that does not exist, so the shared
          // fixtures stay as they are; an empty new service is refused with errors.
          needs(GET, "/admin/services", CATALOGUE_ADMIN),
          needs(GET, "/admin/services/new", CATALOGUE_ADMIN),
          needs(POST, "/admin/services/new", CATALOGUE_ADMIN),
          needs(
              GET,
              "/admin/services/{code}",
              "/admin/services/" + Fixtures.MISSED_BIN,
              CATALOGUE_ADMIN),
          needs(POST, "/admin/services/{code}", "/admin/services/" + RANDOM, CATALOGUE_ADMIN),
          needs(
              GET,
              "/admin/services/{code}/attributes/new",
              "/admin/services/" + Fixtures.MISSED_BIN + "/attributes/new",
              CATALOGUE_ADMIN),
          needs(
              POST,
              "/admin/services/{code}/attributes/new",
              "/admin/services/" + RANDOM + "/attributes/new",
              CATALOGUE_ADMIN),
          needs(
              GET,
              "/admin/services/{code}/attributes/{attribute}",
              "/admin/services/" + Fixtures.MISSED_BIN + "/attributes/bin_type",
              CATALOGUE_ADMIN),
          needs(
              POST,
              "/admin/services/{code}/attributes/{attribute}",
              "/admin/services/" + Fixtures.MISSED_BIN + "/attributes/" + RANDOM,
              CATALOGUE_ADMIN),
          needs(
              POST,
              "/admin/services/{code}/attributes/{attribute}/move",
              "/admin/services/" + Fixtures.MISSED_BIN + "/attributes/" + RANDOM + "/move",
              CATALOGUE_ADMIN),
          needs(
              POST,
              "/admin/services/{code}/attributes/{attribute}/remove",
              "/admin/services/" + Fixtures.MISSED_BIN + "/attributes/" + RANDOM + "/remove",
              CATALOGUE_ADMIN),
          needs(GET, "/admin/tokens", STAFF_ADMIN),
          needs(POST, "/admin/tokens", STAFF_ADMIN),
          needs(
              POST,
              "/admin/tokens/{id}/revoke",
              "/admin/tokens/" + RANDOM + "/revoke",
              STAFF_ADMIN),
          needs(GET, "/admin/audit", AUDIT_READ),
          needs(GET, "/admin/audit/verify", AUDIT_READ),
          needs(GET, "/admin/audit/export", AUDIT_READ),
          needs(GET, "/admin/bank-holidays", STAFF_ADMIN),
          needs(GET, "/admin/outbox", STAFF_ADMIN),
          needs(GET, "/api/v1/admin/outbox", STAFF_ADMIN),
          needs(GET, "/api/v1/addresses", "/api/v1/addresses?postcode=SE30+1AB", ADDRESS_LOOKUP),
          needs(GET, "/api/v1/addresses/{uprn}", "/api/v1/addresses/100099000001", ADDRESS_LOOKUP),
          needs(POST, "/api/v1/admin/gazetteer", GAZETTEER_ADMIN),
          needs(GET, "/api/v1/admin/ward-boundaries", GAZETTEER_ADMIN),
          needs(GET, "/admin/places", GAZETTEER_ADMIN),
          needs(POST, "/admin/places/gazetteer", GAZETTEER_ADMIN),
          needs(POST, "/admin/places/ward-boundaries", GAZETTEER_ADMIN),
          needs(POST, "/api/v1/admin/ward-boundaries", GAZETTEER_ADMIN),
          needs(GET, "/admin/open311-clients", STAFF_ADMIN),
          needs(POST, "/admin/open311-clients", STAFF_ADMIN),
          needs(
              POST,
              "/admin/open311-clients/{id}/revoke",
              "/admin/open311-clients/" + RANDOM + "/revoke",
              STAFF_ADMIN),
          needs(
              POST,
              "/admin/open311-clients/{id}/update-others",
              "/admin/open311-clients/" + RANDOM + "/update-others",
              STAFF_ADMIN),
          needs(
              POST,
              "/admin/open311-clients/{id}/services",
              "/admin/open311-clients/" + RANDOM + "/services",
              STAFF_ADMIN),
          // Open311 GeoReport v2: public to every role and to anonymous apps; writes carry an
          // api_key (checked by the Open311 module, not by sign-in).
          open(GET, "/open311/discovery.{format}", "/open311/discovery.xml"),
          open(GET, "/open311/v2/services.{format}", "/open311/v2/services.xml"),
          open(
              GET,
              "/open311/v2/services/{code}.{format}",
              "/open311/v2/services/" + Fixtures.MISSED_BIN + ".json"),
          open(GET, "/open311/v2/requests.{format}", "/open311/v2/requests.xml"),
          open(
              POST,
              "/open311/v2/requests.{format}",
              "/open311/v2/requests.xml?api_key=" + Fixtures.OPEN311_KEY),
          open(GET, "/open311/v2/requests/{id}.{format}", "/open311/v2/requests/" + CASE + ".json"),
          open(GET, "/open311/v2/tokens/{token}.{format}", "/open311/v2/tokens/" + CASE + ".xml"),
          open(
              GET,
              "/open311/v2/servicerequestupdates.{format}",
              "/open311/v2/servicerequestupdates.json"),
          open(
              POST,
              "/open311/v2/servicerequestupdates.{format}",
              "/open311/v2/servicerequestupdates.xml?api_key=" + Fixtures.OPEN311_KEY),
          open(POST, "/callbacks/notify/delivery-receipts"),
          open(GET, "/open311/**", "/open311/v3/nothing.xml"),
          open(POST, "/open311/**", "/open311/v3/nothing.xml"),
          open(PUT, "/open311/**", "/open311/v2/requests.xml"),
          open(HttpMethod.PATCH, "/open311/**", "/open311/v2/requests.xml"),
          open(HttpMethod.DELETE, "/open311/**", "/open311/v2/requests.xml"),
          needs(POST, "/admin/bank-holidays", STAFF_ADMIN),
          needs(GET, "/admin/mailboxes", STAFF_ADMIN),
          needs(GET, "/admin/warehouse", WAREHOUSE_ADMIN),
          needs(POST, "/admin/warehouse/rebuild", WAREHOUSE_ADMIN),
          needs(POST, "/admin/warehouse/parquet", WAREHOUSE_ADMIN),
          needs(POST, "/api/v1/admin/backups", Permission.SYSTEM_BACKUP),
          needs(GET, "/api/v1/audit/verify", AUDIT_READ),
          needs(
              GET,
              "/api/v1/residents/{id}/subject-access",
              "/api/v1/residents/" + RESIDENT + "/subject-access",
              SUBJECT_ACCESS),
          needs(GET, "/privacy/subject-access", SUBJECT_ACCESS),
          needs(
              POST,
              "/api/v1/residents/{id}/erasure",
              "/api/v1/residents/" + RESIDENT + "/erasure",
              Permission.ERASURE),
          needs(GET, "/privacy/erasures", Permission.ERASURE),
          needs(GET, "/privacy/retention", Permission.ERASURE),
          needs(POST, "/privacy/retention/run", Permission.ERASURE),
          needs(GET, "/privacy/processing", SUBJECT_ACCESS),
          open(GET, "/portal/privacy", "/portal/privacy"),
          open(GET, "/portal/accessibility", "/portal/accessibility"),
          open(GET, "/portal/cookies", "/portal/cookies"),
          needs(
              GET,
              "/residents/{id}/erasure",
              "/residents/" + RESIDENT + "/erasure",
              Permission.ERASURE),
          needs(
              POST,
              "/residents/{id}/erasure",
              "/residents/" + RESIDENT + "/erasure",
              Permission.ERASURE),
          needs(
              POST,
              "/residents/{id}/legal-holds",
              "/residents/" + RESIDENT + "/legal-holds",
              Permission.ERASURE),
          needs(
              POST,
              "/residents/{id}/legal-holds/{hold}/lift",
              "/residents/" + RESIDENT + "/legal-holds/" + RANDOM + "/lift",
              Permission.ERASURE),
          needs(GET, "/information-requests", INFORMATION_REQUEST_HANDLE),
          needs(GET, "/information-requests/report", INFORMATION_REQUEST_HANDLE),
          needs(
              GET,
              "/information-requests/{reference}",
              "/information-requests/" + CASE,
              INFORMATION_REQUEST_HANDLE),
          open(GET, "/portal/disclosure-log"),
          needs(
              POST,
              "/information-requests/{reference}/clarification",
              "/information-requests/" + CASE + "/clarification",
              INFORMATION_REQUEST_HANDLE),
          needs(
              POST,
              "/information-requests/{reference}/clarified",
              "/information-requests/" + CASE + "/clarified",
              INFORMATION_REQUEST_HANDLE),
          needs(
              POST,
              "/information-requests/{reference}/extension",
              "/information-requests/" + CASE + "/extension",
              INFORMATION_REQUEST_HANDLE),
          needs(
              POST,
              "/information-requests/{reference}/response",
              "/information-requests/" + CASE + "/response",
              INFORMATION_REQUEST_HANDLE),
          needs(
              POST,
              "/information-requests/{reference}/review",
              "/information-requests/" + CASE + "/review",
              INFORMATION_REQUEST_HANDLE),
          needs(
              POST,
              "/information-requests/{reference}/review-response",
              "/information-requests/" + CASE + "/review-response",
              INFORMATION_REQUEST_HANDLE),
          needs(GET, "/enquiries", ENQUIRY_RAISE),
          needs(GET, "/enquiries/new", ENQUIRY_RAISE),
          needs(POST, "/enquiries", ENQUIRY_RAISE),
          needs(GET, "/enquiries/queue", ENQUIRY_RESPOND),
          needs(
              GET, "/enquiries/{reference}", "/enquiries/" + CASE, ENQUIRY_RAISE, ENQUIRY_RESPOND),
          needs(
              POST,
              "/enquiries/{reference}/answer",
              "/enquiries/" + CASE + "/answer",
              ENQUIRY_RESPOND),
          needs(GET, "/wards", WARD_CASES_READ),
          needs(GET, "/admin/councillors", STAFF_ADMIN),
          needs(POST, "/admin/councillors/{username}", "/admin/councillors/nobody", STAFF_ADMIN),
          needs(GET, "/api/v1/enquiries", ENQUIRY_RAISE),
          needs(POST, "/api/v1/enquiries", ENQUIRY_RAISE),
          needs(GET, "/api/v1/enquiries/waiting", ENQUIRY_RESPOND),
          needs(
              GET,
              "/api/v1/enquiries/{reference}",
              "/api/v1/enquiries/" + CASE,
              ENQUIRY_RAISE,
              ENQUIRY_RESPOND),
          needs(
              POST,
              "/api/v1/enquiries/{reference}/answer",
              "/api/v1/enquiries/" + CASE + "/answer",
              ENQUIRY_RESPOND),
          needs(GET, "/complaints", COMPLAINT_HANDLE),
          needs(GET, "/complaints/report", COMPLAINT_REPORT),
          needs(GET, "/complaints/report.csv", COMPLAINT_REPORT),
          needs(GET, "/complaints/{reference}", "/complaints/" + CASE, COMPLAINT_HANDLE),
          needs(
              POST,
              "/complaints/{reference}/acknowledgement",
              "/complaints/" + CASE + "/acknowledgement",
              COMPLAINT_HANDLE),
          needs(
              POST,
              "/complaints/{reference}/extension",
              "/complaints/" + CASE + "/extension",
              COMPLAINT_HANDLE),
          needs(
              POST,
              "/complaints/{reference}/response",
              "/complaints/" + CASE + "/response",
              COMPLAINT_HANDLE),
          needs(
              POST,
              "/complaints/{reference}/escalation",
              "/complaints/" + CASE + "/escalation",
              COMPLAINT_HANDLE),
          needs(
              POST,
              "/complaints/{reference}/links",
              "/complaints/" + CASE + "/links",
              COMPLAINT_HANDLE),
          needs(
              POST,
              "/complaints/{reference}/referral",
              "/complaints/" + CASE + "/referral",
              COMPLAINT_HANDLE),
          needs(GET, "/privacy/breaches", BREACH_LOG),
          needs(GET, "/privacy/breaches/new", BREACH_LOG),
          needs(POST, "/privacy/breaches", BREACH_LOG),
          needs(GET, "/privacy/breaches/{id}", "/privacy/breaches/" + RANDOM, BREACH_LOG),
          needs(
              POST,
              "/privacy/breaches/{id}/assessment",
              "/privacy/breaches/" + RANDOM + "/assessment",
              BREACH_LOG),
          needs(
              POST,
              "/privacy/breaches/{id}/ico",
              "/privacy/breaches/" + RANDOM + "/ico",
              BREACH_LOG),
          needs(
              POST,
              "/privacy/breaches/{id}/people",
              "/privacy/breaches/" + RANDOM + "/people",
              BREACH_LOG),
          needs(
              POST,
              "/privacy/breaches/{id}/notes",
              "/privacy/breaches/" + RANDOM + "/notes",
              BREACH_LOG),
          needs(
              POST,
              "/privacy/breaches/{id}/close",
              "/privacy/breaches/" + RANDOM + "/close",
              BREACH_LOG),
          needs(
              GET,
              "/residents/{id}/subject-access",
              "/residents/" + RESIDENT + "/subject-access",
              SUBJECT_ACCESS),
          needs(
              POST,
              "/residents/{id}/subject-access",
              "/residents/" + RESIDENT + "/subject-access",
              SUBJECT_ACCESS),
          needs(
              GET,
              "/residents/{id}/subject-access/pack",
              "/residents/" + RESIDENT + "/subject-access/pack",
              SUBJECT_ACCESS),
          needs(
              POST,
              "/privacy/subject-access/{request}/answered",
              "/privacy/subject-access/" + RANDOM + "/answered",
              SUBJECT_ACCESS),
          // Warehouse
          needs(GET, "/warehouse/data-quality", WAREHOUSE_READ),
          // The resident portal: public pages and forms (CSRF still applies).
          open(GET, "/portal"),
          open(GET, "/portal/report/start", "/portal/report/start?service=" + Fixtures.MISSED_BIN),
          open(GET, "/portal/report/service"),
          open(POST, "/portal/report/service"),
          open(GET, "/portal/report/location"),
          open(POST, "/portal/report/location"),
          open(GET, "/portal/report/nearby"),
          open(POST, "/portal/report/nearby"),
          open(GET, "/portal/report/questions/{code}", "/portal/report/questions/bin_type"),
          open(POST, "/portal/report/questions/{code}", "/portal/report/questions/bin_type"),
          open(GET, "/portal/report/description"),
          open(POST, "/portal/report/description"),
          open(GET, "/portal/report/photos"),
          open(POST, "/portal/report/photos"),
          open(GET, "/portal/report/contact"),
          open(POST, "/portal/report/contact"),
          open(GET, "/portal/report/following"),
          open(GET, "/portal/report/check"),
          open(POST, "/portal/report/check"),
          open(GET, "/portal/report/confirmation"),
          open(GET, "/portal/track"),
          open(POST, "/portal/track"),
          open(GET, "/portal/track/{reference}", "/portal/track/" + CASE),
          // Resident accounts: asking for and using a sign-in link is public; the account's own
          // pages are public to security but show nothing without a resident session.
          open(GET, "/portal/sign-in"),
          open(POST, "/portal/sign-in"),
          open(GET, "/portal/sign-in/sent"),
          open(GET, "/portal/sign-in/link", "/portal/sign-in/link?token=nothing"),
          open(POST, "/portal/sign-in/link"),
          open(GET, "/portal/claim", "/portal/claim?token=nothing"),
          open(POST, "/portal/claim"),
          open(GET, "/portal/feedback", "/portal/feedback?token=nothing"),
          open(POST, "/portal/feedback"),
          needs(GET, "/satisfaction", SATISFACTION_REPORT),
          needs(GET, "/api/v1/satisfaction", SATISFACTION_REPORT),
          open(POST, "/portal/sign-out"),
          open(GET, "/portal/account"),
          open(GET, "/portal/account/preferences"),
          open(POST, "/portal/account/preferences"),
          needs(GET, "/warehouse/dashboards", WAREHOUSE_READ),
          needs(
              GET,
              "/warehouse/dashboards/{name}",
              "/warehouse/dashboards/overview",
              WAREHOUSE_READ),
          needs(
              GET,
              "/warehouse/kpis/{kpi}.csv",
              "/warehouse/kpis/volume-by-month.csv",
              WAREHOUSE_READ),
          needs(
              GET,
              "/warehouse/kpis/{kpi}.xlsx",
              "/warehouse/kpis/volume-by-month.xlsx",
              WAREHOUSE_READ),
          needs(
              GET,
              "/warehouse/cases",
              "/warehouse/cases?kpi=volume-by-service&key=" + Fixtures.MISSED_BIN,
              WAREHOUSE_READ),
          needs(
              GET,
              "/warehouse/cases.csv",
              "/warehouse/cases.csv?kpi=volume-by-service&key=" + Fixtures.MISSED_BIN,
              WAREHOUSE_READ),
          needs(
              GET,
              "/warehouse/cases.xlsx",
              "/warehouse/cases.xlsx?kpi=volume-by-service&key=" + Fixtures.MISSED_BIN,
              WAREHOUSE_READ),
          // The SQL page: an empty query is refused (400) and saved queries that do not exist 404
          needs(GET, "/warehouse/sql", "/warehouse/sql?sql=select%201", WAREHOUSE_READ),
          needs(POST, "/warehouse/sql", WAREHOUSE_READ),
          needs(POST, "/warehouse/sql.csv", WAREHOUSE_READ),
          needs(POST, "/warehouse/sql.xlsx", WAREHOUSE_READ),
          needs(POST, "/warehouse/sql/saved", WAREHOUSE_READ),
          needs(
              POST, "/warehouse/sql/saved/{id}", "/warehouse/sql/saved/" + RANDOM, WAREHOUSE_READ),
          needs(
              POST,
              "/warehouse/sql/saved/{id}/delete",
              "/warehouse/sql/saved/" + RANDOM + "/delete",
              WAREHOUSE_READ),
          // JSON API
          needs(GET, "/api/v1/residents", "/api/v1/residents?q=zz", RESIDENT_READ),
          needs(POST, "/api/v1/residents", RESIDENT_WRITE),
          needs(GET, "/api/v1/residents/{id}", "/api/v1/residents/" + RESIDENT, RESIDENT_READ),
          needs(
              PUT,
              "/api/v1/residents/{id}",
              "/api/v1/residents/" + RESIDENT + "?version=0",
              RESIDENT_WRITE),
          needs(
              GET,
              "/api/v1/residents/{id}/cases",
              "/api/v1/residents/" + RESIDENT + "/cases",
              CASE_READ),
          needs(
              GET,
              "/api/v1/residents/{id}/contacts",
              "/api/v1/residents/" + RESIDENT + "/contacts",
              RESIDENT_READ),
          needs(POST, "/api/v1/contacts", CONTACT_LOG),
          needs(GET, "/api/v1/contacts/{id}", "/api/v1/contacts/" + RANDOM, RESIDENT_READ),
          needs(POST, "/api/v1/cases", CASE_RAISE),
          needs(GET, "/api/v1/information-requests", INFORMATION_REQUEST_HANDLE),
          needs(GET, "/api/v1/information-requests/report", INFORMATION_REQUEST_HANDLE),
          needs(
              GET,
              "/api/v1/information-requests/{reference}",
              "/api/v1/information-requests/" + CASE,
              INFORMATION_REQUEST_HANDLE),
          needs(
              POST,
              "/api/v1/information-requests/{reference}/clarification",
              "/api/v1/information-requests/" + CASE + "/clarification",
              INFORMATION_REQUEST_HANDLE),
          needs(
              POST,
              "/api/v1/information-requests/{reference}/clarified",
              "/api/v1/information-requests/" + CASE + "/clarified",
              INFORMATION_REQUEST_HANDLE),
          needs(
              POST,
              "/api/v1/information-requests/{reference}/extension",
              "/api/v1/information-requests/" + CASE + "/extension",
              INFORMATION_REQUEST_HANDLE),
          needs(
              POST,
              "/api/v1/information-requests/{reference}/response",
              "/api/v1/information-requests/" + CASE + "/response",
              INFORMATION_REQUEST_HANDLE),
          needs(
              POST,
              "/api/v1/information-requests/{reference}/review",
              "/api/v1/information-requests/" + CASE + "/review",
              INFORMATION_REQUEST_HANDLE),
          needs(
              POST,
              "/api/v1/information-requests/{reference}/review-response",
              "/api/v1/information-requests/" + CASE + "/review-response",
              INFORMATION_REQUEST_HANDLE),
          needs(GET, "/api/v1/complaints", COMPLAINT_HANDLE),
          needs(GET, "/api/v1/complaints/report", COMPLAINT_REPORT),
          needs(
              GET,
              "/api/v1/complaints/{reference}",
              "/api/v1/complaints/" + CASE,
              COMPLAINT_HANDLE),
          needs(
              POST,
              "/api/v1/complaints/{reference}/acknowledgement",
              "/api/v1/complaints/" + CASE + "/acknowledgement",
              COMPLAINT_HANDLE),
          needs(
              POST,
              "/api/v1/complaints/{reference}/extension",
              "/api/v1/complaints/" + CASE + "/extension",
              COMPLAINT_HANDLE),
          needs(
              POST,
              "/api/v1/complaints/{reference}/response",
              "/api/v1/complaints/" + CASE + "/response",
              COMPLAINT_HANDLE),
          needs(
              POST,
              "/api/v1/complaints/{reference}/escalation",
              "/api/v1/complaints/" + CASE + "/escalation",
              COMPLAINT_HANDLE),
          needs(
              POST,
              "/api/v1/complaints/{reference}/links",
              "/api/v1/complaints/" + CASE + "/links",
              COMPLAINT_HANDLE),
          needs(
              POST,
              "/api/v1/complaints/{reference}/referral",
              "/api/v1/complaints/" + CASE + "/referral",
              COMPLAINT_HANDLE),
          needs(GET, "/api/v1/cases", "/api/v1/cases?q=bin", CASE_READ),
          needs(GET, "/api/v1/cases/{reference}", "/api/v1/cases/" + CASE, CASE_READ),
          needs(
              POST,
              "/api/v1/cases/{reference}/status",
              "/api/v1/cases/" + CASE + "/status",
              CASE_WORK),
          needs(
              POST,
              "/api/v1/cases/{reference}/notes",
              "/api/v1/cases/" + CASE + "/notes",
              CASE_NOTE),
          needs(
              POST,
              "/api/v1/cases/{reference}/assign",
              "/api/v1/cases/" + CASE + "/assign",
              CASE_WORK),
          needs(
              POST,
              "/api/v1/cases/{reference}/details",
              "/api/v1/cases/" + CASE + "/details",
              CASE_WORK),
          needs(POST, "/api/v1/cases/bulk", CASE_BULK),
          needs(GET, "/api/v1/services", CATALOGUE_READ),
          needs(
              GET,
              "/api/v1/services/{code}",
              "/api/v1/services/" + Fixtures.MISSED_BIN,
              CATALOGUE_READ),
          needs(POST, "/api/v1/services", CATALOGUE_ADMIN),
          needs(PUT, "/api/v1/services/{code}", "/api/v1/services/" + RANDOM, CATALOGUE_ADMIN),
          needs(GET, "/api/v1/wards", CATALOGUE_READ),
          open(GET, "/api/v1/decisions"),
          new Endpoint(
              GET, "/api/v1/decisions/{id}", "/api/v1/decisions/" + DECISION, Set.of(), true),
          needs(POST, "/api/v1/decisions", DECISION_RECORD),
          needs(
              POST,
              "/api/v1/decisions/{id}/publish",
              "/api/v1/decisions/" + RANDOM + "/publish",
              DECISION_PUBLISH),
          needs(
              POST,
              "/api/v1/decisions/{id}/call-in",
              "/api/v1/decisions/" + DECISION + "/call-in",
              DECISION_PUBLISH),
          needs(
              POST,
              "/api/v1/decisions/{id}/call-in/outcome",
              "/api/v1/decisions/" + DECISION + "/call-in/outcome",
              DECISION_PUBLISH),
          needs(
              POST,
              "/api/v1/decisions/{id}/superseded-by",
              "/api/v1/decisions/" + RANDOM + "/superseded-by",
              DECISION_PUBLISH),
          needs(POST, "/api/v1/decisions/import", DECISION_PUBLISH),
          open(GET, "/api/v1/forward-plan"),
          open(GET, "/api/v1/forward-plan/{id}", "/api/v1/forward-plan/" + RANDOM),
          needs(POST, "/api/v1/forward-plan", DECISION_PUBLISH),
          needs(
              POST,
              "/api/v1/forward-plan/{id}/withdraw",
              "/api/v1/forward-plan/" + RANDOM + "/withdraw",
              DECISION_PUBLISH),
          needs(
              POST,
              "/api/v1/forward-plan/{id}/decision",
              "/api/v1/forward-plan/" + RANDOM + "/decision",
              DECISION_PUBLISH),
          needs(GET, "/api/v1/systems", PORTFOLIO_READ),
          needs(GET, "/api/v1/systems/catch-up", PORTFOLIO_READ),
          needs(GET, "/api/v1/systems/{id}", "/api/v1/systems/" + RANDOM, PORTFOLIO_READ),
          needs(POST, "/api/v1/systems", PORTFOLIO_MANAGE),
          needs(
              PUT,
              "/api/v1/systems/{id}",
              "/api/v1/systems/" + RANDOM + "?version=1",
              PORTFOLIO_MANAGE),
          needs(GET, "/api/v1/reserves", PORTFOLIO_READ),
          needs(GET, "/api/v1/reserves/{id}", "/api/v1/reserves/" + RANDOM, PORTFOLIO_READ),
          needs(POST, "/api/v1/reserves", PORTFOLIO_MANAGE),
          needs(
              POST,
              "/api/v1/reserves/{id}/contributions",
              "/api/v1/reserves/" + RANDOM + "/contributions",
              PORTFOLIO_MANAGE),
          needs(GET, "/api/v1/budget-lines", PORTFOLIO_READ),
          needs(
              GET,
              "/api/v1/budget-lines/{id}/actuals",
              "/api/v1/budget-lines/" + RANDOM + "/actuals",
              PORTFOLIO_READ),
          needs(
              POST,
              "/api/v1/budget-lines/{id}/actuals",
              "/api/v1/budget-lines/" + RANDOM + "/actuals",
              BUDGET_ACTUALS_RECORD),
          needs(POST, "/api/v1/budget-actuals/import", BUDGET_ACTUALS_RECORD),
          needs(GET, "/api/v1/budget-lines/{id}", "/api/v1/budget-lines/" + RANDOM, PORTFOLIO_READ),
          needs(POST, "/api/v1/budget-lines", PORTFOLIO_MANAGE),
          needs(
              POST,
              "/api/v1/budget-lines/{id}/approve",
              "/api/v1/budget-lines/" + RANDOM + "/approve",
              PORTFOLIO_MANAGE),
          needs(
              POST,
              "/api/v1/budget-lines/{id}/drop",
              "/api/v1/budget-lines/" + RANDOM + "/drop",
              PORTFOLIO_MANAGE),
          needs(
              GET,
              "/api/v1/budget-setting",
              "/api/v1/budget-setting?financialYear=2018/19",
              PORTFOLIO_READ),
          needs(GET, "/api/v1/teams", CATALOGUE_READ),
          needs(POST, "/api/v1/teams", STAFF_ADMIN),
          needs(GET, "/api/v1/teams/{id}", "/api/v1/teams/" + RANDOM, CATALOGUE_READ),
          needs(PUT, "/api/v1/teams/{id}", "/api/v1/teams/" + RANDOM, STAFF_ADMIN),
          needs(GET, "/api/v1/staff", STAFF_ADMIN),
          needs(GET, "/api/v1/staff/{username}", "/api/v1/staff/nobody-" + RANDOM, STAFF_ADMIN),
          needs(PUT, "/api/v1/staff/{username}", "/api/v1/staff/nobody-" + RANDOM, STAFF_ADMIN),
          needs(
              PUT,
              "/api/v1/staff/{username}/password",
              "/api/v1/staff/nobody-" + RANDOM + "/password",
              STAFF_ADMIN),
          needs(GET, "/api/v1/warehouse/data-quality", WAREHOUSE_READ),
          needs(GET, "/api/v1/kpis", WAREHOUSE_READ),
          needs(GET, "/api/v1/kpis/{kpi}", "/api/v1/kpis/volume-by-month", WAREHOUSE_READ),
          needs(POST, "/api/v1/warehouse/sql", WAREHOUSE_READ),
          needs(
              GET,
              "/api/v1/teams/{code}/queue",
              "/api/v1/teams/" + Fixtures.WASTE + "/queue",
              CASE_READ));

  /**
   * A resident's own pages: open to Spring Security (residents are not its users), but without a
   * resident session — as any member of staff, or anonymous — they only redirect to the portal's
   * sign-in, so no staff role gains anything from them.
   */
  private static final Set<String> RESIDENT_ONLY =
      Set.of(
          "GET /portal/account",
          "GET /portal/account/preferences",
          "POST /portal/account/preferences");

  /**
   * Calls from another service (GOV.UK Notify's receipts): open to Spring Security, but without the
   * service's own token every caller — any member of staff, a resident, anonymous — gets a 401.
   */
  private static final Set<String> OWN_TOKEN = Set.of("POST /callbacks/notify/delivery-receipts");

  /** The fixture user who holds exactly one role. */
  private static final Map<Role, String> USERS =
      Map.of(
          Role.AGENT, Fixtures.AGENT,
          Role.CASEWORKER, Fixtures.CASEWORKER,
          Role.SUPERVISOR, Fixtures.SUPERVISOR,
          Role.ANALYST, Fixtures.ANALYST,
          Role.ADMIN, Fixtures.ADMIN,
          Role.DEMOCRATIC_SERVICES, Fixtures.DEMOCRATIC_SERVICES,
          Role.FINANCE, Fixtures.FINANCE,
          Role.DATA_PROTECTION_OFFICER, Fixtures.DPO,
          Role.COMPLAINTS_OFFICER, Fixtures.COMPLAINTS_OFFICER,
          Role.COUNCILLOR, Fixtures.COUNCILLOR);

  /** A resident and a case of this test's own, created once per database. */
  private record Data(String resident, String reference, String decision, String team) {}

  private static Data data;

  @Autowired MockMvc mvc;
  @Autowired SignedIn signedIn;
  @Autowired StaffDirectory directory;
  @Autowired org.springframework.jdbc.core.JdbcTemplate jdbc;
  @Autowired org.borough.residents.ResidentManagement residents;

  @Autowired
  @Qualifier("requestMappingHandlerMapping")
  RequestMappingHandlerMapping mappings;

  @TestFactory
  Stream<DynamicTest> everyEndpointAsEveryRole() throws Exception {
    Data d = data();
    List<DynamicTest> tests = new ArrayList<>();
    for (Endpoint e : ENDPOINTS) {
      for (Role role : Role.values()) {
        boolean allowed = e.allows(role);
        tests.add(
            DynamicTest.dynamicTest(
                e.key() + " as " + role + " → " + (allowed ? "allowed" : "denied"),
                () -> checkRole(e, role, allowed, d)));
      }
      String expected = e.open() ? "allowed" : e.api() ? "401" : "sign-in";
      tests.add(
          DynamicTest.dynamicTest(
              e.key() + " as anonymous → " + expected, () -> checkAnonymous(e, d)));
    }
    return tests.stream();
  }

  private void checkRole(Endpoint e, Role role, boolean allowed, Data d) throws Exception {
    MockHttpServletResponse response =
        mvc.perform(requestFor(e, d).with(signedIn.request(USERS.get(role))).with(from(e)))
            .andReturn()
            .getResponse();
    int status = response.getStatus();
    String what = e.key() + " as " + role + " (needs " + e.needs() + ")";
    if (RESIDENT_ONLY.contains(e.key())) {
      assertThat(response.getRedirectedUrl()).as(what).isEqualTo("/portal/sign-in");
    } else if (OWN_TOKEN.contains(e.key())) {
      assertThat(status).as(what + " without the service's token").isEqualTo(401);
    } else if (allowed) {
      assertThat(status).as(what + " should get past security").isNotIn(401, 403);
      assertThat(status).as(what + " answered with a server error").isLessThan(500);
    } else {
      assertThat(status).as(what + " should be refused").isEqualTo(403);
      if (e.api()) {
        assertThat(response.getContentType())
            .as(what + " refusal content type")
            .startsWith(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        assertThat((Integer) JsonPath.read(response.getContentAsString(), "$.status"))
            .isEqualTo(403);
      }
    }
  }

  private void checkAnonymous(Endpoint e, Data d) throws Exception {
    MockHttpServletResponse response =
        mvc.perform(requestFor(e, d).with(from(e))).andReturn().getResponse();
    int status = response.getStatus();
    String what = e.key() + " as anonymous (needs " + e.needs() + ")";
    if (RESIDENT_ONLY.contains(e.key())) {
      assertThat(response.getRedirectedUrl()).as(what).isEqualTo("/portal/sign-in");
    } else if (OWN_TOKEN.contains(e.key())) {
      assertThat(status).as(what + " without the service's token").isEqualTo(401);
    } else if (e.open()) {
      assertThat(status).as(what).isNotIn(401, 403).isLessThan(500);
    } else if (e.api()) {
      assertThat(status).as(what).isEqualTo(401);
      assertThat(response.getContentType())
          .as(what + " content type")
          .startsWith(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
      assertThat((Integer) JsonPath.read(response.getContentAsString(), "$.status")).isEqualTo(401);
    } else {
      assertThat(status).as(what).isEqualTo(302);
      assertThat(response.getRedirectedUrl()).as(what + " redirect").endsWith("/sign-in");
    }
  }

  /**
   * A resident signed in by an emailed link reaches their own pages and the public ones, and no
   * more than an anonymous visitor anywhere else: staff pages send them to the staff sign-in, the
   * API answers 401.
   */
  @Test
  void aResidentSessionReachesOnlyPublicAndItsOwnPages() throws Exception {
    Data d = data();
    String email = "matrix." + UUID.randomUUID().toString().substring(0, 8) + "@example.org";
    signedIn.as(
        Fixtures.SUPERVISOR,
        () -> residents.register(ResidentDetailsFor.contact("Rhea", "Matrix", email, null)));
    MockHttpSession session = PortalSignIn.signIn(mvc, email, "192.0.2.77");
    for (Endpoint e : ENDPOINTS) {
      if (e.key().equals("POST /portal/sign-out")) {
        continue; // tried last: it ends the session
      }
      MockHttpServletResponse response =
          mvc.perform(requestFor(e, d).session(session).with(PortalSignIn.from("192.0.2.77")))
              .andReturn()
              .getResponse();
      int status = response.getStatus();
      String what = e.key() + " as a signed-in resident";
      if (RESIDENT_ONLY.contains(e.key())) {
        assertThat(status).as(what).isIn(200, 302);
        assertThat(response.getRedirectedUrl()).as(what).isNotEqualTo("/portal/sign-in");
      } else if (OWN_TOKEN.contains(e.key())) {
        assertThat(status).as(what).isEqualTo(401);
      } else if (e.open()) {
        assertThat(status).as(what).isNotIn(401, 403).isLessThan(500);
      } else if (e.api()) {
        assertThat(status).as(what).isEqualTo(401);
      } else {
        assertThat(status).as(what).isEqualTo(302);
        assertThat(response.getRedirectedUrl()).as(what).endsWith("/sign-in");
      }
    }
    String stored = SessionCookies.storedId(session);
    assertThat(
            jdbc.queryForObject(
                "select count(*) from spring_session where session_id = ?", Long.class, stored))
        .isEqualTo(1);
    mvc.perform(
        request(POST, "/portal/sign-out")
            .session(session)
            .with(csrf())
            .with(PortalSignIn.from("192.0.2.77")));
    assertThat(
            jdbc.queryForObject(
                "select count(*) from spring_session where session_id = ?", Long.class, stored))
        .as("the signed-out session is gone")
        .isZero();
  }

  /**
   * Resident-only pages are asked from an address of their own, so that the portal's rate limit,
   * which every test posting from 127.0.0.1 shares, cannot answer for them.
   */
  private static org.springframework.test.web.servlet.request.RequestPostProcessor from(
      Endpoint e) {
    return RESIDENT_ONLY.contains(e.key()) ? PortalSignIn.from("192.0.2.1") : r -> r;
  }

  /** The request with minimal input: JSON '{}' for API writes, empty forms for pages. */
  private static MockHttpServletRequestBuilder requestFor(Endpoint e, Data d) {
    String uri =
        e.example()
            .replace(RESIDENT, d.resident())
            .replace(CASE, d.reference())
            .replace(TEAM, d.team())
            .replace(RANDOM, UUID.randomUUID().toString())
            .replace(DECISION, d.decision());
    MockHttpServletRequestBuilder builder = request(e.method(), uri);
    if (e.method() != GET) {
      builder.with(csrf());
      if (e.api() || OWN_TOKEN.contains(e.key())) {
        builder.contentType(MediaType.APPLICATION_JSON).content("{}");
      }
    }
    // What a browser sends for a page, and what an integration sends for the API.
    builder.accept(e.api() ? MediaType.APPLICATION_JSON : MediaType.TEXT_HTML);
    return builder;
  }

  /** Controller mappings with no row in the table, and rows with no mapping behind them. */
  @Test
  void theTableListsEveryControllerMapping() {
    Set<String> inApp = new TreeSet<>();
    for (Map.Entry<RequestMappingInfo, HandlerMethod> m : mappings.getHandlerMethods().entrySet()) {
      String type = m.getValue().getBeanType().getName();
      if (!type.startsWith("org.borough.")) {
        continue; // BasicErrorController, springdoc's OpenAPI and Swagger UI resources
      }
      Set<RequestMethod> methods = m.getKey().getMethodsCondition().getMethods();
      assertThat(methods)
          .as("%s must say which HTTP method it answers", m.getValue().getShortLogMessage())
          .isNotEmpty();
      for (String pattern : m.getKey().getPatternValues()) {
        for (RequestMethod method : methods) {
          inApp.add(method.name() + " " + pattern);
        }
      }
    }
    Set<String> inTable = new TreeSet<>();
    for (Endpoint e : ENDPOINTS) {
      assertThat(inTable.add(e.key())).as("listed twice: " + e.key()).isTrue();
    }
    Set<String> missing = new TreeSet<>(inApp);
    missing.removeAll(inTable);
    Set<String> stale = new TreeSet<>(inTable);
    stale.removeAll(inApp);
    assertThat(missing).as("controller mappings the role matrix does not test").isEmpty();
    assertThat(stale).as("role matrix rows with no controller mapping").isEmpty();
  }

  /**
   * Every permission guards some endpoint, except VULNERABILITY_READ, which guards data inside the
   * resident endpoints and is tried by {@link #vulnerabilityFlagsAreShownOnlyToPermittedRoles()},
   * and CASE_WORK_ANY_TEAM, which widens the case writes to every team and is tried by {@link
   * #caseworkersWorkOnlyTheirOwnTeamsCases()}.
   */
  @Test
  void theTableExercisesEveryPermission() {
    Set<Permission> used = EnumSet.noneOf(Permission.class);
    ENDPOINTS.forEach(e -> used.addAll(e.anyOf()));
    used.add(Permission.VULNERABILITY_READ);
    used.add(Permission.CASE_WORK_ANY_TEAM);
    assertThat(used).containsExactlyInAnyOrder(Permission.values());
  }

  /**
   * The team half of the matrix, tried by {@link #caseworkersWorkOnlyTheirOwnTeamsCases()}: who may
   * change a highways case, on the console and the API. A caseworker of another team may read it
   * but not work on it; a supervisor (CASE_WORK_ANY_TEAM) rebalances work across teams; an agent
   * adds notes for the residents they speak to.
   */
  private static final Map<String, Boolean> MAY_WORK_ON_A_HIGHWAYS_CASE =
      Map.of(
          Fixtures.HIGHWAYS_CASEWORKER, true,
          Fixtures.CASEWORKER, false,
          Fixtures.SUPERVISOR, true);

  @Test
  void caseworkersWorkOnlyTheirOwnTeamsCases() throws Exception {
    MockHttpServletResponse raised =
        mvc.perform(
                request(POST, "/api/v1/cases")
                    .with(signedIn.request(Fixtures.AGENT))
                    .with(csrf())
                    .contentType(MediaType.APPLICATION_JSON)
                    .content(
                        """
                        {"serviceCode": "%s", "description": "Team matrix pothole"}
                        """
                            .formatted(Fixtures.POTHOLE)))
            .andReturn()
            .getResponse();
    assertThat(raised.getStatus()).as(raised.getContentAsString()).isEqualTo(201);
    String ref = JsonPath.read(raised.getContentAsString(), "$.summary.reference");
    String id = JsonPath.read(raised.getContentAsString(), "$.summary.id");
    String highways =
        directory.findTeamByCode(Fixtures.HIGHWAYS).orElseThrow().id().value().toString();
    for (var who : MAY_WORK_ON_A_HIGHWAYS_CASE.entrySet()) {
      List<MockHttpServletRequestBuilder> writes =
          List.of(
              request(POST, "/cases/" + ref + "/status").param("status", "IN_PROGRESS"),
              request(POST, "/cases/" + ref + "/notes").param("note", "Team matrix"),
              request(POST, "/cases/" + ref + "/assign").param("team", highways),
              request(POST, "/queues/bulk")
                  .param("cases", id)
                  .param("action", "note")
                  .param("bulkNote", "Team matrix"),
              json(POST, "/api/v1/cases/" + ref + "/status", "{\"status\": \"ON_HOLD\"}"),
              json(POST, "/api/v1/cases/" + ref + "/notes", "{\"text\": \"Team matrix\"}"),
              json(POST, "/api/v1/cases/" + ref + "/assign", "{\"teamId\": \"" + highways + "\"}"),
              json(
                  POST,
                  "/api/v1/cases/bulk",
                  "{\"caseIds\": [\"" + id + "\"], \"action\": \"note\", \"note\": \"Team\"}"));
      for (MockHttpServletRequestBuilder write : writes) {
        MockHttpServletResponse response =
            mvc.perform(write.with(signedIn.request(who.getKey())).with(csrf()))
                .andReturn()
                .getResponse();
        String what = response.getContentAsString();
        if (who.getValue()) {
          assertThat(response.getStatus()).as(who.getKey() + ": " + what).isBetween(200, 399);
        } else {
          assertThat(response.getStatus()).as(who.getKey() + ": " + what).isEqualTo(403);
        }
      }
    }
    // Reading it stays allowed to the other team, and is audited like any view.
    mvc.perform(
            request(GET, "/api/v1/cases/" + ref)
                .with(signedIn.request(Fixtures.CASEWORKER))
                .accept(MediaType.APPLICATION_JSON))
        .andExpect(
            org.springframework.test.web.servlet.result.MockMvcResultMatchers.status().isOk());
    // The contact centre notes any case.
    mvc.perform(
            json(POST, "/api/v1/cases/" + ref + "/notes", "{\"text\": \"Resident called\"}")
                .with(signedIn.request(Fixtures.AGENT))
                .with(csrf()))
        .andExpect(
            org.springframework.test.web.servlet.result.MockMvcResultMatchers.status().isOk());
  }

  private static MockHttpServletRequestBuilder json(HttpMethod method, String uri, String body) {
    return request(method, uri)
        .contentType(MediaType.APPLICATION_JSON)
        .accept(MediaType.APPLICATION_JSON)
        .content(body);
  }

  @Test
  void vulnerabilityFlagsAreShownOnlyToPermittedRoles() throws Exception {
    var supervisor = signedIn.request(Fixtures.SUPERVISOR);
    String created =
        mvc.perform(
                request(POST, "/api/v1/residents")
                    .with(supervisor)
                    .with(csrf())
                    .contentType(MediaType.APPLICATION_JSON)
                    .content(
                        """
                        {"forename": "Vera", "surname": "Flagged%s",
                         "vulnerabilities": [{"kind": "HOARDING", "note": "Matrix test"}]}
                        """
                            .formatted(UUID.randomUUID().toString().substring(0, 8))))
            .andReturn()
            .getResponse()
            .getContentAsString();
    String resident = JsonPath.read(created, "$.id");
    for (Role role : Role.values()) {
      if (!Permission.RESIDENT_READ.grantedTo(role)) {
        continue;
      }
      String json =
          mvc.perform(
                  request(GET, "/api/v1/residents/" + resident)
                      .with(signedIn.request(USERS.get(role)))
                      .accept(MediaType.APPLICATION_JSON))
              .andReturn()
              .getResponse()
              .getContentAsString();
      List<Object> flags = JsonPath.read(json, "$.vulnerabilities");
      boolean hidden = JsonPath.read(json, "$.vulnerabilitiesHidden");
      if (Permission.VULNERABILITY_READ.grantedTo(role)) {
        assertThat(flags).as(role + " sees the flags").hasSize(1);
        assertThat(hidden).as(role.name()).isFalse();
      } else {
        assertThat(flags).as(role + " must not see the flags").isEmpty();
        assertThat(hidden).as(role + " is told that flags exist").isTrue();
      }
    }
  }

  /** A published decision (imported, so past its call-in deadline) for the register's routes. */
  private String publishedDecision() throws Exception {
    MockHttpServletResponse imported =
        mvc.perform(
                request(POST, "/api/v1/decisions/import")
                    .with(signedIn.request(Fixtures.DEMOCRATIC_SERVICES))
                    .with(csrf())
                    .contentType(MediaType.APPLICATION_JSON)
                    .content(
                        """
                        {"decisions": [{"issue": {"title": "Role matrix decision"},
                          "decisionMaker": {"kind": "BODY", "name": "Cabinet"},
                          "decisionDate": "2020-01-15", "publicationDate": "2020-01-16",
                          "items": [{"verb": "NOTED", "text": "the role matrix"}],
                          "reasons": "To test every route."}]}
                        """))
            .andReturn()
            .getResponse();
    assertThat(imported.getStatus()).as(imported.getContentAsString()).isEqualTo(201);
    List<String> ids = JsonPath.read(imported.getContentAsString(), "$");
    return ids.get(0);
  }

  private Data data() throws Exception {
    if (data != null) {
      return data;
    }
    var supervisor = signedIn.request(Fixtures.SUPERVISOR);
    String surname = "Matrix" + UUID.randomUUID().toString().substring(0, 8);
    String created =
        mvc.perform(
                request(POST, "/api/v1/residents")
                    .with(supervisor)
                    .with(csrf())
                    .contentType(MediaType.APPLICATION_JSON)
                    .content(
                        """
                        {"forename": "Rolf", "surname": "%s",
                         "addressLine1": "1 Matrix Road", "postcode": "SW1A 1AA"}
                        """
                            .formatted(surname)))
            .andReturn()
            .getResponse()
            .getContentAsString();
    String resident = JsonPath.read(created, "$.id");
    MockHttpServletResponse raised =
        mvc.perform(
                request(POST, "/api/v1/cases")
                    .with(supervisor)
                    .with(csrf())
                    .contentType(MediaType.APPLICATION_JSON)
                    .content(
                        """
                        {"serviceCode": "%s", "residentId": "%s",
                         "description": "Role matrix test case",
                         "answers": {"bin_type": ["general"]}}
                        """
                            .formatted(Fixtures.MISSED_BIN, resident)))
            .andReturn()
            .getResponse();
    assertThat(raised.getStatus()).as(raised.getContentAsString()).isEqualTo(201);
    String location = raised.getHeader("Location");
    String reference = location.substring(location.lastIndexOf('/') + 1);
    String team = directory.findTeamByCode(Fixtures.WASTE).orElseThrow().id().value().toString();
    data = new Data(resident, reference, publishedDecision(), team);
    return data;
  }
}
