// SPDX-License-Identifier: AGPL-3.0-or-later
package org.borough.portal;

import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.io.Serializable;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.borough.cases.CaseAttachments;
import org.borough.cases.CaseFeed;
import org.borough.catalogue.ServiceAttribute;
import org.borough.catalogue.ServiceCatalogue;
import org.borough.catalogue.ServiceDefinition;
import org.borough.places.WardBoundaries;
import org.borough.system.ConflictException;
import org.borough.system.Inputs;
import org.borough.system.InvalidInputException;
import org.borough.system.NotFoundException;
import org.borough.system.SystemProperties;
import org.borough.system.UkFormats;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;

/**
 * Report a problem, one question per page: service, location, (open reports nearby), the service's
 * own questions, description, photos, contact details, check your answers, confirmation. Answers
 * live in the session until the resident sends them; a page reached out of turn sends them back to
 * the first one not yet answered.
 */
@Controller
class PortalController {

  static final String REPORT = "portal.report";
  static final String SENT = "portal.sent";
  static final String FOLLOWED = "portal.followed";
  private static final String BASE = "/portal/report/";

  private final ServiceCatalogue catalogue;
  private final PortalReports reports;
  private final PhotoStore photos;
  private final PortalProperties properties;
  private final PortalAccounts accounts;
  private final MessageSource messages;

  private final WardBoundaries boundaries;
  private final String councilName;

  PortalController(
      ServiceCatalogue catalogue,
      PortalReports reports,
      PhotoStore photos,
      PortalProperties properties,
      PortalAccounts accounts,
      MessageSource messages,
      WardBoundaries boundaries,
      SystemProperties system) {
    this.catalogue = catalogue;
    this.boundaries = boundaries;
    this.councilName = system.councilName();
    this.reports = reports;
    this.photos = photos;
    this.properties = properties;
    this.accounts = accounts;
    this.messages = messages;
  }

  /** Sent as a redirect target and kept in the session after a report was sent. */
  record Sent(String reference, boolean told) implements Serializable {}

  // --- start -----------------------------------------------------------------------------------

  @GetMapping("/portal")
  String start(Model model) {
    Map<String, List<ServiceDefinition>> groups = new LinkedHashMap<>();
    for (ServiceDefinition s : catalogue.activeServices()) {
      groups.computeIfAbsent(s.group(), g -> new ArrayList<>()).add(s);
    }
    model.addAttribute("groups", groups);
    return "portal/start";
  }

  /** A service chosen on the start page: a new report of it. */
  @GetMapping("/portal/report/start")
  String startWith(@RequestParam(required = false) String service, HttpSession session) {
    discard(session);
    ReportAnswers a = new ReportAnswers();
    if (activeService(service).isPresent()) {
      a.serviceCode = service;
    }
    session.setAttribute(REPORT, a);
    return "redirect:" + BASE + (a.serviceCode == null ? "service" : "location");
  }

  // --- service ---------------------------------------------------------------------------------

  @GetMapping("/portal/report/service")
  String service(HttpSession session, Model model) {
    ReportAnswers a = answers(session);
    return servicePage(form("service", a.serviceCode), Map.of(), model);
  }

  @PostMapping("/portal/report/service")
  String chooseService(
      @RequestParam MultiValueMap<String, String> form, HttpSession session, Model model) {
    Optional<ServiceDefinition> chosen = activeService(form.getFirst("service"));
    if (chosen.isEmpty()) {
      return servicePage(form, Map.of("service", msg("portal.service.error")), model);
    }
    ReportAnswers a = answers(session);
    if (!chosen.get().code().equals(a.serviceCode)) {
      // Another service asks other questions and may have other duplicates: start afresh.
      discard(session);
      a = new ReportAnswers();
      a.serviceCode = chosen.get().code();
      session.setAttribute(REPORT, a);
      return "redirect:" + BASE + "location";
    }
    return next(a, "service");
  }

  private String servicePage(
      MultiValueMap<String, String> form, Map<String, String> errors, Model model) {
    Map<String, List<ServiceDefinition>> groups = new LinkedHashMap<>();
    for (ServiceDefinition s : catalogue.activeServices()) {
      groups.computeIfAbsent(s.group(), g -> new ArrayList<>()).add(s);
    }
    model.addAttribute("groups", groups);
    model.addAttribute("form", form);
    model.addAttribute("errors", errors);
    return "portal/service";
  }

  // --- location --------------------------------------------------------------------------------

  @GetMapping("/portal/report/location")
  String location(HttpSession session, Model model) {
    ReportAnswers a = answers(session);
    String redirect = guard(a, "location");
    if (redirect != null) {
      return redirect;
    }
    MultiValueMap<String, String> form = new LinkedMultiValueMap<>();
    put(form, "kind", a.locationKind);
    put(form, "postcode", a.postcode);
    put(form, "addressLine", a.addressLine);
    put(form, "latitude", a.latitude == null ? null : a.latitude.toPlainString());
    put(form, "longitude", a.longitude == null ? null : a.longitude.toPlainString());
    return locationPage(a, form, Map.of(), model);
  }

  @PostMapping("/portal/report/location")
  String giveLocation(
      @RequestParam MultiValueMap<String, String> form, HttpSession session, Model model) {
    ReportAnswers a = answers(session);
    String redirect = guard(a, "location");
    if (redirect != null) {
      return redirect;
    }
    Map<String, String> errors = new LinkedHashMap<>();
    String kind = form.getFirst("kind");
    if (ReportAnswers.ADDRESS.equals(kind)) {
      String line = trim(form.getFirst("addressLine"));
      Optional<String> postcode = UkFormats.postcode(form.getFirst("postcode"));
      if (line == null) {
        errors.put("addressLine", msg("portal.location.address.error"));
      } else if (line.length() > 200) {
        errors.put("addressLine", msg("portal.location.address.too-long"));
      }
      if (postcode.isEmpty()) {
        errors.put("postcode", msg("portal.location.postcode.error"));
      }
      if (errors.isEmpty()) {
        a.locationKind = kind;
        a.addressLine = line;
        a.postcode = postcode.get();
        a.latitude = null;
        a.longitude = null;
      }
    } else if (ReportAnswers.POINT.equals(kind)) {
      BigDecimal lat = decimal(form.getFirst("latitude"), 49, 61);
      BigDecimal lon = decimal(form.getFirst("longitude"), -9, 2);
      if (lat == null) {
        errors.put("latitude", msg("portal.location.latitude.error"));
      }
      if (lon == null) {
        errors.put("longitude", msg("portal.location.longitude.error"));
      }
      if (errors.isEmpty() && boundaries.at(lat, lon).outside()) {
        errors.put("latitude", msg("portal.location.outside", councilName));
      }
      if (errors.isEmpty()) {
        a.locationKind = kind;
        a.latitude = lat;
        a.longitude = lon;
        a.addressLine = null;
        a.postcode = null;
      }
    } else {
      errors.put("kind", msg("portal.location.kind.error"));
    }
    if (!errors.isEmpty()) {
      return locationPage(a, form, errors, model);
    }
    a.followReference = null;
    if (!reports.possibleDuplicates(a).isEmpty()) {
      return "redirect:" + BASE + "nearby";
    }
    return next(a, "location");
  }

  private String locationPage(
      ReportAnswers a, MultiValueMap<String, String> form, Map<String, String> errors, Model m) {
    m.addAttribute("service", catalogue.find(a.serviceCode).orElseThrow());
    m.addAttribute("form", form);
    m.addAttribute("errors", errors);
    m.addAttribute("back", BASE + "service");
    return "portal/location";
  }

  // --- open reports nearby ---------------------------------------------------------------------

  @GetMapping("/portal/report/nearby")
  String nearby(HttpSession session, Model model) {
    ReportAnswers a = answers(session);
    String redirect = guard(a, "nearby");
    if (redirect != null) {
      return redirect;
    }
    List<CaseFeed.PublicCase> found = reports.possibleDuplicates(a);
    if (found.isEmpty()) {
      return next(a, "location");
    }
    return nearbyPage(a, found, form("choice", a.followReference), Map.of(), model);
  }

  @PostMapping("/portal/report/nearby")
  String chooseNearby(
      @RequestParam MultiValueMap<String, String> form, HttpSession session, Model model) {
    ReportAnswers a = answers(session);
    String redirect = guard(a, "nearby");
    if (redirect != null) {
      return redirect;
    }
    List<CaseFeed.PublicCase> found = reports.possibleDuplicates(a);
    String choice = form.getFirst("choice");
    if ("new".equals(choice)) {
      a.followReference = null;
      return next(a, "location");
    }
    Optional<CaseFeed.PublicCase> chosen =
        found.stream().filter(c -> c.reference().equals(choice)).findFirst();
    if (chosen.isEmpty()) {
      return nearbyPage(a, found, form, Map.of("choice", msg("portal.nearby.error")), model);
    }
    a.followReference = chosen.get().reference();
    return "redirect:" + BASE + "contact";
  }

  private String nearbyPage(
      ReportAnswers a,
      List<CaseFeed.PublicCase> found,
      MultiValueMap<String, String> form,
      Map<String, String> errors,
      Model model) {
    model.addAttribute("service", catalogue.find(a.serviceCode).orElseThrow());
    model.addAttribute("cases", found);
    model.addAttribute("form", form);
    model.addAttribute("errors", errors);
    model.addAttribute("back", BASE + "location");
    return "portal/nearby";
  }

  // --- the service's own questions, one per page ------------------------------------------------

  @GetMapping("/portal/report/questions/{code}")
  String question(@PathVariable String code, HttpSession session, Model model) {
    ReportAnswers a = answers(session);
    String redirect = guard(a, "questions/" + code);
    if (redirect != null) {
      return redirect;
    }
    ServiceDefinition service = catalogue.find(a.serviceCode).orElseThrow();
    ServiceAttribute attribute = attribute(service, code);
    MultiValueMap<String, String> form = new LinkedMultiValueMap<>();
    form.put(attribute.fieldName(), new ArrayList<>(a.answers.getOrDefault(code, List.of())));
    return questionPage(a, service, attribute, form, Map.of(), model);
  }

  @PostMapping("/portal/report/questions/{code}")
  String answer(
      @PathVariable String code,
      @RequestParam MultiValueMap<String, String> form,
      HttpSession session,
      Model model) {
    ReportAnswers a = answers(session);
    String redirect = guard(a, "questions/" + code);
    if (redirect != null) {
      return redirect;
    }
    ServiceDefinition service = catalogue.find(a.serviceCode).orElseThrow();
    ServiceAttribute attribute = attribute(service, code);
    List<String> given = new ArrayList<>();
    for (String v : form.getOrDefault(attribute.fieldName(), List.of())) {
      if (v != null && !v.isBlank()) {
        given.add(v.trim());
      }
    }
    // The catalogue's own rules, for this question alone (the others are asked on their pages).
    try {
      catalogue.validateAnswers(service, Map.of(code, given));
    } catch (InvalidInputException e) {
      String error = e.errors().get(attribute.fieldName());
      if (error != null) {
        return questionPage(
            a, service, attribute, form, Map.of(attribute.fieldName(), error), model);
      }
    }
    if (given.isEmpty()) {
      a.answers.remove(code);
    } else {
      a.answers.put(code, given);
    }
    a.answered.add(code);
    return next(a, "questions/" + code);
  }

  private String questionPage(
      ReportAnswers a,
      ServiceDefinition service,
      ServiceAttribute attribute,
      MultiValueMap<String, String> form,
      Map<String, String> errors,
      Model model) {
    model.addAttribute("service", service);
    model.addAttribute("attribute", attribute);
    model.addAttribute("form", form);
    model.addAttribute("errors", errors);
    model.addAttribute("back", previous(a, "questions/" + attribute.code()));
    return "portal/question";
  }

  private static ServiceAttribute attribute(ServiceDefinition service, String code) {
    return service.activeAttributes().stream()
        .filter(x -> x.code().equals(code))
        .findFirst()
        .orElseThrow(() -> new NotFoundException("Question"));
  }

  // --- description -----------------------------------------------------------------------------

  @GetMapping("/portal/report/description")
  String description(HttpSession session, Model model) {
    ReportAnswers a = answers(session);
    String redirect = guard(a, "description");
    if (redirect != null) {
      return redirect;
    }
    return descriptionPage(a, form("description", a.description), Map.of(), model);
  }

  @PostMapping("/portal/report/description")
  String describe(
      @RequestParam MultiValueMap<String, String> form, HttpSession session, Model model) {
    ReportAnswers a = answers(session);
    String redirect = guard(a, "description");
    if (redirect != null) {
      return redirect;
    }
    String text = trim(form.getFirst("description"));
    if (text == null) {
      return descriptionPage(
          a, form, Map.of("description", msg("portal.description.error")), model);
    }
    if (text.length() > 4000) {
      return descriptionPage(
          a, form, Map.of("description", msg("portal.description.too-long")), model);
    }
    a.description = text;
    return next(a, "description");
  }

  private String descriptionPage(
      ReportAnswers a, MultiValueMap<String, String> form, Map<String, String> errors, Model m) {
    m.addAttribute("service", catalogue.find(a.serviceCode).orElseThrow());
    m.addAttribute("form", form);
    m.addAttribute("errors", errors);
    m.addAttribute("back", previous(a, "description"));
    return "portal/description";
  }

  // --- photos ----------------------------------------------------------------------------------

  @GetMapping("/portal/report/photos")
  String photos(HttpSession session, Model model) {
    ReportAnswers a = answers(session);
    String redirect = guard(a, "photos");
    if (redirect != null) {
      return redirect;
    }
    return photosPage(a, Map.of(), model);
  }

  @PostMapping("/portal/report/photos")
  String upload(
      @RequestParam(required = false) String action,
      @RequestParam(required = false) String remove,
      @RequestParam(required = false) MultipartFile photo,
      HttpSession session,
      Model model)
      throws IOException {
    ReportAnswers a = answers(session);
    String redirect = guard(a, "photos");
    if (redirect != null) {
      return redirect;
    }
    if (remove != null) {
      a.photos.removeIf(
          p -> {
            if (p.id().equals(remove)) {
              photos.delete(p.id());
              return true;
            }
            return false;
          });
      return "redirect:" + BASE + "photos";
    }
    if (!"upload".equals(action)) {
      a.photosDone = true;
      return next(a, "photos");
    }
    String error = null;
    byte[] bytes = null;
    if (photo == null || photo.isEmpty()) {
      error = msg("portal.photos.error.none");
    } else if (a.photos.size() >= properties.maxPhotos()) {
      error = msg("portal.photos.error.too-many", properties.maxPhotos());
    } else if (photo.getSize() > properties.photoMaxSize().toBytes()) {
      error = msg("portal.photos.error.too-big", properties.photoMaxSize().toMegabytes());
    } else {
      bytes = photo.getBytes();
    }
    Optional<String> type = bytes == null ? Optional.empty() : CaseAttachments.typeOf(bytes);
    if (error == null && (type.isEmpty() || !type.get().startsWith("image/"))) {
      error = msg("portal.photos.error.type");
    }
    if (error != null) {
      return photosPage(a, Map.of("photo", error), model);
    }
    String id = photos.save(bytes);
    a.photos.add(
        new ReportAnswers.Photo(
            id, safeName(photo.getOriginalFilename()), type.get(), bytes.length));
    return "redirect:" + BASE + "photos";
  }

  private String photosPage(ReportAnswers a, Map<String, String> errors, Model model) {
    model.addAttribute("service", catalogue.find(a.serviceCode).orElseThrow());
    model.addAttribute(
        "photos",
        a.photos.stream()
            .map(p -> Map.of("id", p.id(), "filename", p.filename(), "kilobytes", p.size() / 1024))
            .toList());
    model.addAttribute("maxPhotos", properties.maxPhotos());
    model.addAttribute("maxMegabytes", properties.photoMaxSize().toMegabytes());
    model.addAttribute("form", new LinkedMultiValueMap<String, String>());
    model.addAttribute("errors", errors);
    model.addAttribute("back", previous(a, "photos"));
    return "portal/photos";
  }

  // --- contact details -------------------------------------------------------------------------

  @GetMapping("/portal/report/contact")
  String contact(HttpSession session, Model model) {
    ReportAnswers a = answers(session);
    String redirect = guard(a, "contact");
    if (redirect != null) {
      return redirect;
    }
    MultiValueMap<String, String> form = new LinkedMultiValueMap<>();
    Optional<ResidentSession> signedIn = ResidentSession.of(session);
    if (!a.contactDone && signedIn.isPresent()) {
      // Signed in: their details as the council holds them, to check or change.
      accounts
          .primary(signedIn.get().email())
          .ifPresent(
              r -> {
                put(form, "firstName", r.forename());
                put(form, "lastName", r.surname());
                put(form, "email", signedIn.get().email());
                r.phones().stream()
                    .findFirst()
                    .ifPresent(p -> put(form, "phone", UkFormats.displayPhone(p)));
              });
    } else {
      put(form, "firstName", a.firstName);
      put(form, "lastName", a.lastName);
      put(form, "email", a.email);
      put(form, "phone", a.phone);
    }
    return contactPage(a, form, Map.of(), model);
  }

  @PostMapping("/portal/report/contact")
  String giveContact(
      @RequestParam MultiValueMap<String, String> form, HttpSession session, Model model) {
    ReportAnswers a = answers(session);
    String redirect = guard(a, "contact");
    if (redirect != null) {
      return redirect;
    }
    String first = trim(form.getFirst("firstName"));
    String last = trim(form.getFirst("lastName"));
    String emailText = trim(form.getFirst("email"));
    String phoneText = trim(form.getFirst("phone"));
    boolean following = a.followReference != null;
    Map<String, String> errors = new LinkedHashMap<>();
    boolean anything = first != null || last != null || emailText != null || phoneText != null;
    if (anything || following) {
      if (first == null) {
        errors.put("firstName", msg("portal.contact.first-name.error"));
      } else if (first.length() > 100) {
        errors.put("firstName", msg("portal.contact.too-long"));
      }
      if (last == null) {
        errors.put("lastName", msg("portal.contact.last-name.error"));
      } else if (last.length() > 100) {
        errors.put("lastName", msg("portal.contact.too-long"));
      }
    }
    Optional<String> email = UkFormats.email(emailText);
    Optional<String> phone = UkFormats.phone(phoneText);
    if (emailText != null && email.isEmpty()) {
      errors.put("email", msg("portal.contact.email.error"));
    } else if (following && email.isEmpty()) {
      errors.put("email", msg("portal.contact.email.follow"));
    }
    if (phoneText != null && phone.isEmpty()) {
      errors.put("phone", msg("portal.contact.phone.error"));
    }
    if (anything && emailText == null && phoneText == null && !following) {
      errors.put("email", msg("portal.contact.reach.error"));
    }
    if (!errors.isEmpty()) {
      return contactPage(a, form, errors, model);
    }
    a.firstName = first;
    a.lastName = last;
    a.email = email.orElse(null);
    a.phone = phone.orElse(null);
    a.verifiedResident = verifiedResident(session, a.email);
    a.contactDone = true;
    if (following) {
      return follow(a, session, model, form);
    }
    return next(a, "contact");
  }

  /** The signed-in resident's record, if the email given is the one they signed in with. */
  private java.util.UUID verifiedResident(HttpSession session, String email) {
    return ResidentSession.of(session)
        .filter(r -> r.email().equals(email))
        .flatMap(r -> accounts.primary(r.email()))
        .map(r -> r.id().value())
        .orElse(null);
  }

  private String follow(
      ReportAnswers a, HttpSession session, Model model, MultiValueMap<String, String> form) {
    try {
      reports.follow(a);
    } catch (InvalidInputException e) {
      return contactPage(a, form, contactErrors(e), model);
    } catch (ConflictException | NotFoundException e) {
      // Closed, or gone, since the list was shown: offer the choice again.
      a.followReference = null;
      return "redirect:" + BASE + "nearby";
    }
    String reference = a.followReference;
    discard(session);
    session.setAttribute(FOLLOWED, reference);
    return "redirect:" + BASE + "following";
  }

  private Map<String, String> contactErrors(InvalidInputException e) {
    Map<String, String> errors = new LinkedHashMap<>();
    e.errors()
        .forEach(
            (field, message) ->
                errors.put(
                    switch (field) {
                      case "forename" -> "firstName";
                      case "surname" -> "lastName";
                      case "phone" -> "phone";
                      default -> "email";
                    },
                    message));
    return errors;
  }

  private String contactPage(
      ReportAnswers a, MultiValueMap<String, String> form, Map<String, String> errors, Model m) {
    m.addAttribute("following", a.followReference);
    m.addAttribute("form", form);
    m.addAttribute("errors", errors);
    m.addAttribute("back", a.followReference != null ? BASE + "nearby" : previous(a, "contact"));
    return "portal/contact";
  }

  @GetMapping("/portal/report/following")
  String following(HttpSession session, Model model) {
    Object reference = session.getAttribute(FOLLOWED);
    if (reference == null) {
      return "redirect:/portal";
    }
    model.addAttribute("reference", reference);
    return "portal/following";
  }

  // --- check your answers, send, confirmation --------------------------------------------------

  @GetMapping("/portal/report/check")
  String check(HttpSession session, Model model) {
    ReportAnswers a = answers(session);
    String redirect = guard(a, "check");
    if (redirect != null) {
      return redirect;
    }
    a.reachedCheck = true;
    return checkPage(a, Map.of(), model);
  }

  @PostMapping("/portal/report/check")
  String send(HttpSession session, Model model) {
    ReportAnswers a = (ReportAnswers) session.getAttribute(REPORT);
    if (a == null) {
      // Sent already (a second click), or the session ended.
      return session.getAttribute(SENT) != null
          ? "redirect:" + BASE + "confirmation"
          : "redirect:/portal";
    }
    String redirect = guard(a, "check");
    if (redirect != null) {
      return redirect;
    }
    String reference;
    try {
      reference = reports.submit(a);
    } catch (InvalidInputException e) {
      return checkPage(a, e.errors(), model);
    }
    discard(session);
    session.setAttribute(SENT, new Sent(reference, a.email != null || a.phone != null));
    return "redirect:" + BASE + "confirmation";
  }

  private String checkPage(ReportAnswers a, Map<String, String> errors, Model model) {
    ServiceDefinition service = catalogue.find(a.serviceCode).orElseThrow();
    List<String[]> questions = new ArrayList<>();
    for (ServiceAttribute attr : service.activeAttributes()) {
      List<String> values = a.answers.getOrDefault(attr.code(), List.of());
      String shown =
          values.isEmpty()
              ? msg("portal.check.not-answered")
              : String.join(
                  ", ",
                  attr.type().hasValues() ? values.stream().map(attr::nameOf).toList() : values);
      questions.add(new String[] {attr.label(), shown, BASE + "questions/" + attr.code()});
    }
    List<String> contact = new ArrayList<>();
    if (!a.anonymous()) {
      contact.add(a.firstName + " " + a.lastName);
      if (a.email != null) {
        contact.add(a.email);
      }
      if (a.phone != null) {
        contact.add(UkFormats.displayPhone(a.phone));
      }
    }
    model.addAttribute("service", service);
    model.addAttribute(
        "location",
        a.address() != null
            ? a.address()
            : a.latitude.toPlainString() + ", " + a.longitude.toPlainString());
    model.addAttribute("description", a.description);
    model.addAttribute("photoNames", a.photos.stream().map(ReportAnswers.Photo::filename).toList());
    model.addAttribute("contact", contact);
    model.addAttribute("questions", questions);
    model.addAttribute("errors", errors);
    return "portal/check";
  }

  @GetMapping("/portal/report/confirmation")
  String confirmation(HttpSession session, Model model) {
    Object sent = session.getAttribute(SENT);
    if (!(sent instanceof Sent s)) {
      return "redirect:/portal";
    }
    model.addAttribute("reference", s.reference());
    model.addAttribute("told", s.told());
    return "portal/confirmation";
  }

  // --- the order of the pages ------------------------------------------------------------------

  /** Every step of the report for its service, in order, with whether it has been answered. */
  private List<Map.Entry<String, Boolean>> steps(ReportAnswers a) {
    List<Map.Entry<String, Boolean>> steps = new ArrayList<>();
    Optional<ServiceDefinition> service = activeService(a.serviceCode);
    steps.add(Map.entry("service", service.isPresent()));
    steps.add(Map.entry("location", a.locationDone()));
    service.ifPresent(
        s ->
            s.activeAttributes()
                .forEach(
                    attr ->
                        steps.add(
                            Map.entry(
                                "questions/" + attr.code(), a.answered.contains(attr.code())))));
    steps.add(Map.entry("description", a.description != null));
    steps.add(Map.entry("photos", a.photosDone));
    steps.add(Map.entry("contact", a.contactDone));
    steps.add(Map.entry("check", false));
    return steps;
  }

  /** A redirect to the first unanswered step before {@code step}, or null to show it. */
  private String guard(ReportAnswers a, String step) {
    List<Map.Entry<String, Boolean>> steps = steps(a);
    int at = index(steps, step);
    if (step.equals("nearby") || (step.equals("contact") && a.followReference != null)) {
      at = 2; // after the location: following a case needs no more than that
    }
    if (at < 0) {
      throw new NotFoundException("Question");
    }
    for (int i = 0; i < at; i++) {
      if (!steps.get(i).getValue()) {
        return "redirect:" + BASE + steps.get(i).getKey();
      }
    }
    return null;
  }

  private String next(ReportAnswers a, String step) {
    if (a.reachedCheck) {
      return "redirect:" + BASE + "check";
    }
    List<Map.Entry<String, Boolean>> steps = steps(a);
    int at = index(steps, step);
    return "redirect:" + BASE + steps.get(Math.min(at + 1, steps.size() - 1)).getKey();
  }

  private String previous(ReportAnswers a, String step) {
    if (a.reachedCheck) {
      return BASE + "check";
    }
    List<Map.Entry<String, Boolean>> steps = steps(a);
    int at = index(steps, step);
    return BASE + steps.get(Math.max(at - 1, 0)).getKey();
  }

  private static int index(List<Map.Entry<String, Boolean>> steps, String step) {
    for (int i = 0; i < steps.size(); i++) {
      if (steps.get(i).getKey().equals(step)) {
        return i;
      }
    }
    return -1;
  }

  // --- helpers ---------------------------------------------------------------------------------

  private ReportAnswers answers(HttpSession session) {
    Object a = session.getAttribute(REPORT);
    if (a instanceof ReportAnswers answers) {
      return answers;
    }
    ReportAnswers fresh = new ReportAnswers();
    session.setAttribute(REPORT, fresh);
    return fresh;
  }

  /** Forgets the report in progress and its photos. */
  private void discard(HttpSession session) {
    if (session.getAttribute(REPORT) instanceof ReportAnswers old) {
      old.photos.forEach(p -> photos.delete(p.id()));
    }
    session.removeAttribute(REPORT);
  }

  private Optional<ServiceDefinition> activeService(String code) {
    return catalogue.find(code).filter(ServiceDefinition::active);
  }

  private String msg(String key, Object... args) {
    return messages.getMessage(key, args, Locale.UK);
  }

  private static MultiValueMap<String, String> form(String name, String value) {
    MultiValueMap<String, String> form = new LinkedMultiValueMap<>();
    put(form, name, value);
    return form;
  }

  private static void put(MultiValueMap<String, String> form, String name, String value) {
    if (value != null) {
      form.add(name, value);
    }
  }

  private static String trim(String s) {
    return s == null || s.isBlank() ? null : s.trim();
  }

  /** A number within [min, max] rounded to 6 decimal places (about 10 cm), or null. */
  private static BigDecimal decimal(String s, int min, int max) {
    return Inputs.decimalIn(s, BigDecimal.valueOf(min), BigDecimal.valueOf(max), 6).orElse(null);
  }

  /** The last segment of an uploaded file's name, without control characters. */
  private static String safeName(String name) {
    String n = name == null ? "photo" : name.replace('\\', '/');
    n = n.substring(n.lastIndexOf('/') + 1).replaceAll("[\\p{Cntrl}\"]", "").trim();
    if (n.isEmpty()) {
      n = "photo";
    }
    return n.length() > 100 ? n.substring(n.length() - 100) : n;
  }
}
