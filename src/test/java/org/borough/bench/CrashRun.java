// SPDX-License-Identifier: AGPL-3.0-or-later
package org.borough.bench;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One crash under load: clients post Open311 reports to a running Borough, the server is killed
 * with SIGKILL while they post, and then every reference it acknowledged is looked for in the CRM's
 * database, one by one, with the outbox event that must have committed with it.
 */
final class CrashRun {

  private static final Pattern REFERENCE =
      Pattern.compile("\"service_request_id\"\\s*:\\s*\"([^\"]+)\"");
  private static final Pattern EVENT_REFERENCE =
      Pattern.compile("\"reference\"\\s*:\\s*\"([^\"]+)\"");

  /** The CRM's database, read directly once the server is dead. */
  record Database(String url, String user, String password) {
    Connection connect() throws SQLException {
      return DriverManager.getConnection(url, user, password);
    }
  }

  /**
   * What one crash left.
   *
   * @param acknowledged references the server answered with before it died
   * @param failedWhileDown requests that got no answer (connection refused or reset)
   * @param rejected requests answered with an error status (a sample is in {@code errors})
   * @param lost acknowledged references the database does not hold: must be empty
   * @param withoutEvent acknowledged cases without their CaseOpened outbox event: must be empty
   * @param duplicates references the database holds more than once: must be empty
   */
  record Outcome(
      List<String> acknowledged,
      long failedWhileDown,
      long rejected,
      List<String> errors,
      List<String> lost,
      List<String> withoutEvent,
      List<String> duplicates) {

    String report() {
      return String.format(
          "acknowledged %d, failed while down %d, rejected %d, lost %d, without outbox event %d,"
              + " duplicated %d%s",
          acknowledged.size(),
          failedWhileDown,
          rejected,
          lost.size(),
          withoutEvent.size(),
          duplicates.size(),
          errors.isEmpty() ? "" : "; errors: " + errors);
    }
  }

  private CrashRun() {}

  /**
   * Posts with {@code clients} clients to a started server, kills it after {@code before}, and
   * checks the database.
   */
  static Outcome killDuringWrites(
      BoroughProcess server, String open311Key, int clients, Duration before, Database db)
      throws Exception {
    Open311Reports reports =
        new Open311Reports(new BenchHttp(server.url()), open311Key, Duration.ofMinutes(3));
    ConcurrentLinkedQueue<String> acknowledged = new ConcurrentLinkedQueue<>();
    ConcurrentLinkedQueue<String> errors = new ConcurrentLinkedQueue<>();
    AtomicLong down = new AtomicLong();
    AtomicLong rejected = new AtomicLong();
    AtomicBoolean stop = new AtomicBoolean();
    AtomicInteger sequence = new AtomicInteger();
    List<Thread> threads = new ArrayList<>();
    for (int i = 0; i < clients; i++) {
      Thread t =
          new Thread(
              () -> {
                while (!stop.get()) {
                  try {
                    HttpResponse<String> r =
                        reports.post(
                            ThreadLocalRandom.current(), sequence.incrementAndGet(), "json");
                    Matcher m = REFERENCE.matcher(r.body());
                    if (r.statusCode() / 100 == 2 && m.find()) {
                      acknowledged.add(m.group(1));
                    } else {
                      rejected.incrementAndGet();
                      if (errors.size() < 5) {
                        errors.add(r.statusCode() + " " + abbreviate(r.body()));
                      }
                    }
                  } catch (IOException e) {
                    down.incrementAndGet(); // the server is gone: not acknowledged, not lost
                  } catch (InterruptedException e) {
                    return;
                  }
                }
              },
              "crash-client-" + i);
      t.start();
      threads.add(t);
    }
    Thread.sleep(before.toMillis());
    server.kill(); // while every client is mid-request
    stop.set(true);
    for (Thread t : threads) {
      t.join(Duration.ofSeconds(60).toMillis());
    }
    return check(List.copyOf(acknowledged), down.get(), rejected.get(), List.copyOf(errors), db);
  }

  private static Outcome check(
      List<String> acknowledged, long down, long rejected, List<String> errors, Database db)
      throws SQLException {
    Map<String, Integer> held = new HashMap<>();
    Set<String> withEvent = new HashSet<>();
    try (Connection c = db.connect();
        Statement s = c.createStatement()) {
      try (ResultSet rs = s.executeQuery("select reference from service_case")) {
        while (rs.next()) {
          held.merge(rs.getString(1), 1, Integer::sum);
        }
      }
      try (ResultSet rs =
          s.executeQuery("select payload from outbox_event where event_type = 'case.opened.v1'")) {
        while (rs.next()) {
          Matcher m = EVENT_REFERENCE.matcher(rs.getString(1));
          if (m.find()) {
            withEvent.add(m.group(1));
          }
        }
      }
    }
    List<String> lost = new ArrayList<>();
    List<String> withoutEvent = new ArrayList<>();
    for (String reference : acknowledged) {
      if (!held.containsKey(reference)) {
        lost.add(reference);
      } else if (!withEvent.contains(reference)) {
        withoutEvent.add(reference);
      }
    }
    List<String> duplicates =
        held.entrySet().stream().filter(e -> e.getValue() > 1).map(Map.Entry::getKey).toList();
    return new Outcome(acknowledged, down, rejected, errors, lost, withoutEvent, duplicates);
  }

  private static String abbreviate(String body) {
    String oneLine = body == null ? "" : body.replaceAll("\\s+", " ");
    return oneLine.length() > 200 ? oneLine.substring(0, 200) + "…" : oneLine;
  }
}
