// SPDX-License-Identifier: AGPL-3.0-or-later
package org.borough.open311;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.borough.catalogue.ServiceCatalogue;
import org.borough.catalogue.ServiceDefinition;
import org.borough.system.InvalidInputException;
import org.springframework.context.MessageSource;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Administration: the client applications that may post to Open311, and their API keys. */
@Controller
class Open311ClientsController {

  private final Open311Clients clients;
  private final Open311Properties properties;
  private final MessageSource messages;
  private final ServiceCatalogue catalogue;

  Open311ClientsController(
      Open311Clients clients,
      Open311Properties properties,
      MessageSource messages,
      ServiceCatalogue catalogue) {
    this.clients = clients;
    this.properties = properties;
    this.messages = messages;
    this.catalogue = catalogue;
  }

  @GetMapping("/admin/open311-clients")
  @PreAuthorize("hasAuthority('STAFF_ADMIN')")
  String list(Model model) {
    return page(model, defaults(), Map.of(), null);
  }

  @PostMapping("/admin/open311-clients")
  @PreAuthorize("hasAuthority('STAFF_ADMIN')")
  String issue(@RequestParam MultiValueMap<String, String> form, Model model) {
    try {
      Open311Clients.Issued issued =
          clients.issue(
              form.getFirst("name"), form.getFirst("contact"), form.getFirst("jurisdictionId"));
      // Shown on this response only: only its hash is kept.
      return page(model, new LinkedMultiValueMap<>(), Map.of(), issued);
    } catch (InvalidInputException e) {
      return page(model, form, e.errors(), null);
    }
  }

  @PostMapping("/admin/open311-clients/{id}/revoke")
  @PreAuthorize("hasAuthority('STAFF_ADMIN')")
  String revoke(@PathVariable UUID id, RedirectAttributes redirect) {
    boolean revoked = clients.revoke(id);
    String banner = revoked ? "open311.clients.revoked.banner" : "open311.clients.already.banner";
    redirect.addFlashAttribute("banner", messages.getMessage(banner, null, Locale.UK));
    return "redirect:/admin/open311-clients";
  }

  /** Grants or withdraws a key's right to update requests its application did not raise. */
  @PostMapping("/admin/open311-clients/{id}/update-others")
  @PreAuthorize("hasAuthority('STAFF_ADMIN')")
  String updateOthers(
      @PathVariable UUID id,
      @RequestParam(required = false) String allowed,
      RedirectAttributes redirect) {
    boolean allow = "true".equals(allowed);
    clients.allowUpdatingOthers(id, allow);
    String banner =
        allow ? "open311.clients.others.granted.banner" : "open311.clients.others.withdrawn.banner";
    redirect.addFlashAttribute("banner", messages.getMessage(banner, null, Locale.UK));
    return "redirect:/admin/open311-clients";
  }

  /**
   * Limits a key to the services ticked (none: every active service). Each client's checkboxes are
   * named {@code services-<id>}, so their ids stay unique on a page listing every client.
   */
  @PostMapping("/admin/open311-clients/{id}/services")
  @PreAuthorize("hasAuthority('STAFF_ADMIN')")
  String services(
      @PathVariable UUID id,
      @RequestParam MultiValueMap<String, String> form,
      Model model,
      RedirectAttributes redirect) {
    String field = servicesField(id);
    List<String> codes = form.getOrDefault(field, List.of());
    boolean found;
    try {
      found = clients.limitToServices(id, codes);
    } catch (InvalidInputException e) {
      MultiValueMap<String, String> again = defaults();
      again.put(field, codes);
      return page(model, again, Map.of(field, e.errors().values().iterator().next()), null);
    }
    String banner =
        !found
            ? "open311.clients.services.missing.banner"
            : codes.isEmpty()
                ? "open311.clients.services.all.banner"
                : "open311.clients.services.limited.banner";
    redirect.addFlashAttribute("banner", messages.getMessage(banner, null, Locale.UK));
    return "redirect:/admin/open311-clients";
  }

  static String servicesField(UUID id) {
    return "services-" + id;
  }

  private MultiValueMap<String, String> defaults() {
    MultiValueMap<String, String> form = new LinkedMultiValueMap<>();
    form.add("jurisdictionId", properties.jurisdictionId());
    return form;
  }

  private String page(
      Model model,
      MultiValueMap<String, String> form,
      Map<String, String> errors,
      Open311Clients.Issued issued) {
    model.addAttribute("form", form);
    model.addAttribute("errors", errors);
    model.addAttribute("issued", issued);
    model.addAttribute("clients", clients.all());
    model.addAttribute("services", serviceOptions());
    model.addAttribute("jurisdictionId", properties.jurisdictionId());
    return "open311/clients";
  }

  /** The checkboxes: every active service, code to name, as the catalogue orders them. */
  private Map<String, String> serviceOptions() {
    Map<String, String> options = new LinkedHashMap<>();
    for (ServiceDefinition s : catalogue.activeServices()) {
      options.put(s.code(), s.name() + " (" + s.code() + ")");
    }
    return options;
  }
}
