// SPDX-License-Identifier: AGPL-3.0-or-later
package org.borough.bench;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * A steady mixed load at a fixed rate, open loop: request n is due at {@code start + n / rate}
 * whether or not the earlier ones have been answered, and its latency counts from when it was due,
 * so a server that falls behind shows it in the percentiles instead of slowing the load down (the
 * coordinated omission a closed loop of clients would hide). The latencies are kept by window (a
 * minute in the full soak) so that the first and the last can be compared.
 */
final class SoakLoad {

  /** What the load is made of; the mix below repeats every 20 requests. */
  enum Kind {
    OPEN311_REPORT("POST /open311/v2/requests.json"),
    API_CASE("POST /api/v1/cases"),
    STATUS_CHANGE("POST /api/v1/cases/{ref}/status"),
    PORTAL_PAGE("GET /portal pages"),
    QUEUE_READ("GET team queues (JSON, HTML)");

    final String label;

    Kind(String label) {
      this.label = label;
    }
  }

  // 5 Open311 reports, 3 API cases, 2 status changes, 5 portal pages, 5 queue reads in 20.
  private static final Kind[] MIX = {
    Kind.OPEN311_REPORT, Kind.PORTAL_PAGE, Kind.QUEUE_READ, Kind.API_CASE,
    Kind.OPEN311_REPORT, Kind.PORTAL_PAGE, Kind.QUEUE_READ, Kind.STATUS_CHANGE,
    Kind.OPEN311_REPORT, Kind.PORTAL_PAGE, Kind.QUEUE_READ, Kind.API_CASE,
    Kind.OPEN311_REPORT, Kind.PORTAL_PAGE, Kind.QUEUE_READ, Kind.STATUS_CHANGE,
    Kind.OPEN311_REPORT, Kind.PORTAL_PAGE, Kind.QUEUE_READ, Kind.API_CASE
  };
  private static final String[] PORTAL_PAGES = {"/portal", "/portal/report/start", "/portal/track"};

  /** A case raised through the API, waiting for its status change. */
  private record Raised(String reference, int version) {}

  private final ObjectMapper json = new ObjectMapper();
  private final BenchHttp staff;
  private final BenchHttp portal;
  private final Open311Reports reports;
  private final List<JsonNode> services;
  private final List<String> teams;
  private final ConcurrentLinkedQueue<Raised> raised = new ConcurrentLinkedQueue<>();
  private final ConcurrentLinkedQueue<String> errors = new ConcurrentLinkedQueue<>();
  private final Map<Kind, Latencies> byKind = new EnumMap<>(Kind.class);
  private final Map<Long, Latencies> byWindow = new ConcurrentHashMap<>();

  /**
   * @param staff requests with a supervisor's bearer token (API cases, status changes, queues)
   * @param portal requests without one or a cookie, as many residents' browsers, each new
   */
  SoakLoad(
      BenchHttp staff,
      BenchHttp portal,
      Open311Reports reports,
      List<JsonNode> services,
      List<String> teams) {
    this.staff = staff;
    this.portal = portal;
    this.reports = reports;
    this.services = services;
    this.teams = teams;
    for (Kind k : Kind.values()) {
      byKind.put(k, new Latencies(k.label));
    }
  }

  /** Latencies of the whole run after the warm-up, by kind of request. */
  Map<Kind, Latencies> byKind() {
    return byKind;
  }

  /** Up to 20 failed requests: what was asked and what came back. */
  List<String> errorSamples() {
    return List.copyOf(errors);
  }

  /**
   * Sends {@code perSecond} requests a second for {@code warmup} plus {@code windows} windows of
   * {@code window}; at the end of the warm-up (window -1) and of each window, {@code atWindowEnd}
   * runs on this thread (the probes). Returns each window's latencies.
   */
  List<Latencies> run(
      int perSecond, Duration warmup, int windows, Duration window, WindowEnd atWindowEnd)
      throws Exception {
    long periodNanos = 1_000_000_000L / perSecond;
    long start = System.nanoTime();
    long measuredFrom = start + warmup.toNanos();
    long end = measuredFrom + window.toNanos() * windows;
    AtomicLong n = new AtomicLong();
    // Enough workers that a slow answer does not hold the next request back (open loop).
    ExecutorService workers = Executors.newFixedThreadPool(64);
    ScheduledExecutorService clock = Executors.newSingleThreadScheduledExecutor();
    clock.scheduleAtFixedRate(
        () -> {
          long i = n.getAndIncrement();
          long due = start + i * periodNanos;
          if (due >= end || skippedInWarmup(i, due - start, warmup.toNanos())) {
            return;
          }
          workers.execute(() -> send(MIX[(int) (i % MIX.length)], i, due, measuredFrom, window));
        },
        0,
        periodNanos,
        TimeUnit.NANOSECONDS);
    try {
      sleepUntil(measuredFrom);
      atWindowEnd.ended(-1);
      for (int w = 0; w < windows; w++) {
        sleepUntil(measuredFrom + window.toNanos() * (w + 1));
        atWindowEnd.ended(w);
      }
    } finally {
      clock.shutdownNow();
      workers.shutdown();
      if (!workers.awaitTermination(2, TimeUnit.MINUTES)) {
        workers.shutdownNow(); // an overwhelmed server: what is still queued is not sent
      }
    }
    List<Latencies> latencies = new ArrayList<>();
    for (long w = 0; w < windows; w++) {
      latencies.add(byWindow.getOrDefault(w, new Latencies("window " + (w + 1))));
    }
    return latencies;
  }

  /**
   * The warm-up ramps from a tenth of the rate to all of it: a cold server on two shared cores,
   * still compiling its hot paths, fell behind at once under the full rate and never caught up,
   * which says nothing about how it holds a steady load.
   */
  private static boolean skippedInWarmup(long i, long sinceStart, long warmup) {
    if (sinceStart >= warmup) {
      return false;
    }
    long tenths = 1 + sinceStart * 10 / warmup;
    return i % 10 >= tenths;
  }

  /** What runs at the end of each window. */
  interface WindowEnd {
    void ended(int window) throws Exception;
  }

  private void send(Kind kind, long n, long due, long measuredFrom, Duration window) {
    boolean ok;
    String what = kind.label;
    try {
      HttpResponse<String> r = call(kind, n);
      what = r.request().method() + " " + r.uri().getPath();
      // Starting a report answers with a redirect to its first question, as it should.
      ok = r.statusCode() / 100 == 2 || kind == Kind.PORTAL_PAGE && r.statusCode() == 302;
      if (!ok) {
        note(what + " -> " + r.statusCode() + " " + abbreviate(r.body()));
      }
    } catch (IOException e) {
      ok = false;
      note(what + " -> " + e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return;
    } catch (RuntimeException e) {
      ok = false;
      note(what + " -> " + e);
    }
    long nanos = System.nanoTime() - due;
    if (due < measuredFrom) {
      return; // warm-up
    }
    byKind.get(kind).record(nanos, ok);
    byWindow
        .computeIfAbsent(
            (due - measuredFrom) / window.toNanos(), w -> new Latencies("window " + (w + 1)))
        .record(nanos, ok);
  }

  private HttpResponse<String> call(Kind kind, long n) throws IOException, InterruptedException {
    ThreadLocalRandom r = ThreadLocalRandom.current();
    return switch (kind) {
      case OPEN311_REPORT -> reports.post(r, n, "json");
      case API_CASE -> raise(r, n);
      case STATUS_CHANGE -> {
        Raised c = raised.poll();
        yield c == null ? queue(r) : startWork(c);
      }
      case PORTAL_PAGE -> portal.get(PORTAL_PAGES[r.nextInt(PORTAL_PAGES.length)]);
      case QUEUE_READ -> queue(r);
    };
  }

  private HttpResponse<String> raise(ThreadLocalRandom r, long n)
      throws IOException, InterruptedException {
    JsonNode service = services.get(r.nextInt(services.size()));
    HttpResponse<String> created =
        staff.postJson("/api/v1/cases", BenchCases.caseJson(service, null, n));
    if (created.statusCode() == 201) {
      JsonNode c = json.readTree(created.body());
      raised.add(
          new Raised(c.path("summary").path("reference").asString(), c.path("version").asInt()));
    }
    return created;
  }

  private HttpResponse<String> startWork(Raised c) throws IOException, InterruptedException {
    return staff.postJson(
        "/api/v1/cases/" + c.reference() + "/status",
        "{\"status\":\"IN_PROGRESS\",\"version\":" + c.version() + "}");
  }

  private HttpResponse<String> queue(ThreadLocalRandom r) throws IOException, InterruptedException {
    String team = BenchHttp.enc(teams.get(r.nextInt(teams.size())));
    return r.nextBoolean()
        ? staff.getJson("/api/v1/teams/" + team + "/queue")
        : staff.get("/queues/team/" + team);
  }

  private void note(String error) {
    if (errors.size() < 20) {
      errors.add(error);
    }
  }

  private static String abbreviate(String body) {
    String oneLine = body == null ? "" : body.replaceAll("\\s+", " ");
    return oneLine.length() > 200 ? oneLine.substring(0, 200) + "…" : oneLine;
  }

  private static void sleepUntil(long nanoTime) throws InterruptedException {
    long left;
    while ((left = nanoTime - System.nanoTime()) > 0) {
      TimeUnit.NANOSECONDS.sleep(Math.min(left, 1_000_000_000L));
    }
  }
}
