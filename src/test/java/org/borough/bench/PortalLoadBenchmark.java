// SPDX-License-Identifier: AGPL-3.0-or-later
package org.borough.bench;

import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * The portal benchmark from issue 3 ("portal pages p95 ≤ 100 ms"): residents going through the
 * whole "Report a problem" journey as a browser would — every page fetched, every form posted with
 * its CSRF token and session cookie, redirects followed — and tracking a report, each page timed.
 *
 * <p>Not a test ({@code ./mvnw verify} never runs it) and it asserts nothing about time. Run it
 * with {@code BENCH_HARNESS=PortalLoadBenchmark bench/run-crm-benchmark.sh}, which raises the
 * portal's rate limit for the run (one address posts all the forms). Settings: {@code
 * bench.clients} (4 residents at once), {@code bench.seconds} (30), {@code bench.warmupSeconds}
 * (20: with 5 the JIT compiler was still busy in the measured window).
 */
class PortalLoadBenchmark {

  static final double TARGET_PAGE_P95_MS = 100;
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

  private final BenchReport out = new BenchReport();
  private final ObjectMapper json = new ObjectMapper();
  private final Map<String, Latencies> pages = new LinkedHashMap<>();
  private String url;
  private Map<String, Map<String, String>> answers;

  @Test
  void run() throws Exception {
    url = BenchReport.setting("bench.url", "http://127.0.0.1:8080");
    int clients = BenchReport.intSetting("bench.clients", 4);
    int seconds = BenchReport.intSetting("bench.seconds", 30);
    out.say("Borough portal benchmark against " + url);
    answers = answers();
    out.say(answers.size() + " services, each question answered from its definition");

    ConcurrentLoad.run(
        "warm-up", clients, BenchReport.intSetting("bench.warmupSeconds", 20), 200, this::journey);
    pages.clear();
    ConcurrentLoad.Outcome journeys =
        ConcurrentLoad.run("report journeys", clients, seconds, 200, this::journey);
    out.section(
        String.format(
            Locale.UK,
            "Whole journeys (start → service → location → questions → description → photos →"
                + " contact → check → confirmation → track), %d residents at once for %d s",
            clients,
            seconds));
    journeys.lines("journeys completed").forEach(out::say);
    out.section("Each page and form post");
    out.say(Latencies.header());
    Latencies all = new Latencies("every page and post");
    synchronized (pages) {
      pages.values().forEach(l -> out.say(l.line()));
      pages.values().forEach(all::merge);
    }
    out.say(all.line());
    Map<String, Object> byPage = new LinkedHashMap<>();
    pages.forEach((k, v) -> byPage.put(k, v.summary()));
    out.summary.put("pages", byPage);
    out.summary.put("all", all.summary());
    out.summary.put("journeys", journeys.summary(clients, "completed", "perSecond"));
    out.target("portalPageP95", out.pathOf("all", "p95Ms"), TARGET_PAGE_P95_MS, true);
    out.verdict("Targets (issue 3)");
    out.write("portal");
  }

  /** One resident's whole report and a tracking look-up; answers the last page's response. */
  private HttpResponse<String> journey(ThreadLocalRandom rnd, long n)
      throws IOException, InterruptedException {
    Resident r = new Resident();
    HttpResponse<String> page = r.get("/portal/report/start", "start");
    List<String> services = new ArrayList<>();
    Matcher m = SERVICE.matcher(page.body());
    while (m.find()) {
      services.add(m.group(1));
    }
    String service = services.get(rnd.nextInt(services.size()));
    Map<String, String> known = new LinkedHashMap<>(answers.getOrDefault(service, Map.of()));
    known.put("service", service);
    known.put("kind", "point");
    known.put("latitude", String.format(Locale.ROOT, "%.6f", 51.45 + rnd.nextDouble() * 0.1));
    known.put("longitude", String.format(Locale.ROOT, "%.6f", -0.2 + rnd.nextDouble() * 0.1));
    known.put("choice", "new");
    known.put("description", "Benchmark report " + n + " from the portal");
    known.put("firstName", "Portal");
    known.put("lastName", "Bench");
    known.put("email", "portal" + rnd.nextInt(5000) + "@bench.example.org");
    known.put("action", "continue");
    String reference = null;
    for (int step = 0; step < 20 && reference == null; step++) {
      String path = page.uri().getPath();
      if (path.endsWith("/confirmation")) {
        Matcher ref = REFERENCE.matcher(page.body());
        reference = ref.find() ? ref.group() : "";
        break;
      }
      page = r.post(path, known);
    }
    if (reference == null || reference.isEmpty()) {
      throw new IllegalStateException("The journey did not reach a confirmation: " + page.uri());
    }
    r.get("/portal/track", "track");
    return r.post("/portal/track", Map.of("reference", reference, "detail", known.get("email")));
  }

  /** A browser: its own session cookie, redirects followed and each hop timed by page. */
  private final class Resident {
    private final HttpClient client =
        HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .followRedirects(HttpClient.Redirect.NEVER)
            .cookieHandler(new CookieManager())
            .build();
    private String lastBody = "";

    HttpResponse<String> get(String path, String name) throws IOException, InterruptedException {
      HttpResponse<String> r =
          timed("GET " + name, HttpRequest.newBuilder(URI.create(url + path)).GET().build());
      return follow(r);
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
      HttpRequest request =
          HttpRequest.newBuilder(URI.create(url + path))
              .header("Content-Type", "application/x-www-form-urlencoded")
              .POST(HttpRequest.BodyPublishers.ofString(body))
              .build();
      return follow(timed("POST " + step(path), request));
    }

    private HttpResponse<String> follow(HttpResponse<String> r)
        throws IOException, InterruptedException {
      for (int hops = 0; r.statusCode() == 302 && hops < 5; hops++) {
        URI next = r.uri().resolve(r.headers().firstValue("Location").orElseThrow());
        r = timed("GET " + step(next.getPath()), HttpRequest.newBuilder(next).GET().build());
      }
      if (r.statusCode() != 200) {
        throw new IllegalStateException(r.uri() + " answered " + r.statusCode());
      }
      lastBody = r.body();
      return r;
    }

    private HttpResponse<String> timed(String name, HttpRequest request)
        throws IOException, InterruptedException {
      long t0 = System.nanoTime();
      HttpResponse<String> r =
          client.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
      Latencies l;
      synchronized (pages) {
        l = pages.computeIfAbsent(name, Latencies::new);
      }
      l.record(System.nanoTime() - t0, r.statusCode() < 400);
      return r;
    }
  }

  /** A page's name for the tables: its path, with a question's code and a reference folded. */
  private static String step(String path) {
    return path.replaceFirst("^/portal/(report/)?", "")
        .replaceFirst("^questions/.*", "questions/{code}")
        .replaceFirst("^track/.+", "track/{reference}");
  }

  /** For every service, a valid answer to each of its questions, by form field name. */
  private Map<String, Map<String, String>> answers() throws IOException, InterruptedException {
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
}
