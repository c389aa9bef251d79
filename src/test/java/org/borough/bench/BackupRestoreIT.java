// SPDX-License-Identifier: AGPL-3.0-or-later
package org.borough.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import org.borough.support.TestDatabase;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * Issue 12: a backup brings every case back. Borough's jar runs on a fresh database (the embedded
 * H2 file, or PostgreSQL, as the run's {@code borough.test.db}); cases are reported through Open311
 * and raised through the API, one with an attachment; {@code ops/backup.sh} backs the running
 * server up; {@code ops/restore.sh} restores it into a fresh data directory (and a new database on
 * PostgreSQL); Borough started there finds every case by its reference, serves the attachment,
 * keeps the pseudonym key, and its warehouse, rebuilt from the restored CRM, agrees with it.
 */
class BackupRestoreIT {

  private static final String ADMIN_TOKEN = "brg_backup_admin_token_0123456789abcdef";
  private static final String OPEN311_KEY = "o311_backup_default_key_0123456789abcdef";
  private static final Duration START = Duration.ofMinutes(4);
  // The smallest PNG there is: the attachment types are judged by content.
  private static final byte[] PNG =
      HexFormat.of()
          .parseHex(
              "89504e470d0a1a0a0000000d4948445200000001000000010806000000"
                  + "1f15c4890000000d49444154789c6360000002000001e221bc330000000049454e44ae426082");

  private final ObjectMapper json = new ObjectMapper();

  @Test
  void restoresABackupIntoAFreshDataDirectoryAndFindsEveryCase() throws Exception {
    if (TestDatabase.postgres()) {
      Assumptions.assumeTrue(
          TestDatabase.postgresUrl() != null,
          () -> "PostgreSQL unreachable, skipping: " + TestDatabase.unavailableReason());
    }
    Path root = Path.of("target", "it-data", "backup-" + UUID.randomUUID()).toAbsolutePath();
    Map<String, String> original = environment(root.resolve("original"));
    Map<String, String> restored = environment(root.resolve("restored"));

    List<String> references = new ArrayList<>();
    String withAttachment;
    UUID attachment;
    Path backup;
    String later;
    try (BoroughProcess server =
        new BoroughProcess(BoroughProcess.packagedJar(), original, root.resolve("original.log"))) {
      server.start(START);
      Open311Reports reports =
          new Open311Reports(new BenchHttp(server.url()), OPEN311_KEY, Duration.ofMinutes(3));
      for (int i = 0; i < 20; i++) {
        references.add(report(reports, i));
      }
      BenchHttp staff = staff(server.url());
      List<JsonNode> services = BenchCases.services(staff);
      for (int i = 0; i < 5; i++) {
        HttpResponse<String> raised =
            staff.postJson("/api/v1/cases", BenchCases.caseJson(services.get(i), null, i));
        BenchHttp.expect(raised, 201, "POST /api/v1/cases");
        references.add(json.readTree(raised.body()).path("summary").path("reference").asString());
      }
      withAttachment = references.get(references.size() - 1);
      attachment = attach(staff, withAttachment);

      backup = backUp(server, original, root.resolve("backups"));
      later = report(reports, 99); // after the backup: must not come back
    }

    Script restore = run(restored, "ops/restore.sh", backup.toString());
    assertThat(restore.status()).as(restore.output()).isZero();
    Script again = run(restored, "ops/restore.sh", backup.toString());
    assertThat(again.status()).as("a second restore over the first").isNotZero();
    assertThat(again.output()).contains("--force");

    try (BoroughProcess server =
        new BoroughProcess(BoroughProcess.packagedJar(), restored, root.resolve("restored.log"))) {
      Instant since = Instant.now();
      server.start(START);
      BenchHttp staff = staff(server.url());
      for (String reference : references) {
        BenchHttp.expect(
            staff.getJson("/api/v1/cases/" + reference), 200, "GET restored case " + reference);
      }
      assertThat(staff.getJson("/api/v1/cases/" + later).statusCode())
          .as("a case reported after the backup")
          .isEqualTo(404);
      HttpResponse<byte[]> file =
          staff.getBytes("/cases/" + withAttachment + "/attachments/" + attachment);
      assertThat(file.statusCode()).isEqualTo(200);
      assertThat(file.body()).isEqualTo(PNG);
      WarehouseAgreement.await(server.url(), ADMIN_TOKEN, since, Duration.ofSeconds(90));
    }
    assertThat(root.resolve("restored/warehouse/pseudonym.key"))
        .hasSameBinaryContentAs(root.resolve("original/warehouse/pseudonym.key"));
  }

  /** One server's settings: its own data directory, and a database of its own on PostgreSQL. */
  private static Map<String, String> environment(Path dataDir) throws Exception {
    Map<String, String> env = new HashMap<>();
    env.put("BOROUGH_DATA_DIR", dataDir.toString());
    env.put("BOROUGH_ADMIN_PASSWORD", "backup-test-admin-password");
    env.put("BOROUGH_ADMIN_API_TOKEN", ADMIN_TOKEN);
    env.put("BOROUGH_OPEN311_API_KEY", OPEN311_KEY);
    env.put("BOROUGH_DEMO_RESIDENTS", "100");
    env.put("BOROUGH_DEMO_CASES", "300");
    env.put("BOROUGH_DEMO_YEARS", "1");
    env.put("BOROUGH_WAREHOUSE_POLL_INTERVAL", "500ms");
    env.put("BOROUGH_WAREHOUSE_DATA_TEST_INTERVAL", "1s");
    env.put("BOROUGH_SHUTDOWN_DRAIN", "1s");
    if (TestDatabase.postgres()) {
      env.put("SPRING_DATASOURCE_URL", TestDatabase.createPostgres());
      env.put("SPRING_DATASOURCE_USERNAME", TestDatabase.USER);
      env.put("SPRING_DATASOURCE_PASSWORD", TestDatabase.PASSWORD);
    }
    return env;
  }

  private Path backUp(BoroughProcess server, Map<String, String> env, Path into) throws Exception {
    Map<String, String> withServer = new HashMap<>(env);
    withServer.put("BOROUGH_URL", server.url());
    withServer.put("BOROUGH_BACKUP_TOKEN", ADMIN_TOKEN);
    if (TestDatabase.postgres()) {
      // Borough sends an operator to pg_dump rather than dumping PostgreSQL itself.
      BenchHttp admin = new BenchHttp(server.url());
      admin.useToken(ADMIN_TOKEN);
      assertThat(admin.postJson("/api/v1/admin/backups", "").statusCode()).isEqualTo(409);
    }
    Script backup = run(withServer, "ops/backup.sh", into.toString());
    assertThat(backup.status()).as(backup.output()).isZero();
    String[] lines = backup.output().strip().split("\n");
    Path file = Path.of(lines[lines.length - 1]);
    assertThat(file).isRegularFile();
    return file;
  }

  private static String report(Open311Reports reports, long n) throws Exception {
    HttpResponse<String> r = reports.post(ThreadLocalRandom.current(), n, "json");
    assertThat(r.statusCode() / 100).as("POST Open311 requests.json: " + r.body()).isEqualTo(2);
    return new ObjectMapper().readTree(r.body()).path(0).path("service_request_id").asString();
  }

  private static BenchHttp staff(String url) throws IOException, InterruptedException {
    BenchHttp staff = new BenchHttp(url);
    staff.useToken(BenchHttp.issueTokenAsAdmin(url, ADMIN_TOKEN, "supervisor"));
    return staff;
  }

  /** Attaches {@link #PNG} to a case through the console's form; returns the attachment's id. */
  private UUID attach(BenchHttp staff, String reference) throws Exception {
    HttpResponse<String> posted =
        staff.postFile(
            "/cases/" + reference + "/attachments", "file", "pothole.png", "image/png", PNG);
    BenchHttp.expect(posted, 302, "POST /cases/" + reference + "/attachments");
    HttpResponse<String> c = staff.getJson("/api/v1/cases/" + reference);
    JsonNode attachments = json.readTree(c.body()).path("attachments");
    assertThat(attachments.size()).as(c.body()).isEqualTo(1);
    return UUID.fromString(attachments.path(0).path("id").asString());
  }

  /** What a script printed (output and errors together) and its exit status. */
  private record Script(int status, String output) {}

  private static Script run(Map<String, String> env, String script, String... args)
      throws IOException, InterruptedException {
    List<String> command = new ArrayList<>(List.of("bash", Path.of(script).toString()));
    command.addAll(List.of(args));
    ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true);
    pb.environment().putAll(env);
    Process p = pb.start();
    String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    if (!p.waitFor(5, TimeUnit.MINUTES)) {
      p.destroyForcibly();
      throw new AssertionError(script + " did not finish within 5 minutes: " + output);
    }
    System.out.println(script + ":\n" + output);
    return new Script(p.exitValue(), output);
  }
}
