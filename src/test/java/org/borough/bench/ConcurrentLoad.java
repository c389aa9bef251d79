// SPDX-License-Identifier: AGPL-3.0-or-later
package org.borough.bench;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

/**
 * A fixed number of clients sending requests back to back for a fixed time: the throughput figures
 * of the benchmarks (cases raised through the API, reports posted through Open311).
 */
final class ConcurrentLoad {

  /** One request; {@code n} numbers the requests across all clients, from 1. */
  interface Call {
    HttpResponse<String> send(ThreadLocalRandom random, long n)
        throws IOException, InterruptedException;
  }

  /** What a run did: latencies, successes (the expected status), failures and their samples. */
  record Outcome(
      Latencies latency,
      int succeeded,
      int failed,
      Map<Integer, Integer> statuses,
      List<String> errorSamples,
      double seconds) {

    double perSecond() {
      return succeeded / seconds;
    }

    /** The report lines: latency, then "<succeeded> <what> in s = rate/s". */
    List<String> lines(String what) {
      List<String> lines = new ArrayList<>();
      lines.add(Latencies.header());
      lines.add(latency.line());
      lines.add(
          String.format(
              Locale.UK,
              "  %d %s in %.1f s = %.1f/s; %d errors; statuses %s",
              succeeded,
              what,
              seconds,
              perSecond(),
              failed,
              statuses));
      errorSamples.forEach(e -> lines.add("  error: " + e));
      return lines;
    }

    /** The JSON summary of the run, with the rate under {@code rateName}. */
    Map<String, Object> summary(int clients, String succeededName, String rateName) {
      Map<String, Object> s = new LinkedHashMap<>();
      s.put("clients", clients);
      s.put("seconds", Latencies.round(seconds));
      s.put(succeededName, succeeded);
      s.put("errors", failed);
      s.put(rateName, Latencies.round(perSecond()));
      s.put("latency", latency.summary());
      Map<String, Integer> byStatus = new TreeMap<>();
      statuses.forEach((k, v) -> byStatus.put(String.valueOf(k), v));
      s.put("statuses", byStatus);
      s.put("errorSamples", errorSamples);
      return s;
    }
  }

  private ConcurrentLoad() {}

  /** What the requests of one run gave, counted from any number of threads. */
  private static final class Tally {
    private final Latencies latency;
    private final int expectedStatus;
    private final Call call;
    private final AtomicInteger succeeded = new AtomicInteger();
    private final AtomicInteger failed = new AtomicInteger();
    private final Map<Integer, AtomicInteger> statuses = new ConcurrentHashMap<>();
    private final List<String> errors = new CopyOnWriteArrayList<>();
    private final AtomicLong sequence = new AtomicLong();

    Tally(String name, int expectedStatus, Call call) {
      this.latency = new Latencies(name);
      this.expectedStatus = expectedStatus;
      this.call = call;
    }

    /** Sends one request and counts it, its latency taken from {@code since} (nanoTime). */
    void send(long since) throws InterruptedException {
      int status;
      String body;
      try {
        HttpResponse<String> r = call.send(ThreadLocalRandom.current(), sequence.incrementAndGet());
        status = r.statusCode();
        body = r.body();
      } catch (IOException e) {
        status = -1;
        body = e.toString();
      }
      boolean ok = status == expectedStatus;
      latency.record(System.nanoTime() - since, ok);
      statuses.computeIfAbsent(status, k -> new AtomicInteger()).incrementAndGet();
      if (ok) {
        succeeded.incrementAndGet();
      } else {
        failed.incrementAndGet();
        if (errors.size() < 5) {
          errors.add(status + " " + abbreviate(body));
        }
      }
    }

    Outcome outcome(double seconds) {
      Map<Integer, Integer> byStatus = new TreeMap<>();
      statuses.forEach((k, v) -> byStatus.put(k, v.get()));
      return new Outcome(
          latency, succeeded.get(), failed.get(), byStatus, List.copyOf(errors), seconds);
    }
  }

  /** Runs {@code clients} threads calling {@code call} for {@code seconds}. */
  static Outcome run(String name, int clients, int seconds, int expectedStatus, Call call)
      throws InterruptedException {
    Tally tally = new Tally(name, expectedStatus, call);
    CountDownLatch start = new CountDownLatch(1);
    long[] window = new long[2];
    List<Thread> threads = new ArrayList<>();
    for (int c = 0; c < clients; c++) {
      Thread thread =
          new Thread(
              () -> {
                try {
                  start.await();
                  while (System.nanoTime() < window[1]) {
                    tally.send(System.nanoTime());
                  }
                } catch (InterruptedException e) {
                  Thread.currentThread().interrupt();
                }
              },
              "bench-client-" + c);
      thread.setDaemon(true);
      threads.add(thread);
    }
    threads.forEach(Thread::start);
    window[0] = System.nanoTime();
    window[1] = window[0] + seconds * 1_000_000_000L;
    start.countDown();
    for (Thread t : threads) {
      t.join();
    }
    return tally.outcome((System.nanoTime() - window[0]) / 1e9);
  }

  /**
   * Requests at a fixed rate for {@code seconds} (an open loop: the rate does not slow down when
   * the server does), sent by up to {@code workers} threads. Each latency is counted from when the
   * request was due, not when a thread got to it, so a server falling behind shows as latency
   * rather than as a quietly lower rate.
   */
  static Outcome paced(
      String name, int workers, int perSecond, int seconds, int expectedStatus, Call call)
      throws InterruptedException {
    Tally tally = new Tally(name, expectedStatus, call);
    ExecutorService pool = Executors.newFixedThreadPool(workers);
    long interval = 1_000_000_000L / perSecond;
    long total = (long) perSecond * seconds;
    long start = System.nanoTime();
    for (long i = 0; i < total; i++) {
      long due = start + i * interval;
      long wait = due - System.nanoTime();
      if (wait > 0) {
        LockSupport.parkNanos(wait);
      }
      pool.execute(
          () -> {
            try {
              tally.send(due);
            } catch (InterruptedException e) {
              Thread.currentThread().interrupt();
            }
          });
    }
    pool.shutdown();
    pool.awaitTermination(5, TimeUnit.MINUTES);
    return tally.outcome((System.nanoTime() - start) / 1e9);
  }

  static String abbreviate(String s) {
    if (s == null) {
      return "";
    }
    String flat = s.replaceAll("\\s+", " ");
    return flat.length() <= 200 ? flat : flat.substring(0, 200) + "…";
  }
}
