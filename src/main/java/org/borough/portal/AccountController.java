// SPDX-License-Identifier: AGPL-3.0-or-later
package org.borough.portal;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import org.borough.residents.ContactPreferences;
import org.borough.residents.Resident;
import org.borough.residents.TextMessages;
import org.borough.system.UkFormats;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The optional resident account: sign in by a one-time link sent by email, see your reports, choose
 * how to hear about them, sign out. The sign-in page answers the same whether or not the address is
 * known, and a link opened by GET only shows a Continue button: the POST behind it uses the link
 * up, so a mail scanner that fetches every link in a message signs nobody in and spends nothing.
 */
@Controller
class AccountController {

  /** The address a link was last asked for, for the "check your email" page. */
  static final String SENT_TO = "portal.sign-in.sent-to";

  private final PortalAccounts accounts;
  private final SignInLinks links;
  private final RateLimits perAddress;
  private final RateLimits perIp;
  private final PortalProperties properties;
  private final MessageSource messages;
  private final TextMessages texts;
  private final Clock clock;

  AccountController(
      PortalAccounts accounts,
      SignInLinks links,
      PortalProperties properties,
      MessageSource messages,
      TextMessages texts,
      RateLimitBuckets buckets,
      Clock clock) {
    this.texts = texts;
    this.accounts = accounts;
    this.links = links;
    this.perAddress =
        buckets.limit(
            "sign-in-address", properties.signInAddressRequests(), properties.signInPeriod());
    this.perIp =
        buckets.limit("sign-in-ip", properties.signInIpRequests(), properties.signInPeriod());
    this.properties = properties;
    this.messages = messages;
    this.clock = clock;
  }

  // --- sign in ---------------------------------------------------------------------------------

  @GetMapping("/portal/sign-in")
  String signInForm(HttpServletRequest request, Model model) {
    if (ResidentSession.of(request).isPresent()) {
      return "redirect:/portal/account";
    }
    model.addAttribute("form", new LinkedMultiValueMap<String, String>());
    model.addAttribute("errors", Map.of());
    return "portal/sign-in";
  }

  @PostMapping("/portal/sign-in")
  String askForLink(
      @RequestParam MultiValueMap<String, String> form,
      HttpServletRequest request,
      HttpServletResponse response,
      Model model)
      throws IOException {
    String typed = form.getFirst("email");
    Optional<String> email =
        typed == null || typed.length() > 254 ? Optional.empty() : UkFormats.email(typed);
    if (email.isEmpty()) {
      model.addAttribute("form", form);
      model.addAttribute(
          "errors",
          Map.of(
              "email",
              msg(
                  typed == null || typed.isBlank()
                      ? "portal.sign-in.email.error"
                      : "portal.contact.email.error")));
      return "portal/sign-in";
    }
    OptionalLong wait = perIp.take(request.getRemoteAddr());
    if (wait.isPresent()) {
      PortalGuard.tooMany(response, wait.getAsLong());
      return null;
    }
    // Over the limit for the address, nothing is sent, and the page says the same as ever: a
    // stranger can neither flood someone's inbox nor learn whether the address is known.
    if (perAddress.take(email.get()).isEmpty()) {
      accounts.requestLink(email.get());
    }
    request.getSession().setAttribute(SENT_TO, email.get());
    return "redirect:/portal/sign-in/sent";
  }

  @GetMapping("/portal/sign-in/sent")
  String checkYourEmail(HttpSession session, Model model) {
    Object sentTo = session.getAttribute(SENT_TO);
    if (sentTo == null) {
      return "redirect:/portal/sign-in";
    }
    model.addAttribute("email", sentTo);
    model.addAttribute("minutes", properties.signInLinkLifetime().toMinutes());
    return "portal/sign-in-sent";
  }

  /** The link in the email: shows a Continue button, uses nothing up. */
  @GetMapping("/portal/sign-in/link")
  String openLink(@RequestParam(required = false) String token, Model model) {
    boolean works = links.works(token);
    model.addAttribute("works", works);
    model.addAttribute("token", works ? token : null);
    return "portal/sign-in-link";
  }

  @PostMapping("/portal/sign-in/link")
  String useLink(
      @RequestParam(required = false) String token, HttpServletRequest request, Model model) {
    Optional<String> email = links.redeem(token);
    if (email.isEmpty()) {
      model.addAttribute("works", false);
      model.addAttribute("token", null);
      return "portal/sign-in-link";
    }
    ResidentSession.signIn(request, email.get(), clock.instant());
    return "redirect:/portal/account";
  }

  @PostMapping("/portal/sign-out")
  String signOut(HttpServletRequest request, RedirectAttributes redirect) {
    ResidentSession.signOut(request);
    redirect.addFlashAttribute("banner", msg("portal.sign-out.done"));
    return "redirect:/portal";
  }

  // --- your reports ----------------------------------------------------------------------------

  @GetMapping("/portal/account")
  String reports(
      @RequestParam(required = false) String page, HttpServletRequest request, Model model) {
    Optional<ResidentSession> resident = ResidentSession.of(request);
    if (resident.isEmpty()) {
      return "redirect:/portal/sign-in";
    }
    PortalAccounts.Page shown = accounts.reports(resident.get().email(), pageNumber(page));
    model.addAttribute("page", shown);
    model.addAttribute("email", resident.get().email());
    return "portal/account";
  }

  // --- contact preferences ---------------------------------------------------------------------

  @GetMapping("/portal/account/preferences")
  String preferences(HttpServletRequest request, Model model) {
    Optional<ResidentSession> resident = ResidentSession.of(request);
    if (resident.isEmpty()) {
      return "redirect:/portal/sign-in";
    }
    return preferencesPage(resident.get(), model);
  }

  @PostMapping("/portal/account/preferences")
  String changePreferences(
      @RequestParam MultiValueMap<String, String> form,
      HttpServletRequest request,
      RedirectAttributes redirect) {
    Optional<ResidentSession> resident = ResidentSession.of(request);
    if (resident.isEmpty()) {
      return "redirect:/portal/sign-in";
    }
    String email = resident.get().email();
    List<String> chosen = form.getOrDefault("updates", List.of());
    // Texts can only be chosen once a mobile is known; until then the choice stands as it was.
    boolean text =
        mobile(email).isPresent()
            ? chosen.contains("text")
            : accounts.preferences(email).textUpdates();
    accounts.changePreferences(email, new ContactPreferences(chosen.contains("email"), text));
    redirect.addFlashAttribute("banner", msg("portal.preferences.saved"));
    return "redirect:/portal/account/preferences";
  }

  private String preferencesPage(ResidentSession resident, Model model) {
    ContactPreferences p = accounts.preferences(resident.email());
    Optional<String> mobile = mobile(resident.email());
    Map<String, String> options = new java.util.LinkedHashMap<>();
    options.put("email", msg("portal.preferences.email", resident.email()));
    mobile.ifPresent(
        m -> options.put("text", msg("portal.preferences.text", UkFormats.displayPhone(m))));
    List<String> values = new java.util.ArrayList<>();
    if (p.emailUpdates()) {
      values.add("email");
    }
    if (p.textUpdates() && mobile.isPresent()) {
      values.add("text");
    }
    model.addAttribute("options", options);
    model.addAttribute("values", values);
    model.addAttribute("form", new LinkedMultiValueMap<String, String>());
    model.addAttribute("errors", Map.of());
    return "portal/preferences";
  }

  // --- helpers ---------------------------------------------------------------------------------

  /**
   * The UK mobile a text would go to, as notifications choose it; none while Borough cannot send
   * texts, so that they are not offered (and a choice made before stands as it was).
   */
  private Optional<String> mobile(String email) {
    if (!texts.available()) {
      return Optional.empty();
    }
    return accounts
        .primary(email)
        .map(Resident::phones)
        .flatMap(phones -> phones.stream().filter(x -> x.startsWith("+447")).findFirst());
  }

  /** A page number from 1 to 10,000; anything else is the first page. */
  private static int pageNumber(String page) {
    if (page == null || !page.matches("[0-9]{1,5}")) {
      return 1;
    }
    return Math.max(1, Math.min(10_000, Integer.parseInt(page)));
  }

  private String msg(String key, Object... args) {
    return messages.getMessage(key, args, Locale.UK);
  }
}
