// SPDX-License-Identifier: AGPL-3.0-or-later
package org.borough.bench;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * The CRM load benchmark from issue 2 ("Speed and memory"): resident search latency, team queue
 * latency and case creation throughput, measured over HTTP against a <em>running</em> Borough.
 *
 * <p>Not a test: the name does not end in Test/Tests/IT, so {@code ./mvnw verify} never runs it,
 * and it asserts nothing about timings. It prints a report and writes {@code <build
 * dir>/bench/crm.json}. Run it with {@code bench/run-crm-benchmark.sh}, which starts Borough on
 * PostgreSQL with -Xmx512m, or by hand:
 *
 * <pre>
 * ./mvnw -B -q test -Dborough.build.dir=/work/main/target-bench -Dtest=CrmLoadBenchmark \
 *     -Dsurefire.failIfNoSpecifiedTests=false -Dbench.url=http://127.0.0.1:8080 \
 *     -Dbench.adminPassword=...
 * </pre>
 *
 * <p>Settings (system properties): {@code bench.url}, {@code bench.adminUser} (admin), {@code
 * bench.adminPassword} (else env BOROUGH_ADMIN_PASSWORD), {@code bench.adminToken} (else env
 * BENCH_ADMIN_API_TOKEN: an admin API token, used when the password is unknown), {@code
 * bench.token} (skip signing in and use this token), {@code bench.user} (whose token: supervisor),
 * {@code bench.warmup} (requests of each kind before measuring: 300), {@code bench.searches}
 * (2000), {@code bench.searchPages} (console search pages: 300), {@code bench.queues} (first pages:
 * 1000), {@code bench.queuePages} (console queue pages: 300), {@code bench.clients} (8), {@code
 * bench.seconds} (30), {@code bench.warmupSeconds} (case creation warm-up: 5), {@code
 * bench.sampleResidents} (300), {@code bench.seed} (42), {@code bench.out} (the JSON summary's
 * path).
 */
class CrmLoadBenchmark {

  static final double TARGET_SEARCH_P95_MS = 50;
  static final double TARGET_QUEUE_P95_MS = 100;
  static final double TARGET_CASES_PER_SECOND = 500;

  private final ObjectMapper json = new ObjectMapper();
  private final BenchReport out = new BenchReport();

  private BenchHttp http;
  private Random random;

  @Test
  void run() throws Exception {
    String url = BenchReport.setting("bench.url", "http://127.0.0.1:8080");
    int warmup = BenchReport.intSetting("bench.warmup", 300);
    int searches = BenchReport.intSetting("bench.searches", 2000);
    int searchPages = BenchReport.intSetting("bench.searchPages", 300);
    int caseSearches = BenchReport.intSetting("bench.caseSearches", 1200);
    int queueRequests = BenchReport.intSetting("bench.queues", 1000);
    int queuePages = BenchReport.intSetting("bench.queuePages", 300);
    int clients = BenchReport.intSetting("bench.clients", 8);
    int seconds = BenchReport.intSetting("bench.seconds", 30);
    int warmupSeconds = BenchReport.intSetting("bench.warmupSeconds", 5);
    int sampleSize = BenchReport.intSetting("bench.sampleResidents", 300);
    long seed = Long.parseLong(BenchReport.setting("bench.seed", "42"));
    random = new Random(seed);

    Map<String, Object> config = new LinkedHashMap<>();
    config.put("url", url);
    config.put("user", BenchReport.setting("bench.user", "supervisor"));
    config.put("warmupRequestsPerKind", warmup);
    config.put("searches", searches);
    config.put("searchPages", searchPages);
    config.put("caseSearches", caseSearches);
    config.put("queueFirstPages", queueRequests);
    config.put("queuePages", queuePages);
    config.put("clients", clients);
    config.put("seconds", seconds);
    config.put("warmupSeconds", warmupSeconds);
    config.put("sampleResidents", sampleSize);
    config.put("seed", seed);
    out.summary.put("startedAt", Instant.now().toString());
    out.summary.put("config", config);
    out.say("Borough CRM load benchmark against " + url + " at " + Instant.now());

    http = new BenchHttp(url);
    http.useToken(BenchCases.token(url, "supervisor", out));

    List<String> allTeams = teams();
    Sample sample = sample(allTeams, sampleSize);
    // Queues are read for teams that have active cases; an empty queue would flatter the numbers.
    List<String> teams = sample.busyTeams;
    List<JsonNode> services = BenchCases.services(http);
    out.say(
        String.format(
            Locale.UK,
            "Sampled %d residents from the queues of %d teams (%d with active cases: %s);"
                + " %d search terms; %d active services",
            sample.residents,
            allTeams.size(),
            teams.size(),
            String.join(", ", teams),
            sample.terms.values().stream().mapToInt(List::size).sum(),
            services.size()));
    config.put("teams", teams);

    // Warm-up: every kind of request, results thrown away.
    long warmStarted = System.nanoTime();
    searchApi(sample, warmup, new Random(seed + 1), true);
    searchPages(sample, Math.max(1, warmup / 3), new Random(seed + 2), true);
    caseSearch(sample, warmup, new Random(seed + 5), true);
    queueApi(teams, Math.max(1, warmup / 2), new Random(seed + 3), true);
    queuePages(teams, Math.max(1, warmup / 3), new Random(seed + 4), true);
    createCases(services, sample.residentIds, clients, warmupSeconds, true);
    out.say(
        String.format(
            Locale.UK, "Warm-up done in %.1f s", (System.nanoTime() - warmStarted) / 1e9));

    searchApi(sample, searches, new Random(seed + 11), false);
    searchPages(sample, searchPages, new Random(seed + 12), false);
    caseSearch(sample, caseSearches, new Random(seed + 15), false);
    queueApi(teams, queueRequests, new Random(seed + 13), false);
    queuePages(teams, queuePages, new Random(seed + 14), false);
    createCases(services, sample.residentIds, clients, seconds, false);

    out.summary.put("finishedAt", Instant.now().toString());
    verdict();
    out.write("crm");
  }

  // --- (a) resident search ------------------------------------------------------------------

  private void searchApi(Sample sample, int n, Random rnd, boolean warm)
      throws IOException, InterruptedException {
    List<String> kinds = new ArrayList<>(sample.terms.keySet());
    Map<String, Latencies> byKind = new LinkedHashMap<>();
    kinds.forEach(k -> byKind.put(k, new Latencies(k)));
    Latencies overall = new Latencies("overall");
    Latencies nextPages = new Latencies("surname prefix, next page");
    Map<String, Integer> empty = new TreeMap<>();
    List<String> errors = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      String kind = kinds.get(i % kinds.size());
      List<String> pool = sample.terms.get(kind);
      String term = pool.get(rnd.nextInt(pool.size()));
      Timed t = timed("/api/v1/residents?q=" + BenchHttp.enc(term), true);
      boolean ok = t.status == 200;
      byKind.get(kind).record(t.nanos, ok);
      overall.record(t.nanos, ok);
      if (!ok) {
        addError(errors, "GET /api/v1/residents?q=" + term, t);
        continue;
      }
      JsonNode body = json.readTree(t.body);
      if (body.path("results").size() == 0 && body.path("similar").size() == 0) {
        empty.merge(kind, 1, Integer::sum);
      }
      String next = body.path("next").isString() ? body.path("next").asString() : null;
      // One search in ten that has a second page follows it: keyset pagination must be as fast.
      if (kind.equals(KIND_PREFIX) && next != null && rnd.nextInt(10) == 0) {
        Timed p =
            timed(
                "/api/v1/residents?q=" + BenchHttp.enc(term) + "&after=" + BenchHttp.enc(next),
                true);
        nextPages.record(p.nanos, p.status == 200);
        if (p.status != 200) {
          addError(errors, "GET /api/v1/residents?q=" + term + "&after=…", p);
        }
      }
    }
    if (warm) {
      return;
    }
    out.section("(a) Resident search, GET /api/v1/residents?q=… (sequential, one client)");
    out.say(Latencies.header());
    byKind.values().forEach(l -> out.say(l.line()));
    out.say(nextPages.line());
    out.say(overall.line());
    if (!empty.isEmpty()) {
      out.say("  searches with no results (term sampled from real data): " + empty);
    }
    Map<String, Object> s = new LinkedHashMap<>();
    s.put("overall", overall.summary());
    Map<String, Object> kindsOut = new LinkedHashMap<>();
    byKind.forEach((k, l) -> kindsOut.put(k, l.summary()));
    kindsOut.put(nextPages.name(), nextPages.summary());
    s.put("byKind", kindsOut);
    s.put("emptyResults", empty);
    s.put("errorSamples", errors);
    out.summary.put("residentSearchApi", s);
  }

  private void caseSearch(Sample sample, int n, Random rnd, boolean warm)
      throws IOException, InterruptedException {
    List<String> kinds = new ArrayList<>(sample.caseTerms.keySet());
    Map<String, Latencies> byKind = new LinkedHashMap<>();
    kinds.forEach(k -> byKind.put(k, new Latencies(k)));
    Latencies overall = new Latencies("overall");
    Latencies pages = new Latencies("GET /cases/search?q=… (HTML)");
    Map<String, Integer> empty = new TreeMap<>();
    List<String> errors = new ArrayList<>();
    for (int i = 0; i < n && !kinds.isEmpty(); i++) {
      String kind = kinds.get(i % kinds.size());
      List<String> pool = sample.caseTerms.get(kind);
      String term = pool.get(rnd.nextInt(pool.size()));
      // One round of the kinds in four as the console page, the rest through the API.
      boolean page = (i / kinds.size()) % 4 == 3;
      Timed t =
          page
              ? timed("/cases/search?q=" + BenchHttp.enc(term), false)
              : timed("/api/v1/cases?q=" + BenchHttp.enc(term), true);
      boolean ok = t.status == 200;
      (page ? pages : byKind.get(kind)).record(t.nanos, ok);
      if (!page) {
        overall.record(t.nanos, ok);
      }
      if (!ok) {
        addError(errors, "GET cases q=" + term, t);
      } else if (!page && json.readTree(t.body).path("cases").size() == 0) {
        empty.merge(kind, 1, Integer::sum);
      }
    }
    if (warm) {
      return;
    }
    out.section("(a2) Case search, GET /api/v1/cases?q=… and /cases/search (sequential)");
    out.say(Latencies.header());
    byKind.values().forEach(l -> out.say(l.line()));
    out.say(overall.line());
    out.say(pages.line());
    if (!empty.isEmpty()) {
      out.say("  searches with no results (term sampled from real data): " + empty);
    }
    Map<String, Object> s = new LinkedHashMap<>();
    s.put("overall", overall.summary());
    Map<String, Object> kindsOut = new LinkedHashMap<>();
    byKind.forEach((k, l) -> kindsOut.put(k, l.summary()));
    s.put("byKind", kindsOut);
    s.put("page", pages.summary());
    s.put("emptyResults", empty);
    s.put("errorSamples", errors);
    out.summary.put("caseSearch", s);
  }

  private void searchPages(Sample sample, int n, Random rnd, boolean warm)
      throws IOException, InterruptedException {
    List<String> kinds = new ArrayList<>(sample.terms.keySet());
    Latencies page = new Latencies("GET /residents?q=… (HTML)");
    List<String> errors = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      List<String> pool = sample.terms.get(kinds.get(i % kinds.size()));
      String term = pool.get(rnd.nextInt(pool.size()));
      Timed t = timed("/residents?q=" + BenchHttp.enc(term), false);
      page.record(t.nanos, t.status == 200);
      if (t.status != 200) {
        addError(errors, "GET /residents?q=" + term, t);
      }
    }
    if (warm) {
      return;
    }
    out.section("(a) Resident search, console page (sequential, one client)");
    out.say(Latencies.header());
    out.say(page.line());
    Map<String, Object> s = new LinkedHashMap<>(page.summary());
    s.put("errorSamples", errors);
    out.summary.put("residentSearchPage", s);
  }

  // --- (b) team queues ----------------------------------------------------------------------

  private static final String[] QUEUE_FILTERS = {"", "at-risk", "breached"};

  private void queueApi(List<String> teams, int n, Random rnd, boolean warm)
      throws IOException, InterruptedException {
    Map<String, Latencies> first = new LinkedHashMap<>();
    first.put("", new Latencies("first page, no filter"));
    first.put("at-risk", new Latencies("first page, sla=at-risk"));
    first.put("breached", new Latencies("first page, sla=breached"));
    Latencies next = new Latencies("next page via cursor (depth 1-3)");
    Latencies overall = new Latencies("overall");
    List<String> errors = new ArrayList<>();
    int[] pagesByDepth = new int[4];
    for (int i = 0; i < n; i++) {
      String team = teams.get(rnd.nextInt(teams.size()));
      String sla = QUEUE_FILTERS[i % QUEUE_FILTERS.length];
      String path = "/api/v1/teams/" + BenchHttp.enc(team) + "/queue";
      String firstPath = sla.isEmpty() ? path : path + "?sla=" + sla;
      Timed t = timed(firstPath, true);
      first.get(sla).record(t.nanos, t.status == 200);
      overall.record(t.nanos, t.status == 200);
      if (t.status != 200) {
        addError(errors, "GET " + firstPath, t);
        continue;
      }
      int depth = 1 + rnd.nextInt(3);
      String cursor = nextOf(t.body);
      for (int d = 1; d <= depth && cursor != null; d++) {
        String p = path + "?after=" + BenchHttp.enc(cursor) + (sla.isEmpty() ? "" : "&sla=" + sla);
        Timed c = timed(p, true);
        next.record(c.nanos, c.status == 200);
        overall.record(c.nanos, c.status == 200);
        if (c.status != 200) {
          addError(errors, "GET " + p, c);
          break;
        }
        pagesByDepth[d]++;
        cursor = nextOf(c.body);
      }
    }
    if (warm) {
      return;
    }
    out.section("(b) Team queue, GET /api/v1/teams/{code}/queue (sequential, one client)");
    out.say(Latencies.header());
    first.values().forEach(l -> out.say(l.line()));
    out.say(next.line());
    out.say(overall.line());
    out.say(
        String.format(
            Locale.UK,
            "  cursor pages followed: depth 1: %d, depth 2: %d, depth 3: %d",
            pagesByDepth[1],
            pagesByDepth[2],
            pagesByDepth[3]));
    Map<String, Object> s = new LinkedHashMap<>();
    s.put("overall", overall.summary());
    Map<String, Object> kinds = new LinkedHashMap<>();
    first.values().forEach(l -> kinds.put(l.name(), l.summary()));
    kinds.put(next.name(), next.summary());
    s.put("byKind", kinds);
    s.put("cursorPagesByDepth", List.of(pagesByDepth[1], pagesByDepth[2], pagesByDepth[3]));
    s.put("errorSamples", errors);
    out.summary.put("teamQueueApi", s);
  }

  private void queuePages(List<String> teams, int n, Random rnd, boolean warm)
      throws IOException, InterruptedException {
    Latencies page = new Latencies("GET /queues/team/{code} (HTML)");
    List<String> errors = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      String team = teams.get(rnd.nextInt(teams.size()));
      String sla = QUEUE_FILTERS[i % QUEUE_FILTERS.length];
      String path = "/queues/team/" + BenchHttp.enc(team) + (sla.isEmpty() ? "" : "?sla=" + sla);
      Timed t = timed(path, false);
      page.record(t.nanos, t.status == 200);
      if (t.status != 200) {
        addError(errors, "GET " + path, t);
      }
    }
    if (warm) {
      return;
    }
    out.section("(b) Team queue, console page (sequential, one client)");
    out.say(Latencies.header());
    out.say(page.line());
    Map<String, Object> s = new LinkedHashMap<>(page.summary());
    s.put("errorSamples", errors);
    out.summary.put("teamQueuePage", s);
  }

  // --- (c) case creation --------------------------------------------------------------------

  private void createCases(
      List<JsonNode> services, List<String> residents, int clients, int seconds, boolean warm)
      throws InterruptedException {
    ConcurrentLoad.Outcome outcome =
        ConcurrentLoad.run(
            "POST /api/v1/cases",
            clients,
            seconds,
            201,
            (rnd, n) -> {
              JsonNode service = services.get(rnd.nextInt(services.size()));
              String resident =
                  residents.isEmpty() ? null : residents.get(rnd.nextInt(residents.size()));
              return http.postJson("/api/v1/cases", BenchCases.caseJson(service, resident, n));
            });
    if (warm) {
      return;
    }
    out.section(
        String.format(
            Locale.UK,
            "(c) Case creation, POST /api/v1/cases (%d concurrent clients for %d s)",
            clients,
            seconds));
    outcome.lines("cases created").forEach(out::say);
    out.summary.put("caseCreation", outcome.summary(clients, "created", "casesPerSecond"));
  }

  // --- sampling real data through the API ---------------------------------------------------

  static final String KIND_SURNAME = "name: surname";
  static final String KIND_PREFIX = "name: surname prefix (3+ letters)";
  static final String KIND_FULL = "name: full name";
  static final String KIND_POSTCODE = "postcode";
  static final String KIND_PHONE = "phone";
  static final String KIND_EMAIL = "email";
  static final String KIND_MISSPELT = "name: misspelt surname (similar names)";
  static final String KIND_MISSPELT_FULL = "name: forename and misspelt surname";
  static final String CASE_NUMBER = "case: reference number without zeros";
  static final String CASE_POSTCODE = "case: postcode";
  static final String CASE_STREET = "case: street words";
  static final String CASE_WORDS = "case: two words of the description";

  /** Search terms by kind, and the residents they came from. */
  record Sample(
      Map<String, List<String>> terms,
      List<String> residentIds,
      int residents,
      List<String> busyTeams,
      Map<String, List<String>> caseTerms) {}

  private List<String> teams() throws IOException, InterruptedException {
    HttpResponse<String> r = http.getJson("/api/v1/teams");
    BenchHttp.expect(r, 200, "GET /api/v1/teams");
    List<String> codes = new ArrayList<>();
    for (JsonNode t : json.readTree(r.body())) {
      codes.add(t.path("code").asString());
    }
    if (codes.isEmpty()) {
      throw new IllegalStateException("No teams: is there demo data?");
    }
    return codes;
  }

  /**
   * Residents found through the queues (every team, no filter and breached, two pages each), then
   * read one by one for their names, postcodes, phones and emails.
   */
  private Sample sample(List<String> teams, int size) throws IOException, InterruptedException {
    Set<String> ids = new LinkedHashSet<>();
    Set<String> busy = new LinkedHashSet<>();
    List<String> references = new ArrayList<>();
    for (String team : teams) {
      for (String sla : QUEUE_FILTERS) {
        String path =
            "/api/v1/teams/"
                + BenchHttp.enc(team)
                + "/queue"
                + (sla.isEmpty() ? "" : "?sla=" + sla);
        String cursor = null;
        for (int page = 0; page < 2; page++) {
          String p =
              cursor == null
                  ? path
                  : path + (sla.isEmpty() ? "?" : "&") + "after=" + BenchHttp.enc(cursor);
          HttpResponse<String> r = http.getJson(p);
          BenchHttp.expect(r, 200, "GET " + p);
          JsonNode body = json.readTree(r.body());
          for (JsonNode c : body.path("cases")) {
            busy.add(team);
            references.add(c.path("reference").asString());
            if (c.path("residentId").isString()) {
              ids.add(c.path("residentId").asString());
            }
          }
          cursor = body.path("next").isString() ? body.path("next").asString() : null;
          if (cursor == null) {
            break;
          }
        }
      }
    }
    List<String> shuffled = new ArrayList<>(ids);
    Collections.shuffle(shuffled, random);
    List<String> chosen = shuffled.subList(0, Math.min(size, shuffled.size()));
    Map<String, List<String>> terms = new LinkedHashMap<>();
    for (String k :
        List.of(
            KIND_SURNAME,
            KIND_PREFIX,
            KIND_FULL,
            KIND_POSTCODE,
            KIND_PHONE,
            KIND_EMAIL,
            KIND_MISSPELT,
            KIND_MISSPELT_FULL)) {
      terms.put(k, new ArrayList<>());
    }
    int phoneStyle = 0;
    for (String id : chosen) {
      HttpResponse<String> r = http.getJson("/api/v1/residents/" + id);
      BenchHttp.expect(r, 200, "GET /api/v1/residents/" + id);
      JsonNode res = json.readTree(r.body());
      String forename = res.path("forename").asString("");
      String surname = res.path("surname").asString("");
      if (!surname.isBlank()) {
        terms.get(KIND_SURNAME).add(surname);
        String letters = surname.replaceAll("[^\\p{L}]", "");
        if (letters.length() >= 3) {
          int len = letters.length() == 3 ? 3 : 3 + random.nextInt(letters.length() - 3);
          terms.get(KIND_PREFIX).add(letters.substring(0, len));
        }
        if (!forename.isBlank()) {
          terms.get(KIND_FULL).add(forename + " " + surname);
        }
        String misspelt = misspelt(surname);
        if (misspelt != null) {
          terms.get(KIND_MISSPELT).add(misspelt);
          if (!forename.isBlank()) {
            terms.get(KIND_MISSPELT_FULL).add(forename + " " + misspelt);
          }
        }
      }
      for (JsonNode a : res.path("addresses")) {
        if (a.path("postcode").isString()) {
          terms.get(KIND_POSTCODE).add(a.path("postcode").asString());
          break;
        }
      }
      for (JsonNode p : res.path("phones")) {
        String e164 = p.asString("");
        // Half as stored (+447700900123), half as people say it (07700900123).
        terms
            .get(KIND_PHONE)
            .add(phoneStyle++ % 2 == 0 || !e164.startsWith("+44") ? e164 : "0" + e164.substring(3));
        break;
      }
      for (JsonNode e : res.path("emails")) {
        terms.get(KIND_EMAIL).add(e.asString());
        break;
      }
    }
    terms.values().removeIf(List::isEmpty);
    if (terms.isEmpty()) {
      throw new IllegalStateException("Found no residents in the team queues to sample from");
    }
    if (busy.isEmpty()) {
      throw new IllegalStateException("Every team queue is empty: is there demo data?");
    }
    Collections.shuffle(references, random);
    Map<String, List<String>> caseTerms =
        caseTerms(references.subList(0, Math.min(size, references.size())));
    return new Sample(terms, List.copyOf(chosen), chosen.size(), List.copyOf(busy), caseTerms);
  }

  /**
   * The surname with its first vowel after the first letter changed, as a caller's name is heard
   * and typed ('Smith' as 'Smeth'); null when it has none.
   */
  static String misspelt(String surname) {
    String vowels = "aeiouy";
    for (int i = 1; i < surname.length(); i++) {
      int v = vowels.indexOf(Character.toLowerCase(surname.charAt(i)));
      if (v >= 0) {
        char other = vowels.charAt((v + 1) % vowels.length());
        return surname.substring(0, i) + other + surname.substring(i + 1);
      }
    }
    return null;
  }

  /** Case search terms from real cases: part of the reference, postcode, street, description. */
  private Map<String, List<String>> caseTerms(List<String> references)
      throws IOException, InterruptedException {
    Map<String, List<String>> terms = new LinkedHashMap<>();
    for (String k : List.of(CASE_NUMBER, CASE_POSTCODE, CASE_STREET, CASE_WORDS)) {
      terms.put(k, new ArrayList<>());
    }
    java.util.regex.Pattern postcode =
        java.util.regex.Pattern.compile("[A-Z]{1,2}[0-9][A-Z0-9]? [0-9][A-Z]{2}");
    for (String ref : references) {
      HttpResponse<String> r = http.getJson("/api/v1/cases/" + BenchHttp.enc(ref));
      BenchHttp.expect(r, 200, "GET /api/v1/cases/" + ref);
      JsonNode c = json.readTree(r.body());
      terms.get(CASE_NUMBER).add(ref.substring(ref.lastIndexOf('-') + 1).replaceFirst("^0+", ""));
      String address = c.path("address").asString("");
      var m = postcode.matcher(address);
      if (m.find()) {
        terms.get(CASE_POSTCODE).add(m.group());
      }
      String street = address.replaceAll("^[^A-Za-z]*", "").split(",")[0].strip();
      if (street.contains(" ")) {
        terms.get(CASE_STREET).add(street);
      }
      List<String> words =
          java.util.Arrays.stream(c.path("description").asString("").split("[^A-Za-z]+"))
              .filter(w -> w.length() >= 4)
              .toList();
      if (words.size() >= 2) {
        int i = random.nextInt(words.size() - 1);
        terms.get(CASE_WORDS).add(words.get(i) + " " + words.get(i + 1));
      }
    }
    terms.values().removeIf(List::isEmpty);
    return terms;
  }

  // --- plumbing -----------------------------------------------------------------------------

  /** One timed request: status, body, and the time until the whole body had arrived. */
  record Timed(int status, String body, long nanos) {}

  private Timed timed(String path, boolean api) {
    long t0 = System.nanoTime();
    try {
      HttpResponse<String> r = api ? http.getJson(path) : http.get(path);
      return new Timed(r.statusCode(), r.body(), System.nanoTime() - t0);
    } catch (IOException e) {
      return new Timed(-1, e.toString(), System.nanoTime() - t0);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private String nextOf(String body) {
    JsonNode next = json.readTree(body).path("next");
    return next.isString() ? next.asString() : null;
  }

  private static void addError(List<String> errors, String what, Timed t) {
    if (errors.size() < 5) {
      errors.add(what + " -> " + t.status + " " + ConcurrentLoad.abbreviate(t.body));
    }
  }

  /** Targets from issue 2, compared with what was measured; reported, never asserted. */
  private void verdict() {
    out.target(
        "residentSearchApiP95",
        out.pathOf("residentSearchApi", "overall", "p95Ms"),
        TARGET_SEARCH_P95_MS,
        true);
    out.target(
        "residentSearchPageP95",
        out.pathOf("residentSearchPage", "p95Ms"),
        TARGET_SEARCH_P95_MS,
        true);
    out.target(
        "caseSearchApiP95",
        out.pathOf("caseSearch", "overall", "p95Ms"),
        TARGET_SEARCH_P95_MS,
        true);
    out.target(
        "caseSearchPageP95", out.pathOf("caseSearch", "page", "p95Ms"), TARGET_SEARCH_P95_MS, true);
    out.target(
        "teamQueueApiP95",
        out.pathOf("teamQueueApi", "overall", "p95Ms"),
        TARGET_QUEUE_P95_MS,
        true);
    out.target("teamQueuePageP95", out.pathOf("teamQueuePage", "p95Ms"), TARGET_QUEUE_P95_MS, true);
    out.target(
        "casesPerSecond",
        out.pathOf("caseCreation", "casesPerSecond"),
        TARGET_CASES_PER_SECOND,
        false);
    out.verdict("Targets (issue 2; case search: issue 18)");
  }
}
