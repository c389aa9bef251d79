// SPDX-License-Identifier: AGPL-3.0-or-later
package org.borough.satisfaction.web;

import java.util.LinkedHashMap;
import java.util.Map;
import org.borough.satisfaction.Invitation;
import org.borough.satisfaction.Rating;
import org.borough.satisfaction.Satisfaction;
import org.borough.system.ConflictException;
import org.borough.system.FormSteps;
import org.borough.system.InvalidInputException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The satisfaction question a reporter reaches from the link sent with their resolution: one page,
 * one question and an optional comment, then thanks. On the portal, so under its rate limits and
 * honeypot (PortalGuard); the link is the proof, as a tracking link is.
 */
@Controller
class FeedbackController {

  private final Satisfaction satisfaction;

  FeedbackController(Satisfaction satisfaction) {
    this.satisfaction = satisfaction;
  }

  @GetMapping("/portal/feedback")
  String question(@RequestParam(required = false) String token, Model model) {
    return page(token, new LinkedMultiValueMap<>(), Map.of(), model);
  }

  @PostMapping("/portal/feedback")
  String answer(@RequestParam MultiValueMap<String, String> form, Model model) {
    String token = form.getFirst("token");
    try {
      satisfaction.answer(
          token, FormSteps.choice(Rating.class, form.getFirst("rating")), form.getFirst("comment"));
    } catch (InvalidInputException e) {
      return page(token, form, e.errors(), model);
    } catch (ConflictException e) {
      return page(null, form, Map.of(), model);
    }
    return "satisfaction/thanks";
  }

  private String page(
      String token, MultiValueMap<String, String> form, Map<String, String> errors, Model model) {
    Invitation invitation = token == null ? null : satisfaction.invitation(token).orElse(null);
    Map<String, String> ratings = new LinkedHashMap<>();
    for (Rating r : Rating.values()) {
      ratings.put(r.name(), r.label());
    }
    model.addAttribute("invitation", invitation);
    model.addAttribute("token", token);
    model.addAttribute("ratings", ratings);
    model.addAttribute("form", form);
    model.addAttribute("errors", errors);
    return "satisfaction/question";
  }
}
