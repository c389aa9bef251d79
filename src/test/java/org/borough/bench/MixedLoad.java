// SPDX-License-Identifier: AGPL-3.0-or-later
package org.borough.bench;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import tools.jackson.databind.JsonNode;

/**
 * The steady mixed writes of issue 12's fault runs, through the load balancer: Open311 reports,
 * cases raised on the JSON API, status changes of those cases, and whole portal report journeys.
 * Each write carries a marker in its words, so that the database can be searched for every one;
 * every acknowledged write is remembered. Clients retry a report that got no answer or a 5xx with
 * the same {@code Idempotency-Key}, as a careful application does: a retry must never make a second
 * case. Paused while the checks run, so that the warehouse can catch up.
 */
final class MixedLoad implements AutoCloseable {

  /** What kind of write. */
  enum Kind {
    OPEN311,
    API_CASE,
    STATUS,
    PORTAL
  }

  /**
   * A write the cluster acknowledged.
   *
   * @param marker the words that find it in the database
   * @param email the reporter's address (each report has its own), or null
   */
  record Ack(Kind kind, String reference, String marker, String email) {}

  private static final Pattern OPEN311_REFERENCE =
      Pattern.compile("\"service_request_id\"\\s*:\\s*\"([^\"]+)\"");
  private static final Pattern API_REFERENCE =
      Pattern.compile("\"reference\"\\s*:\\s*\"([^\"]+)\"");

  private final Open311Reports open311;
  private final BenchHttp api;
  private final List<JsonNode> services;
  private final PortalJourney portal;
  private final String run = UUID.randomUUID().toString().substring(0, 8);

  private final ConcurrentLinkedQueue<Ack> acknowledged = new ConcurrentLinkedQueue<>();
  private final CopyOnWriteArrayList<String> openApiCases = new CopyOnWriteArrayList<>();
  private final ConcurrentLinkedQueue<String> errors = new ConcurrentLinkedQueue<>();
  private final AtomicLong failed = new AtomicLong();
  private final AtomicLong sequence = new AtomicLong();
  private final AtomicBoolean stop = new AtomicBoolean();
  private final AtomicBoolean paused = new AtomicBoolean();
  private final AtomicLong busy = new AtomicLong();
  private final List<Thread> threads = new ArrayList<>();

  /**
   * @param url the load balancer
   * @param apiToken a bearer token that may raise cases and change any team's statuses
   */
  MixedLoad(String url, String open311Key, String apiToken) throws Exception {
    this.open311 = new Open311Reports(new BenchHttp(url), open311Key, Duration.ofMinutes(2));
    this.api = new BenchHttp(url);
    api.useToken(apiToken);
    this.services = BenchCases.services(api);
    this.portal = new PortalJourney(url, PortalJourney.answers(url), (name, nanos, ok) -> {});
  }

  void start(int clients) {
    for (int i = 0; i < clients; i++) {
      Thread t = new Thread(this::work, "mixed-load-" + i);
      t.setDaemon(true);
      t.start();
      threads.add(t);
    }
  }

  /** Stops starting writes and waits for those in flight to end. */
  void pause() throws InterruptedException {
    paused.set(true);
    long end = System.nanoTime() + Duration.ofSeconds(60).toNanos();
    while (busy.get() > 0 && System.nanoTime() < end) {
      Thread.sleep(50);
    }
  }

  void resume() {
    paused.set(false);
  }

  List<Ack> acknowledged() {
    return List.copyOf(acknowledged);
  }

  /** Writes that got no acknowledgement, after their retries: the cluster was down for them. */
  long failed() {
    return failed.get();
  }

  List<String> errorSamples() {
    return List.copyOf(errors);
  }

  /** The prefix of every marker of this run. */
  String markerPrefix() {
    return "[w-" + run + "-";
  }

  private void work() {
    while (!stop.get()) {
      if (paused.get()) {
        sleep(50);
        continue;
      }
      busy.incrementAndGet();
      try {
        if (paused.get()) {
          continue;
        }
        ThreadLocalRandom rnd = ThreadLocalRandom.current();
        long n = sequence.incrementAndGet();
        String marker = markerPrefix() + n + "]";
        int pick = rnd.nextInt(10);
        if (pick < 4) {
          open311(rnd, marker);
        } else if (pick < 7) {
          apiCase(rnd, marker);
        } else if (pick < 9) {
          status(rnd, marker);
        } else {
          portal(rnd, marker);
        }
      } catch (InterruptedException e) {
        return;
      } finally {
        busy.decrementAndGet();
      }
    }
  }

  private void open311(ThreadLocalRandom rnd, String marker) throws InterruptedException {
    String email = email();
    String key = UUID.randomUUID().toString();
    String reference =
        withRetries(() -> open311.post(rnd, "Pothole " + marker, email, key), OPEN311_REFERENCE);
    record(Kind.OPEN311, reference, marker, email);
  }

  private void apiCase(ThreadLocalRandom rnd, String marker) throws InterruptedException {
    JsonNode service = services.get(rnd.nextInt(services.size()));
    String body =
        BenchCases.caseJson(service, null, 0)
            .replaceFirst("\"description\"\\s*:\\s*\"", "\"description\":\"" + marker + " ");
    String key = UUID.randomUUID().toString();
    String reference =
        withRetries(
            () -> api.postJson("/api/v1/cases", body, Map.of("Idempotency-Key", key)),
            API_REFERENCE);
    if (reference != null) {
      openApiCases.add(reference);
    }
    record(Kind.API_CASE, reference, marker, null);
  }

  /** Moves a new case raised on the API to in progress; not retried (the outcome is unknown). */
  private void status(ThreadLocalRandom rnd, String marker) throws InterruptedException {
    if (openApiCases.isEmpty()) {
      return;
    }
    String reference = openApiCases.remove(rnd.nextInt(openApiCases.size()));
    try {
      HttpResponse<String> r =
          api.postJson(
              "/api/v1/cases/" + reference + "/status",
              "{\"status\":\"IN_PROGRESS\",\"note\":\"Crew sent " + marker + "\"}");
      if (r.statusCode() == 200) {
        record(Kind.STATUS, reference, marker, null);
      } else {
        failure(r.statusCode() + " " + abbreviate(r.body()));
      }
    } catch (IOException e) {
      failure(null);
    }
  }

  private void portal(ThreadLocalRandom rnd, String marker) throws InterruptedException {
    String email = email();
    try {
      record(Kind.PORTAL, portal.report(rnd, "Broken bench " + marker, email), marker, email);
    } catch (IOException | IllegalStateException e) {
      failure(e instanceof IOException ? null : e.getMessage());
    }
  }

  private interface Post {
    HttpResponse<String> send() throws IOException, InterruptedException;
  }

  /**
   * Sends, and again up to three times with the same idempotency key while there is no answer or a
   * 5xx (the node died, or the balancer had no node): the reference, or null when it never came.
   */
  private String withRetries(Post post, Pattern reference) throws InterruptedException {
    String last = null;
    for (int attempt = 0; attempt < 4; attempt++) {
      try {
        HttpResponse<String> r = post.send();
        Matcher m = reference.matcher(r.body());
        if (r.statusCode() / 100 == 2 && m.find()) {
          return m.group(1);
        }
        last = r.statusCode() + " " + abbreviate(r.body());
        if (r.statusCode() < 500) {
          break; // refused: a retry would be refused too
        }
      } catch (IOException e) {
        last = null; // no answer: retry
      }
      Thread.sleep(500L * (attempt + 1));
    }
    failure(last);
    return null;
  }

  private void record(Kind kind, String reference, String marker, String email) {
    if (reference != null) {
      acknowledged.add(new Ack(kind, reference, marker, email));
    }
  }

  private void failure(String error) {
    failed.incrementAndGet();
    if (error != null && errors.size() < 10) {
      errors.add(error);
    }
  }

  private String email() {
    return "w-" + run + "-" + sequence.incrementAndGet() + "@faults.example.org";
  }

  private static String abbreviate(String body) {
    String oneLine = body == null ? "" : body.replaceAll("\\s+", " ");
    return oneLine.length() > 160 ? oneLine.substring(0, 160) + "…" : oneLine;
  }

  private static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  @Override
  public void close() throws InterruptedException {
    stop.set(true);
    for (Thread t : threads) {
      t.join(Duration.ofSeconds(60).toMillis());
    }
  }
}
