// SPDX-License-Identifier: AGPL-3.0-or-later
package org.borough.bench;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * One soak run against a started server: a supervisor's token issued with the admin token, the
 * catalogue and teams read, a warm-up, then {@code windows} windows of the steady mixed load of
 * {@link SoakLoad}, with the server probed ({@link ServerProbe}) once after the warm-up and at the
 * end of every window. Shared by {@code bench/soak.sh} ({@link SoakBenchmark}) and {@link SoakIT}.
 */
final class SoakRun {

  /** What a run measured: a window's latencies, and the probe's reading at its end. */
  record Window(int number, Latencies latencies, ServerProbe.Sample sample) {}

  record Result(ServerProbe.Sample baseline, List<Window> windows, SoakLoad load) {}

  private SoakRun() {}

  static Result run(
      BoroughProcess server, int perSecond, Duration warmup, int windows, Duration window)
      throws Exception {
    ObjectMapper json = new ObjectMapper();
    String url = server.url();
    BenchHttp staff = new BenchHttp(url);
    staff.useToken(BenchHttp.issueTokenAsAdmin(url, SoakServer.ADMIN_TOKEN, "supervisor"));
    HttpResponse<String> teamList = staff.getJson("/api/v1/teams");
    BenchHttp.expect(teamList, 200, "GET /api/v1/teams");
    List<String> teams = new ArrayList<>();
    for (JsonNode t : json.readTree(teamList.body())) {
      teams.add(t.path("code").asString());
    }
    // The console session gets its CSRF token now: two concurrent first requests of one new session
    // both insert that attribute, and Spring Session JDBC answers the second with a 500.
    BenchHttp.expect(
        staff.get("/queues/team/" + BenchHttp.enc(teams.get(0))), 200, "GET /queues/team/..");
    SoakLoad load =
        new SoakLoad(
            staff,
            new BenchHttp(url, false),
            new Open311Reports(new BenchHttp(url), SoakServer.OPEN311_KEY, Duration.ofMinutes(3)),
            BenchCases.services(staff),
            teams);
    ServerProbe probe = new ServerProbe(server, SoakServer.ADMIN_TOKEN);
    ServerProbe.Sample[] samples = new ServerProbe.Sample[windows + 1];
    List<Latencies> latencies =
        load.run(
            perSecond,
            warmup,
            windows,
            window,
            w -> {
              try {
                samples[w + 1] = probe.sample();
              } catch (IOException | RuntimeException e) {
                // An overwhelmed server is what a soak can find: the run goes on and says so.
                samples[w + 1] = ServerProbe.Sample.failed(e);
              }
            });
    List<Window> result = new ArrayList<>();
    for (int w = 0; w < windows; w++) {
      result.add(new Window(w + 1, latencies.get(w), samples[w + 1]));
    }
    return new Result(samples[0], result, load);
  }
}
