// SPDX-License-Identifier: AGPL-3.0-or-later
package org.borough.system.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.net.URI;
import org.borough.system.ConflictException;
import org.borough.system.NotFoundException;
import org.borough.system.StaleEditException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;

/** Console pages: unknown ids give the 404 page, impossible actions a page that says why. */
@ControllerAdvice(annotations = Controller.class)
class PageErrorAdvice {

  private final LayoutAdvice layout;

  PageErrorAdvice(LayoutAdvice layout) {
    this.layout = layout;
  }

  @ExceptionHandler({NotFoundException.class, MethodArgumentTypeMismatchException.class})
  String notFound(Model model, HttpServletResponse response) {
    layout.populate(model);
    response.setStatus(404);
    return "error/404";
  }

  @ExceptionHandler(ConflictException.class)
  String conflict(ConflictException e, Model model, HttpServletResponse response) {
    layout.populate(model);
    response.setStatus(409);
    model.addAttribute("reason", e.getMessage());
    return "error/409";
  }

  /**
   * A form saved over a colleague's change: say so, and link back to the page the form was on so
   * the officer sees the record as it is now. Nothing of theirs was saved.
   */
  @ExceptionHandler(StaleEditException.class)
  String staleEdit(
      StaleEditException e, Model model, HttpServletRequest request, HttpServletResponse response) {
    layout.populate(model);
    response.setStatus(409);
    model.addAttribute("reason", e.getMessage());
    model.addAttribute("errors", java.util.Map.of("reload", e.getMessage()));
    model.addAttribute("reload", reloadLink(request));
    return "error/stale-edit";
  }

  /**
   * The page the form was posted from, when the browser says (the referrer policy is same-origin,
   * so only our own pages are named); otherwise the address posted to, which for most edit forms is
   * the edit page itself. Only a path on this site, never another host.
   */
  static String reloadLink(HttpServletRequest request) {
    String referer = request.getHeader("Referer");
    if (referer != null) {
      try {
        URI uri = URI.create(referer);
        boolean ours =
            uri.getHost() == null
                || (uri.getHost().equalsIgnoreCase(request.getServerName())
                    && (uri.getPort() == -1 || uri.getPort() == request.getServerPort()));
        String path = uri.getRawPath();
        if (ours && path != null && path.startsWith("/") && !path.startsWith("//")) {
          return uri.getRawQuery() == null ? path : path + "?" + uri.getRawQuery();
        }
      } catch (IllegalArgumentException ignored) {
        // An unreadable referrer: fall back to the address posted to.
      }
    }
    return request.getRequestURI();
  }
}
