// SPDX-License-Identifier: AGPL-3.0-or-later
package org.borough.bench;

import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * A resident's "Report a problem" journey on the portal as a browser makes it: every page fetched,
 * every form posted with its hidden fields (the CSRF token) and the session cookie, redirects
 * followed, each hop handed to a {@link Recorder}. Each journey is a new browser, so behind a load
 * balancer its steps land on any node. Shared by {@link PortalLoadBenchmark} and the cluster fault
 * runs.
 */
final class PortalJourney {

  /**
   * Told of every page fetched and form posted: its name, how long it took, and whether it worked.
   */
  interface Recorder {
    void record(String name, long nanos, boolean ok);
  }

  private static final Pattern FORM =
      Pattern.compile(
          "<form[^>]*method=\"post\"[^>]*action=\"([^\"]*)\"[^>]*>(.*?)</form>", Pattern.DOTALL);
  private static final Pattern HIDDEN =
      Pattern.compile("<input[^>]*type=\"hidden\"[^>]*>|<input[^>]*name=\"_csrf\"[^>]*>");
  private static final Pattern NAME = Pattern.compile("name=\"([^\"]*)\"");
  private static final Pattern VALUE = Pattern.compile("value=\"([^\"]*)\"");
  private static final Pattern SERVICE =
      Pattern.compile("<input[^>]*name=\"service\"[^>]*value=\"([^\"]+)\"");
  private static final Pattern REFERENCE = Pattern.compile("[A-Z]{2,5}-\\d{4}-\\d{6}");

  private final String url;
  private final Map<String, Map<String, String>> answers;
  private final Recorder recorder;

  /**
   * @param answers for every service, a valid answer to each question by form field name ({@link
   *     #answers})
   */
  PortalJourney(String url, Map<String, Map<String, String>> answers, Recorder recorder) {
    this.url = url;
    this.answers = answers;
    this.recorder = recorder;
  }

  /** For every service, a valid answer to each of its questions, by form field name. */
  static Map<String, Map<String, String>> answers(String url)
      throws IOException, InterruptedException {
    ObjectMapper json = new ObjectMapper();
    BenchHttp http = new BenchHttp(url);
    Map<String, Map<String, String>> all = new LinkedHashMap<>();
    for (JsonNode s : json.readTree(http.get("/open311/v2/services.json").body())) {
      String code = s.path("service_code").asString();
      Map<String, String> fields = new LinkedHashMap<>();
      JsonNode def = json.readTree(http.get("/open311/v2/services/" + code + ".json").body());
      for (JsonNode a : def.path("attributes")) {
        String value =
            switch (a.path("datatype").asString()) {
              case "singlevaluelist", "multivaluelist" ->
                  a.path("values").path(0).path("key").asString();
              case "number" -> "2";
              case "datetime" -> LocalDate.now().minusDays(1).toString();
              default -> "Seen this morning";
            };
        fields.put("attr-" + a.path("code").asString(), value);
      }
      all.put(code, fields);
    }
    return all;
  }

  /**
   * One resident's whole report, from the start page to the confirmation, in a new browser; its
   * reference. Fails (an exception) when any page does not answer as a working portal would.
   */
  String report(Random rnd, String description, String email)
      throws IOException, InterruptedException {
    Browser b = new Browser();
    HttpResponse<String> page = b.get("/portal/report/start");
    List<String> services = new ArrayList<>();
    Matcher m = SERVICE.matcher(page.body());
    while (m.find()) {
      services.add(m.group(1));
    }
    String service = services.get(rnd.nextInt(services.size()));
    Map<String, String> known = new LinkedHashMap<>(answers.getOrDefault(service, Map.of()));
    known.put("service", service);
    known.put("kind", "point");
    // Inside the demo borough's wards (DemoWardBoundaries): a point outside is refused.
    known.put("latitude", String.format(Locale.ROOT, "%.6f", 51.46 + rnd.nextDouble() * 0.03));
    known.put("longitude", String.format(Locale.ROOT, "%.6f", -0.045 + rnd.nextDouble() * 0.06));
    known.put("choice", "new");
    known.put("description", description);
    known.put("firstName", "Portal");
    known.put("lastName", "Journey");
    known.put("email", email);
    known.put("action", "continue");
    for (int step = 0; step < 20; step++) {
      String path = page.uri().getPath();
      if (path.endsWith("/confirmation")) {
        Matcher ref = REFERENCE.matcher(page.body());
        if (ref.find()) {
          lastBrowser = b;
          return ref.group();
        }
        break;
      }
      page = b.post(path, known);
    }
    throw new IllegalStateException("The journey did not reach a confirmation: " + page.uri());
  }

  private Browser lastBrowser;

  /** Tracks a report by its reference and email, in the browser of the last report. */
  HttpResponse<String> track(String reference, String email)
      throws IOException, InterruptedException {
    Browser b = lastBrowser == null ? new Browser() : lastBrowser;
    b.get("/portal/track");
    return b.post("/portal/track", Map.of("reference", reference, "detail", email));
  }

  /** A page's name for the tables: its path, with a question's code and a reference folded. */
  static String step(String path) {
    return path.replaceFirst("^/portal/(report/)?", "")
        .replaceFirst("^questions/.*", "questions/{code}")
        .replaceFirst("^track/.+", "track/{reference}");
  }

  /** A browser: its own session cookie, redirects followed and each hop recorded by page. */
  private final class Browser {
    private final HttpClient client =
        HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10))
            .followRedirects(HttpClient.Redirect.NEVER)
            .cookieHandler(new CookieManager())
            .build();
    private String lastBody = "";

    HttpResponse<String> get(String path) throws IOException, InterruptedException {
      return follow(timed("GET " + step(path), HttpRequest.newBuilder(URI.create(url + path))));
    }

    /** Posts the page's form with its hidden fields and the known answers for its inputs. */
    HttpResponse<String> post(String path, Map<String, String> known)
        throws IOException, InterruptedException {
      Matcher f = FORM.matcher(lastBody);
      String inner = null;
      while (f.find()) {
        if (f.group(1).equals(path)) {
          inner = f.group(2);
        }
      }
      if (inner == null) {
        throw new IllegalStateException("No form posting to " + path);
      }
      Map<String, String> fields = new LinkedHashMap<>();
      Matcher h = HIDDEN.matcher(inner);
      while (h.find()) {
        Matcher name = NAME.matcher(h.group());
        Matcher value = VALUE.matcher(h.group());
        if (name.find()) {
          fields.put(name.group(1), value.find() ? value.group(1) : "");
        }
      }
      Matcher names = NAME.matcher(inner);
      while (names.find()) {
        String name = names.group(1);
        if (known.containsKey(name)) {
          fields.put(name, known.get(name));
        }
      }
      fields.remove("hp_note");
      String body =
          fields.entrySet().stream()
              .map(e -> BenchHttp.enc(e.getKey()) + "=" + BenchHttp.enc(e.getValue()))
              .collect(Collectors.joining("&"));
      return follow(
          timed(
              "POST " + step(path),
              HttpRequest.newBuilder(URI.create(url + path))
                  .header("Content-Type", "application/x-www-form-urlencoded")
                  .POST(HttpRequest.BodyPublishers.ofString(body))));
    }

    private HttpResponse<String> follow(HttpResponse<String> r)
        throws IOException, InterruptedException {
      for (int hops = 0; r.statusCode() == 302 && hops < 5; hops++) {
        URI next = r.uri().resolve(r.headers().firstValue("Location").orElseThrow());
        r = timed("GET " + step(next.getPath()), HttpRequest.newBuilder(next));
      }
      if (r.statusCode() != 200) {
        throw new IllegalStateException(r.uri() + " answered " + r.statusCode());
      }
      lastBody = r.body();
      return r;
    }

    private HttpResponse<String> timed(String name, HttpRequest.Builder request)
        throws IOException, InterruptedException {
      long t0 = System.nanoTime();
      HttpResponse<String> r =
          client.send(
              request.timeout(Duration.ofSeconds(30)).build(),
              HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
      recorder.record(name, System.nanoTime() - t0, r.statusCode() < 400);
      return r;
    }
  }
}
