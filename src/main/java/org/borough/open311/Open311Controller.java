// SPDX-License-Identifier: AGPL-3.0-or-later
package org.borough.open311;

import jakarta.servlet.http.HttpServletRequest;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import org.borough.open311.Open311Clients.Client;
import org.borough.system.ClientErrors;
import org.borough.system.DatabaseUnavailable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/**
 * GeoReport v2 over HTTP. The format is the path's extension ({@code .xml} or {@code .json});
 * everything that goes wrong, including paths and methods that do not exist, answers in Open311's
 * error format in that format (XML when it cannot tell), never an HTML page.
 */
@Controller
@RequestMapping("/open311")
class Open311Controller {

  private static final Logger log = LoggerFactory.getLogger(Open311Controller.class);
  static final MediaType XML = new MediaType("text", "xml", StandardCharsets.UTF_8);
  static final MediaType JSON = new MediaType("application", "json", StandardCharsets.UTF_8);

  /** The header a client may send its key in, instead of the form body. */
  static final String API_KEY_HEADER = "X-Api-Key";

  private final Open311Gateway gateway;

  Open311Controller(Open311Gateway gateway) {
    this.gateway = gateway;
  }

  /**
   * A key in the URL is written to access logs, proxies' logs and browser histories, and so is as
   * good as published: any request with one is refused, before anything else, and its sender told
   * where a key goes.
   */
  @ModelAttribute
  void noKeyInTheUrl(HttpServletRequest request) {
    String query = request.getQueryString();
    if (query == null) {
      return;
    }
    for (String pair : query.split("&")) {
      String name = pair.contains("=") ? pair.substring(0, pair.indexOf('=')) : pair;
      if (decoded(name).trim().equalsIgnoreCase("api_key")) {
        throw Open311Exception.badRequest(
            "api_key must not be sent in the URL, where logs keep it: send it in the form body"
                + " or the "
                + API_KEY_HEADER
                + " header, and ask the council for a new key, as this one may have been seen");
      }
    }
  }

  /** Service discovery: where GeoReport v2 lives and in which formats. */
  @GetMapping("/discovery.{format}")
  ResponseEntity<String> discovery(@PathVariable String format) {
    Format f = Format.of(format);
    String base =
        ServletUriComponentsBuilder.fromCurrentContextPath().path("/open311/v2/").toUriString();
    Doc doc =
        new Doc(
            "discovery",
            Doc.obj()
                .put("changeset", "2026-01-01T00:00:00+00:00")
                .put("contact", "See docs/api/open311.md, or ask the council for an api_key")
                .put("key_service", "Ask the council's ICT service for an api_key")
                .put(
                    "endpoints",
                    new Doc.Arr(
                        "endpoint",
                        List.of(
                            Doc.obj()
                                .put("specification", "http://wiki.open311.org/GeoReport_v2")
                                .put("url", base)
                                .put("changeset", "2026-01-01T00:00:00+00:00")
                                .put("type", "production")
                                .put(
                                    "formats",
                                    new Doc.Arr(
                                        "format", List.of("text/xml", "application/json")))))));
    return f.ok(doc);
  }

  @GetMapping("/v2/services.{format}")
  ResponseEntity<String> services(
      @PathVariable String format, @RequestParam MultiValueMap<String, String> params) {
    Format f = Format.of(format);
    gateway.checkJurisdiction(Open311Gateway.first(params, "jurisdiction_id"));
    return f.ok(gateway.services());
  }

  @GetMapping("/v2/services/{code}.{format}")
  ResponseEntity<String> service(
      @PathVariable String code,
      @PathVariable String format,
      @RequestParam MultiValueMap<String, String> params) {
    Format f = Format.of(format);
    gateway.checkJurisdiction(Open311Gateway.first(params, "jurisdiction_id"));
    return f.ok(gateway.definition(code));
  }

  @PostMapping("/v2/requests.{format}")
  ResponseEntity<String> post(
      @PathVariable String format,
      @RequestParam MultiValueMap<String, String> form,
      HttpServletRequest request) {
    Format f = Format.of(format);
    gateway.checkJurisdiction(Open311Gateway.first(form, "jurisdiction_id"));
    Client client = client(form, request);
    return f.ok(as(client, Open311Principal.REPORT, () -> gateway.postRequest(client, form)));
  }

  @GetMapping("/v2/requests.{format}")
  ResponseEntity<String> requests(
      @PathVariable String format, @RequestParam MultiValueMap<String, String> params) {
    Format f = Format.of(format);
    gateway.checkJurisdiction(Open311Gateway.first(params, "jurisdiction_id"));
    return f.ok(gateway.requests(params));
  }

  @GetMapping("/v2/requests/{id}.{format}")
  ResponseEntity<String> request(
      @PathVariable String id,
      @PathVariable String format,
      @RequestParam MultiValueMap<String, String> params) {
    Format f = Format.of(format);
    gateway.checkJurisdiction(Open311Gateway.first(params, "jurisdiction_id"));
    return f.ok(gateway.request(id));
  }

  @GetMapping("/v2/tokens/{token}.{format}")
  ResponseEntity<String> token(
      @PathVariable String token,
      @PathVariable String format,
      @RequestParam MultiValueMap<String, String> params) {
    Format f = Format.of(format);
    gateway.checkJurisdiction(Open311Gateway.first(params, "jurisdiction_id"));
    return f.ok(gateway.token(token));
  }

  @GetMapping("/v2/servicerequestupdates.{format}")
  ResponseEntity<String> updates(
      @PathVariable String format, @RequestParam MultiValueMap<String, String> params) {
    Format f = Format.of(format);
    gateway.checkJurisdiction(Open311Gateway.first(params, "jurisdiction_id"));
    return f.ok(gateway.updates(params));
  }

  @PostMapping("/v2/servicerequestupdates.{format}")
  ResponseEntity<String> postUpdate(
      @PathVariable String format,
      @RequestParam MultiValueMap<String, String> form,
      HttpServletRequest request) {
    Format f = Format.of(format);
    gateway.checkJurisdiction(Open311Gateway.first(form, "jurisdiction_id"));
    Client client = client(form, request);
    return f.ok(as(client, Open311Principal.UPDATE, () -> gateway.postUpdate(client, form)));
  }

  /** Anything else under /open311: an Open311 404 (or 405 for a known path), not an HTML page. */
  @RequestMapping(
      value = "/**",
      method = {
        RequestMethod.GET,
        RequestMethod.POST,
        RequestMethod.PUT,
        RequestMethod.PATCH,
        RequestMethod.DELETE
      })
  ResponseEntity<String> elsewhere(HttpServletRequest request) {
    String path = request.getRequestURI();
    String method = request.getMethod();
    if (!"GET".equals(method) && !"POST".equals(method)) {
      throw Open311Exception.badRequest(method + " is not supported: Open311 uses GET and POST");
    }
    throw Open311Exception.notFound(
        "There is no Open311 resource at "
            + Open311Gateway.clip(path)
            + ": see /open311/discovery.xml");
  }

  /** A query parameter's name as sent, when it is not valid percent-encoding. */
  private static String decoded(String name) {
    try {
      return URLDecoder.decode(name, StandardCharsets.UTF_8);
    } catch (IllegalArgumentException e) {
      return name;
    }
  }

  /** The key from the X-Api-Key header, else the form body (never the URL: see above). */
  private Client client(MultiValueMap<String, String> form, HttpServletRequest request) {
    return gateway.client(apiKey(request, Open311Gateway.first(form, "api_key")));
  }

  /** The key from the X-Api-Key header, else {@code fromBody}, the form's api_key (or null). */
  static String apiKey(HttpServletRequest request, String fromBody) {
    String header = request.getHeader(API_KEY_HEADER);
    return header != null && !header.isBlank() ? header.trim() : fromBody;
  }

  private static Doc as(
      Client client, java.util.Set<org.borough.identity.Permission> can, Supplier<Doc> work) {
    return Open311Principal.call(client.principal(), can, work);
  }

  @ExceptionHandler(Open311Exception.class)
  ResponseEntity<String> refused(Open311Exception e, HttpServletRequest request) {
    return Format.fromPath(request.getRequestURI()).error(e);
  }

  /**
   * A malformed request (a broken %-escape, a body that is not what it says): one line in the log
   * and a 400; a database out of reach: one line and a 503 to retry; anything else is a bug, logged
   * with its trace. All in Open311's format, not a page.
   */
  @ExceptionHandler(Exception.class)
  ResponseEntity<String> failed(Exception e, HttpServletRequest request) {
    Optional<Integer> client = ClientErrors.status(e);
    if (client.isPresent()) {
      log.info(
          "Open311 {} {} refused: {}",
          request.getMethod(),
          request.getRequestURI(),
          ClientErrors.describe(e));
      return Format.fromPath(request.getRequestURI())
          .error(Open311Exception.malformed(client.get()));
    }
    if (DatabaseUnavailable.causedBy(e)) {
      log.warn(
          "Open311 {} {} answered 503: the database could not be reached ({})",
          request.getMethod(),
          request.getRequestURI(),
          DatabaseUnavailable.describe(e));
      ResponseEntity<String> answer =
          Format.fromPath(request.getRequestURI()).error(Open311Exception.unavailable());
      return ResponseEntity.status(answer.getStatusCode())
          .headers(answer.getHeaders())
          .header("Retry-After", Integer.toString(DatabaseUnavailable.RETRY_AFTER_SECONDS))
          .body(answer.getBody());
    }
    log.error("Open311 {} {} failed", request.getMethod(), request.getRequestURI(), e);
    return Format.fromPath(request.getRequestURI())
        .error(
            new Open311Exception(500, List.of("General service error: the council has been told")));
  }

  /** The two formats GeoReport v2 defines. */
  enum Format {
    XML_FORMAT(XML),
    JSON_FORMAT(JSON);

    private final MediaType type;

    Format(MediaType type) {
      this.type = type;
    }

    static Format of(String extension) {
      return switch (extension) {
        case "xml" -> XML_FORMAT;
        case "json" -> JSON_FORMAT;
        default ->
            throw Open311Exception.badRequest(
                "Format '"
                    + Open311Gateway.clip(extension)
                    + "' is not supported: use .xml or .json");
      };
    }

    /** The format an error should be in: the path's, when it names one Borough writes. */
    static Format fromPath(String path) {
      return path != null && path.endsWith(".json") ? JSON_FORMAT : XML_FORMAT;
    }

    ResponseEntity<String> ok(Doc doc) {
      return respond(200, doc);
    }

    ResponseEntity<String> error(Open311Exception e) {
      Doc doc =
          new Doc(
              "errors",
              new Doc.Arr(
                  "error",
                  e.errors().stream()
                      .map(x -> Doc.obj().put("code", x.code()).put("description", x.description()))
                      .toList()));
      return respond(e.status(), doc);
    }

    private ResponseEntity<String> respond(int status, Doc doc) {
      return ResponseEntity.status(status)
          .contentType(type)
          .body(this == JSON_FORMAT ? doc.json() : doc.xml());
    }
  }
}
