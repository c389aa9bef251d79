// SPDX-License-Identifier: AGPL-3.0-or-later
package org.borough.open311;

import java.math.BigDecimal;
import java.net.URI;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.borough.cases.CaseFeed;
import org.borough.cases.CaseFeed.PublicCase;
import org.borough.cases.CaseManagement;
import org.borough.cases.CaseStatus;
import org.borough.cases.CaseView;
import org.borough.cases.CaseView.TimelineEntry;
import org.borough.cases.NewCase;
import org.borough.cases.PublicUpdate;
import org.borough.cases.ReporterProof;
import org.borough.catalogue.ServiceAttribute;
import org.borough.catalogue.ServiceCatalogue;
import org.borough.catalogue.ServiceDefinition;
import org.borough.contacts.ContactLog;
import org.borough.contacts.ContactOutcome;
import org.borough.contacts.Direction;
import org.borough.contacts.NewContact;
import org.borough.open311.Doc.Arr;
import org.borough.open311.Doc.Obj;
import org.borough.open311.Open311Clients.Client;
import org.borough.residents.Channel;
import org.borough.residents.Reporter;
import org.borough.residents.Reporters;
import org.borough.residents.ResidentId;
import org.borough.system.Inputs;
import org.borough.system.InvalidInputException;
import org.borough.system.SystemProperties;
import org.borough.system.UkFormats;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.util.MultiValueMap;

/**
 * GeoReport v2 on top of Borough's modules: reads through {@link CaseFeed} and the catalogue,
 * writes through {@link CaseManagement}, {@link Reporters} and {@link ContactLog}. Every method
 * answers a {@link Doc} or throws an {@link Open311Exception} listing everything wrong.
 */
@Service
class Open311Gateway {

  static final Duration MAX_SPAN = Duration.ofDays(90);
  static final int DEFAULT_LIMIT = 1000;
  private static final Pattern ATTRIBUTE =
      Pattern.compile("attribute\\[([^\\[\\]]{1,40})\\](\\[\\])?");
  private static final Pattern UPRN = Pattern.compile("[0-9]{1,12}");
  private static final Pattern POSTCODE =
      Pattern.compile("([A-Z]{1,2}[0-9][A-Z0-9]? ?[0-9][A-Z]{2})\\s*$", Pattern.CASE_INSENSITIVE);

  /** Borough's error fields in Open311's parameter names. */
  private static final Map<String, String> PARAMETERS =
      Map.ofEntries(
          Map.entry("serviceCode", "service_code"),
          Map.entry("description", "description"),
          Map.entry("latitude", "lat"),
          Map.entry("longitude", "long"),
          Map.entry("address", "address_string"),
          Map.entry("uprn", "address_id"),
          Map.entry("email", "email"),
          Map.entry("phone", "phone"),
          Map.entry("forename", "first_name"),
          Map.entry("surname", "last_name"),
          Map.entry("note", "description"),
          Map.entry("status", "status"),
          Map.entry("duplicateOf", "status"));

  private final ServiceCatalogue catalogue;
  private final CaseManagement cases;
  private final CaseFeed feed;
  private final ContactLog contacts;
  private final Reporters reporters;
  private final ReporterProof proof;
  private final Open311Clients clients;
  private final Open311Properties properties;
  private final JdbcClient jdbc;
  private final Clock clock;
  private final W3cTime time;

  Open311Gateway(
      ServiceCatalogue catalogue,
      CaseManagement cases,
      CaseFeed feed,
      ContactLog contacts,
      Reporters reporters,
      ReporterProof proof,
      Open311Clients clients,
      Open311Properties properties,
      SystemProperties system,
      JdbcClient jdbc,
      Clock clock) {
    this.catalogue = catalogue;
    this.cases = cases;
    this.feed = feed;
    this.contacts = contacts;
    this.reporters = reporters;
    this.proof = proof;
    this.clients = clients;
    this.properties = properties;
    this.jdbc = jdbc;
    this.clock = clock;
    this.time = new W3cTime(system.zone());
  }

  W3cTime time() {
    return time;
  }

  // --- who is asking -------------------------------------------------------------------------

  /** Missing and empty are fine (Borough serves one jurisdiction); anything else is not found. */
  void checkJurisdiction(String given) {
    if (given != null && !given.isBlank() && !given.trim().equals(properties.jurisdictionId())) {
      throw Open311Exception.notFound(
          "jurisdiction_id '"
              + clip(given.trim())
              + "' was not found: this endpoint serves '"
              + properties.jurisdictionId()
              + "'");
    }
  }

  Client client(String apiKey) {
    if (apiKey == null || apiKey.isBlank()) {
      throw Open311Exception.forbidden(
          "api_key was not provided: a client application needs one to post");
    }
    Client client =
        clients
            .authenticate(apiKey)
            .orElseThrow(
                () -> Open311Exception.forbidden("api_key is not valid or has been revoked"));
    if (!client.jurisdictionId().equals(properties.jurisdictionId())) {
      throw Open311Exception.forbidden(
          "This api_key was issued for jurisdiction_id '" + client.jurisdictionId() + "'");
    }
    return client;
  }

  // --- services --------------------------------------------------------------------------------

  Doc services() {
    List<Obj> services = new ArrayList<>();
    for (ServiceDefinition s : catalogue.activeServices()) {
      services.add(
          Doc.obj()
              .put("service_code", s.code())
              .put("service_name", s.name())
              .put("description", s.description())
              .put("metadata", !s.attributes().isEmpty())
              .put("type", "realtime")
              .put("keywords", keywords(s))
              .put("group", s.group())
              .put("groups", new Arr("group", List.of(s.group()))));
    }
    return new Doc("services", new Arr("service", services));
  }

  Doc definition(String code) {
    ServiceDefinition service = activeService(code);
    List<Obj> attributes = new ArrayList<>();
    List<ServiceAttribute> ordered = new ArrayList<>(service.attributes());
    ordered.sort(java.util.Comparator.comparingInt(ServiceAttribute::order));
    int order = 0;
    for (ServiceAttribute a : ordered) {
      Obj attribute =
          Doc.obj()
              .put("variable", true)
              .put("code", a.code())
              .put("datatype", a.type().open311())
              .put("required", a.required())
              .put("datatype_description", datatypeDescription(a))
              .put("order", ++order)
              .put("description", a.label());
      if (a.type().hasValues()) {
        attribute.put(
            "values",
            new Arr(
                "value",
                a.values().stream()
                    .map(v -> Doc.obj().put("key", v.key()).put("name", v.name()))
                    .toList()));
      }
      attributes.add(attribute);
    }
    return new Doc(
        "service_definition",
        Doc.obj()
            .put("service_code", service.code())
            .put("attributes", new Arr("attribute", attributes)));
  }

  // --- POST requests ----------------------------------------------------------------------------

  @Transactional
  Doc postRequest(Client client, MultiValueMap<String, String> form) {
    String code = first(form, "service_code");
    if (code == null) {
      throw Open311Exception.badRequest("service_code was not provided");
    }
    ServiceDefinition service = activeService(code);
    if (!client.serves(service.code())) {
      throw Open311Exception.forbidden(
          "service_code '"
              + service.code()
              + "' ("
              + service.name()
              + ") is not one this api_key may report to: "
              + limits(client));
    }
    List<String> errors = new ArrayList<>();
    BigDecimal lat = decimal(form, "lat", errors);
    BigDecimal lon = decimal(form, "long", errors);
    if ((first(form, "lat") == null) != (first(form, "long") == null)) {
      errors.add("lat and long must be sent together");
    }
    String address = first(form, "address_string");
    String addressId = first(form, "address_id");
    Long uprn = null;
    if (addressId != null) {
      if (UPRN.matcher(addressId).matches()) {
        uprn = Long.parseLong(addressId);
      } else {
        errors.add("address_id must be a UPRN (a number of up to 12 digits)");
      }
    }
    boolean point = first(form, "lat") != null && first(form, "long") != null;
    if (!point && address == null && addressId == null) {
      errors.add("A location is required: lat and long, address_string or address_id");
    }
    String description = first(form, "description");
    if (description != null && description.length() > 4000) {
      errors.add(
          "description must be 4000 characters or fewer (it was " + description.length() + ")");
    }
    String mediaUrl = mediaUrl(form, errors);
    String deviceId = limited(form, "device_id", 100, errors);
    String accountId = limited(form, "account_id", 100, errors);
    Map<String, List<String>> answers = attributes(form, service, errors);
    if (!errors.isEmpty()) {
      throw new Open311Exception(400, errors);
    }
    ResidentId reporter = reporter(form);
    String text =
        description != null
            ? description
            : service.name() + ": reported through " + client.name() + " without a description";
    CaseView opened =
        raise(
            new NewCase(
                service.code(),
                reporter,
                text,
                address,
                uprn,
                lat,
                lon,
                null,
                answers,
                null,
                null,
                Channel.APP,
                null));
    if (reporter != null) {
      // The application names its reporter by details it was given, which proves nothing to the
      // resident's own portal account.
      proof.reporterUnproven(opened.id());
    }
    jdbc.sql(
            "insert into open311_request (case_id, reference, client_id, media_url, device_id,"
                + " account_id, address_id, submitted_at) values (?, ?, ?, ?, ?, ?, ?, ?)")
        .params(
            opened.id().value(),
            opened.reference(),
            client.id(),
            mediaUrl,
            deviceId,
            accountId,
            addressId,
            Timestamp.from(clock.instant()))
        .update();
    contacts.log(
        new NewContact(
            reporter,
            opened.reference(),
            Channel.APP,
            Direction.INBOUND,
            null,
            null,
            ContactOutcome.CASE_RAISED,
            "Reported through " + client.name()));
    return new Doc(
        "service_requests",
        new Arr(
            "request",
            List.of(
                Doc.obj()
                    .put("service_request_id", opened.reference())
                    .put("service_notice", serviceNotice(service))
                    .put("account_id", accountId))));
  }

  private CaseView raise(NewCase request) {
    try {
      return cases.open(request);
    } catch (InvalidInputException e) {
      throw invalid(e);
    }
  }

  /**
   * The reporter by the residents module's rules ({@link Reporters#findOrRegister}); null for an
   * anonymous report. An email Borough cannot read is refused in Open311's words.
   */
  private ResidentId reporter(MultiValueMap<String, String> form) {
    String email = first(form, "email");
    if (email != null && UkFormats.email(email).isEmpty()) {
      throw Open311Exception.badRequest(
          "email: enter an email address in the correct format, like name@example.com");
    }
    try {
      return reporters
          .findOrRegister(
              new Reporter(
                  first(form, "first_name"),
                  first(form, "last_name"),
                  email,
                  first(form, "phone"),
                  Channel.APP))
          .orElse(null);
    } catch (InvalidInputException e) {
      throw invalid(e);
    }
  }

  // --- GET requests -----------------------------------------------------------------------------

  Doc requests(MultiValueMap<String, String> params) {
    List<String> errors = new ArrayList<>();
    String ids = first(params, "service_request_id");
    CaseFeed.CaseQuery query;
    if (ids != null) {
      List<String> references = commaList(ids);
      if (references.size() > DEFAULT_LIMIT) {
        throw Open311Exception.badRequest(
            "service_request_id: ask for " + DEFAULT_LIMIT + " requests or fewer at a time");
      }
      query = new CaseFeed.CaseQuery(references, List.of(), null, null, Set.of(), 0, DEFAULT_LIMIT);
    } else {
      List<String> codes = new ArrayList<>();
      String codeList = first(params, "service_code");
      if (codeList != null) {
        for (String code : commaList(codeList)) {
          if (catalogue.find(code).isEmpty()) {
            errors.add("service_code '" + clip(code) + "' is not a service");
          } else {
            codes.add(code);
          }
        }
      }
      Set<CaseStatus> statuses = EnumSet.noneOf(CaseStatus.class);
      String statusList = first(params, "status");
      if (statusList != null) {
        for (String s : commaList(statusList)) {
          switch (s.toLowerCase(Locale.ROOT)) {
            case "open" -> statuses.addAll(CaseStatus.activeStatuses());
            case "closed" ->
                statuses.addAll(EnumSet.complementOf(EnumSet.copyOf(CaseStatus.activeStatuses())));
            default -> errors.add("status '" + clip(s) + "' must be open or closed");
          }
        }
      }
      Instant[] window = window(params, errors);
      int page = positive(params, "page", 1, 100_000, errors);
      int size = positive(params, "page_size", DEFAULT_LIMIT, DEFAULT_LIMIT, errors);
      if (!errors.isEmpty()) {
        throw new Open311Exception(400, errors);
      }
      query =
          new CaseFeed.CaseQuery(
              null, codes, window[0], window[1], statuses, (page - 1) * size, size);
    }
    List<PublicCase> found =
        Open311Principal.call(
            Open311Principal.PUBLIC, Open311Principal.READ, () -> feed.find(query));
    return requestsDoc(found);
  }

  Doc request(String id) {
    CaseFeed.CaseQuery query =
        new CaseFeed.CaseQuery(List.of(id), List.of(), null, null, Set.of(), 0, 1);
    List<PublicCase> found =
        Open311Principal.call(
            Open311Principal.PUBLIC, Open311Principal.READ, () -> feed.find(query));
    if (found.isEmpty()) {
      throw Open311Exception.notFound("service_request_id '" + clip(id) + "' was not found");
    }
    return requestsDoc(found);
  }

  /** Borough answers POST in real time, so a token is the request's own id. */
  Doc token(String token) {
    CaseFeed.CaseQuery query =
        new CaseFeed.CaseQuery(List.of(token), List.of(), null, null, Set.of(), 0, 1);
    List<PublicCase> found =
        Open311Principal.call(
            Open311Principal.PUBLIC, Open311Principal.READ, () -> feed.find(query));
    if (found.isEmpty()) {
      throw Open311Exception.notFound("token '" + clip(token) + "' was not found");
    }
    return new Doc(
        "service_requests",
        new Arr(
            "request",
            List.of(
                Doc.obj()
                    .put("service_request_id", found.get(0).reference())
                    .put("token", token))));
  }

  /**
   * Only cases of published services reach here ({@link CaseFeed#find}), each {@link
   * PublicCase#published() as published}: the street, not the house (no address_id, the postcode's
   * district only, coordinates to about 100 m), and only notes written with a status change.
   *
   * <p>The description is the reporter's own words, and may name or describe a person even on a
   * published service ("the bin of the old lady at 4 is never taken back"). It is published only
   * for requests that an Open311 client raised itself, whose reporter wrote it for a public
   * reporting site; never for a case raised by phone, email, the portal or staff, and never because
   * of the channel a member of staff chose for it, which anyone can change.
   */
  private Doc requestsDoc(List<PublicCase> found) {
    Map<String, String[]> extra =
        open311Details(found.stream().map(PublicCase::reference).toList());
    List<Obj> requests = new ArrayList<>();
    for (PublicCase raw : found) {
      PublicCase c = raw.published();
      String[] details = extra.get(c.reference());
      boolean raisedHere = details != null;
      requests.add(
          Doc.obj()
              .put("service_request_id", c.reference())
              .put("status", StatusMap.standard(c.status()))
              .put("status_notes", c.latestPublicNote())
              .put("service_name", c.serviceName())
              .put("service_code", c.serviceCode())
              .put("description", raisedHere ? raw.description() : null)
              .put("agency_responsible", c.teamName())
              .put(
                  "service_notice",
                  catalogue.find(c.serviceCode()).map(this::serviceNotice).orElse(null))
              .put("requested_datetime", time.format(c.openedAt()))
              .put("updated_datetime", time.format(c.updatedAt()))
              .put("expected_datetime", c.status().active() ? time.format(c.dueAt()) : null)
              .put("address", c.address())
              .put("address_id", null)
              .put("zipcode", district(raw.address()))
              .put("lat", c.latitude())
              .put("long", c.longitude())
              .put("media_url", raisedHere ? details[0] : null));
    }
    return new Doc("service_requests", new Arr("request", requests));
  }

  /** Media URLs of requests that came in through Open311, by reference. */
  private Map<String, String[]> open311Details(List<String> references) {
    if (references.isEmpty()) {
      return Map.of();
    }
    Map<String, String[]> details = new HashMap<>();
    String marks = String.join(",", Collections.nCopies(references.size(), "?"));
    jdbc.sql("select reference, media_url from open311_request where reference in (" + marks + ")")
        .params(new ArrayList<Object>(references))
        .query((rs, i) -> details.put(rs.getString(1), new String[] {rs.getString(2), null}))
        .list();
    return details;
  }

  // --- mySociety: service request updates
  // ---------------------------------------------------------

  Doc updates(MultiValueMap<String, String> params) {
    List<String> errors = new ArrayList<>();
    Instant[] window = window(params, errors);
    if (!errors.isEmpty()) {
      throw new Open311Exception(400, errors);
    }
    var updates =
        Open311Principal.call(
            Open311Principal.PUBLIC,
            Open311Principal.READ,
            () -> feed.updates(window[0], window[1], DEFAULT_LIMIT));
    Map<Long, String> media = updateMedia(updates.stream().map(PublicUpdate::id).toList());
    List<Obj> items = new ArrayList<>();
    for (PublicUpdate u : updates) {
      items.add(
          Doc.obj()
              .put("update_id", Long.toString(u.id()))
              .put("service_request_id", u.reference())
              .put("status", StatusMap.extended(u.status()))
              .put("updated_datetime", time.format(u.at()))
              .put("description", u.text() == null ? "" : u.text())
              .put("media_url", media.getOrDefault(u.id(), ""))
              .put("external_status_code", u.status().name()));
    }
    return new Doc("service_request_updates", new Arr("request_update", items));
  }

  private Map<Long, String> updateMedia(List<Long> ids) {
    if (ids.isEmpty()) {
      return Map.of();
    }
    Map<Long, String> media = new HashMap<>();
    String marks = String.join(",", Collections.nCopies(ids.size(), "?"));
    jdbc.sql(
            "select update_id, media_url from open311_update where media_url is not null"
                + " and update_id in ("
                + marks
                + ")")
        .params(new ArrayList<Object>(ids))
        .query((rs, i) -> media.put(rs.getLong(1), rs.getString(2)))
        .list();
    return media;
  }

  @Transactional
  Doc postUpdate(Client client, MultiValueMap<String, String> form) {
    List<String> errors = new ArrayList<>();
    String reference = first(form, "service_request_id");
    if (reference == null) {
      errors.add("service_request_id was not provided");
    }
    String status = first(form, "status");
    if (status == null) {
      errors.add("status was not provided");
    } else if (!StatusMap.EXTENDED.contains(status.toUpperCase(Locale.ROOT))) {
      errors.add(
          "status '"
              + clip(status)
              + "' is not one of "
              + String.join(", ", StatusMap.EXTENDED.stream().sorted().toList()));
    }
    String updatedAt = first(form, "updated_datetime");
    if (updatedAt != null && time.parse(updatedAt).isEmpty()) {
      errors.add("updated_datetime must be a W3C datetime, like 2026-03-27T14:05:00+00:00");
    }
    String description = first(form, "description");
    if (description != null && description.length() > 4000) {
      errors.add(
          "description must be 4000 characters or fewer (it was " + description.length() + ")");
    }
    String clientUpdateId = limited(form, "update_id", 100, errors);
    String mediaUrl = mediaUrl(form, errors);
    if (!errors.isEmpty()) {
      throw new Open311Exception(400, errors);
    }
    CaseView view;
    try {
      view = cases.viewByReference(reference);
    } catch (org.borough.system.NotFoundException e) {
      throw Open311Exception.notFound("service_request_id '" + clip(reference) + "' was not found");
    }
    String serviceCode = view.summary().serviceCode();
    if (!client.serves(serviceCode)) {
      throw Open311Exception.forbidden(
          "service_request_id '"
              + clip(reference)
              + "' is a request for service_code '"
              + serviceCode
              + "' ("
              + view.summary().serviceName()
              + "), which this api_key may not update: "
              + limits(client));
    }
    // A key speaks for its own application's reports: the portal's, the phone's and other apps'
    // belong to other people, so only an explicit grant lets it change those.
    if (!client.canUpdateOthers() && !clients.raised(client, view.reference())) {
      throw Open311Exception.forbidden(
          "service_request_id '"
              + clip(reference)
              + "' was not raised by this application: its api_key may update only the"
              + " requests it raised");
    }
    Optional<CaseStatus> target = StatusMap.target(status, view.status());
    String by =
        first(form, "first_name") == null
            ? client.name()
            : first(form, "first_name") + " (" + client.name() + ")";
    String text = description != null ? description : null;
    TimelineEntry entry;
    try {
      if (target.isPresent()) {
        String note = text;
        if (note == null && target.get() == CaseStatus.RESOLVED) {
          note = "Marked " + status.toLowerCase(Locale.ROOT).replace('_', ' ') + " by " + by;
        }
        entry = cases.changeStatus(view.id(), target.get(), note, true, null, null);
      } else {
        if (text == null) {
          throw Open311Exception.badRequest(
              "description was not provided, and status "
                  + status
                  + " does not change the request");
        }
        entry = cases.addNote(view.id(), text, true);
      }
    } catch (InvalidInputException e) {
      throw invalid(e);
    } catch (org.borough.system.ConflictException e) {
      throw Open311Exception.badRequest(e.getMessage());
    }
    jdbc.sql(
            "insert into open311_update (update_id, client_id, client_update_id, media_url)"
                + " values (?, ?, ?, ?)")
        .params(entry.id(), client.id(), clientUpdateId, mediaUrl)
        .update();
    contacts.log(
        new NewContact(
            null,
            view.reference(),
            Channel.APP,
            Direction.INBOUND,
            null,
            null,
            ContactOutcome.CASE_UPDATED,
            "Update through " + client.name()));
    return new Doc(
        "service_request_updates",
        new Arr("request_update", List.of(Doc.obj().put("update_id", Long.toString(entry.id())))));
  }

  // --- parameters -------------------------------------------------------------------------------

  /** [from, to]: the spec's default is the last 90 days; a wider window is refused. */
  private Instant[] window(MultiValueMap<String, String> params, List<String> errors) {
    Instant now = clock.instant();
    Instant start = date(params, "start_date", errors);
    Instant end = date(params, "end_date", errors);
    if (start == null && end == null) {
      return new Instant[] {now.minus(MAX_SPAN), now};
    }
    if (start == null) {
      start = end.minus(MAX_SPAN);
    }
    if (end == null) {
      end = start.plus(MAX_SPAN);
    }
    if (end.isBefore(start)) {
      errors.add("end_date must not be before start_date");
    } else if (Duration.between(start, end).compareTo(MAX_SPAN) > 0) {
      errors.add("start_date and end_date may not be more than 90 days apart");
    }
    return new Instant[] {start, end};
  }

  private Instant date(MultiValueMap<String, String> params, String name, List<String> errors) {
    String value = first(params, name);
    if (value == null) {
      return null;
    }
    Optional<Instant> parsed = time.parse(value);
    if (parsed.isEmpty()) {
      errors.add(name + " must be a W3C datetime, like 2026-03-27T14:05:00+00:00");
      return null;
    }
    return parsed.get();
  }

  private static int positive(
      MultiValueMap<String, String> params,
      String name,
      int fallback,
      int max,
      List<String> errors) {
    String value = first(params, name);
    if (value == null) {
      return fallback;
    }
    Optional<Integer> n = Inputs.integer(value, 1, max);
    if (n.isEmpty()) {
      errors.add(name + " must be a whole number from 1 to " + max);
    }
    return n.orElse(fallback);
  }

  private static BigDecimal decimal(
      MultiValueMap<String, String> form, String name, List<String> errors) {
    String value = first(form, name);
    if (value == null) {
      return null;
    }
    // Checked on the text: '1e-999999999' rounded to 6 places would take the CPU for hours.
    BigDecimal max = BigDecimal.valueOf("lat".equals(name) ? 90 : 180);
    Optional<BigDecimal> degrees = Inputs.decimalIn(value, max.negate(), max, 6);
    if (degrees.isEmpty()) {
      errors.add(
          name
              + " must be a decimal number of degrees (WGS84) from "
              + max.negate()
              + " to "
              + max
              + ", like 51.5014");
      return null;
    }
    return degrees.get().setScale(6);
  }

  private static String mediaUrl(MultiValueMap<String, String> form, List<String> errors) {
    String url = first(form, "media_url");
    if (url == null) {
      return null;
    }
    boolean ok = url.length() <= 1000;
    if (ok) {
      try {
        URI uri = new URI(url);
        ok =
            ("http".equalsIgnoreCase(uri.getScheme()) || "https".equalsIgnoreCase(uri.getScheme()))
                && uri.getHost() != null;
      } catch (java.net.URISyntaxException e) {
        ok = false;
      }
    }
    if (!ok) {
      errors.add("media_url must be an http or https URL of 1000 characters or fewer");
    }
    return url;
  }

  private static String limited(
      MultiValueMap<String, String> form, String name, int max, List<String> errors) {
    String value = first(form, name);
    if (value != null && value.length() > max) {
      errors.add(name + " must be " + max + " characters or fewer");
    }
    return value;
  }

  /** attribute[CODE]=v and attribute[CODE][]=v1&attribute[CODE][]=v2, checked by the catalogue. */
  private Map<String, List<String>> attributes(
      MultiValueMap<String, String> form, ServiceDefinition service, List<String> errors) {
    Map<String, List<String>> answers = new LinkedHashMap<>();
    for (Map.Entry<String, List<String>> e : form.entrySet()) {
      if (!e.getKey().startsWith("attribute")) {
        continue;
      }
      Matcher m = ATTRIBUTE.matcher(e.getKey());
      if (!m.matches()) {
        errors.add("'" + clip(e.getKey()) + "' is not attribute[CODE] or attribute[CODE][]");
        continue;
      }
      answers.computeIfAbsent(m.group(1), k -> new ArrayList<>()).addAll(e.getValue());
    }
    try {
      return catalogue.validateAnswers(service, answers);
    } catch (InvalidInputException e) {
      errors.addAll(describe(e));
      return Map.of();
    }
  }

  /** The first value, trimmed; empty counts as missing (the spec's 'optional arguments'). */
  static String first(MultiValueMap<String, String> params, String name) {
    String value = params.getFirst(name);
    return value == null || value.isBlank() ? null : value.trim();
  }

  private static List<String> commaList(String value) {
    List<String> items = new ArrayList<>();
    for (String s : value.split(",")) {
      if (!s.isBlank()) {
        items.add(s.trim());
      }
    }
    return items;
  }

  private ServiceDefinition activeService(String code) {
    return catalogue
        .find(code)
        .filter(ServiceDefinition::active)
        .orElseThrow(
            () -> Open311Exception.notFound("service_code '" + clip(code) + "' was not found"));
  }

  /** What a limited key may do, for its 403s: the app supplier asks the council to widen it. */
  private static String limits(Client client) {
    return "an administrator limited it to " + String.join(", ", client.services());
  }

  private String serviceNotice(ServiceDefinition service) {
    return "We aim to deal with this within " + service.sla().describe() + ".";
  }

  private static String keywords(ServiceDefinition s) {
    return s.code().replace('-', ' ').replace('_', ' ') + ", " + s.group().toLowerCase(Locale.UK);
  }

  private static String datatypeDescription(ServiceAttribute a) {
    if (a.helpText() != null && !a.helpText().isBlank()) {
      return a.helpText();
    }
    return switch (a.type()) {
      case DATE -> "A date, like 2026-03-27";
      case NUMBER -> "A number";
      case MULTI_VALUE_LIST -> "One or more keys from the values";
      case SINGLE_VALUE_LIST -> "One key from the values";
      case STRING, TEXT -> null;
    };
  }

  /** The postcode's outward part ("SW1A" of "SW1A 1AA"): a district, not a dozen homes. */
  private static String district(String address) {
    if (address == null) {
      return null;
    }
    Matcher m = POSTCODE.matcher(address);
    return m.find()
        ? UkFormats.postcode(m.group(1)).map(p -> p.substring(0, p.indexOf(' '))).orElse(null)
        : null;
  }

  static Open311Exception invalid(InvalidInputException e) {
    return new Open311Exception(400, describe(e));
  }

  private static List<String> describe(InvalidInputException e) {
    List<String> out = new ArrayList<>();
    e.errors()
        .forEach(
            (field, message) ->
                out.add(
                    (field.startsWith("attr-")
                            ? "attribute[" + field.substring(5) + "]"
                            : PARAMETERS.getOrDefault(field, field))
                        + ": "
                        + message));
    return out;
  }

  /** Echoes of client input are cut short, so an error never repeats a megabyte back. */
  static String clip(String s) {
    return s.length() <= 60 ? s : s.substring(0, 60) + "…";
  }
}
