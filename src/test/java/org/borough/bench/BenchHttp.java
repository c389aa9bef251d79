// SPDX-License-Identifier: AGPL-3.0-or-later
package org.borough.bench;

import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * HTTP to a running Borough: signing in as an admin through the real form to issue an API token,
 * then bearer-authenticated requests. Plain {@link HttpClient}, HTTP/1.1 with keep-alive, redirects
 * not followed (a redirect to the sign-in page must show up as an error, not as a fast 200).
 */
final class BenchHttp {

  private static final Pattern CSRF_INPUT = Pattern.compile("<input[^>]*name=\"_csrf\"[^>]*>");
  private static final Pattern VALUE = Pattern.compile("value=\"([^\"]*)\"");
  private static final Pattern ISSUED_TOKEN =
      Pattern.compile("id=\"issued-token\"[^>]*>\\s*([^<\\s]+)\\s*<");

  private final URI base;
  private final HttpClient client;
  private final Duration timeout = Duration.ofSeconds(30);
  private final CookieManager cookies = new CookieManager();
  private String token;

  BenchHttp(String baseUrl) {
    this(baseUrl, true);
  }

  /**
   * @param keepCookies false for requests that stand for many different visitors, each starting a
   *     session of its own (residents on the portal)
   */
  BenchHttp(String baseUrl, boolean keepCookies) {
    this.base = URI.create(baseUrl.endsWith("/") ? baseUrl : baseUrl + "/");
    // Cookies kept so console pages reuse one session (as a browser would) instead of starting a
    // new one for every request; the bearer token is what authenticates.
    HttpClient.Builder builder =
        HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10))
            .followRedirects(HttpClient.Redirect.NEVER);
    this.client = keepCookies ? builder.cookieHandler(cookies).build() : builder.build();
  }

  URI uri(String pathAndQuery) {
    return base.resolve(pathAndQuery.startsWith("/") ? pathAndQuery.substring(1) : pathAndQuery);
  }

  void useToken(String token) {
    this.token = token;
  }

  /**
   * Signs in as {@code adminUser} with the form (CSRF token from the page, session cookie), issues
   * an API token for {@code owner} on /admin/tokens and reads it from {@code #issued-token}.
   */
  static String issueToken(String baseUrl, String adminUser, String adminPassword, String owner)
      throws IOException, InterruptedException {
    BenchHttp http = new BenchHttp(baseUrl);
    http.signIn(adminUser, adminPassword);
    HttpResponse<String> tokens = http.send(http.plain("/admin/tokens").GET().build());
    expect(tokens, 200, "GET /admin/tokens");
    HttpResponse<String> issued =
        http.send(
            http.form("/admin/tokens", tokenFields(owner) + "&_csrf=" + enc(csrf(tokens.body()))));
    expect(issued, 200, "POST /admin/tokens");
    Matcher m = ISSUED_TOKEN.matcher(issued.body());
    if (!m.find()) {
      throw new IllegalStateException(
          "No #issued-token on the /admin/tokens response: is there a user '" + owner + "'?");
    }
    return m.group(1);
  }

  /**
   * Issues a token for {@code owner} on /admin/tokens with an admin bearer token (one registered by
   * {@code BOROUGH_ADMIN_API_TOKEN}), for a database whose admin password is not known. Bearer
   * requests need no CSRF token.
   */
  static String issueTokenAsAdmin(String baseUrl, String adminToken, String owner)
      throws IOException, InterruptedException {
    BenchHttp http = new BenchHttp(baseUrl);
    http.useToken(adminToken);
    HttpResponse<String> issued =
        http.send(
            http.authorised("/admin/tokens")
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(tokenFields(owner)))
                .build());
    expect(issued, 200, "POST /admin/tokens with the admin API token");
    Matcher m = ISSUED_TOKEN.matcher(issued.body());
    if (!m.find()) {
      throw new IllegalStateException(
          "No #issued-token on the /admin/tokens response: is there a user '" + owner + "'?");
    }
    return m.group(1);
  }

  /**
   * Signs in through the real form (CSRF token from the page); the session cookie is kept for the
   * requests that follow.
   */
  void signIn(String user, String password) throws IOException, InterruptedException {
    HttpResponse<String> page = send(plain("/sign-in").GET().build());
    expect(page, 200, "GET /sign-in");
    HttpResponse<String> signedIn =
        send(
            form(
                "/sign-in",
                Map.of("username", user, "password", password, "_csrf", csrf(page.body()))));
    String location = signedIn.headers().firstValue("Location").orElse("");
    if (signedIn.statusCode() != 302 || location.contains("error") || location.contains("locked")) {
      throw new IllegalStateException(
          "Signing in as "
              + user
              + " failed (HTTP "
              + signedIn.statusCode()
              + ", Location "
              + location
              + "): check -Dbench.adminPassword / BOROUGH_ADMIN_PASSWORD");
    }
    secondFactor(user);
  }

  /** Authenticator apps set up in this run, by username, for the code at later sign-ins. */
  private static final Map<String, String> SECRETS = new java.util.concurrent.ConcurrentHashMap<>();

  private static final Map<String, Long> LAST_STEP = new java.util.concurrent.ConcurrentHashMap<>();

  private static final Pattern SECRET = Pattern.compile("id=\"secret\"[^>]*>([A-Z2-7 ]+)<");

  /**
   * Gives the second factor a role such as admin's needs after the password (issue 14): sets up an
   * authenticator app the first time, as staff do, and enters its code after that.
   */
  private void secondFactor(String user) throws IOException, InterruptedException {
    HttpResponse<String> home = send(plain("/").GET().build());
    String location = home.headers().firstValue("Location").orElse("");
    if (location.contains("/account/authenticator")) {
      HttpResponse<String> page = send(plain("/account/authenticator").GET().build());
      expect(page, 200, "GET /account/authenticator");
      Matcher m = SECRET.matcher(page.body());
      if (!m.find()) {
        throw new IllegalStateException("No secret key on the authenticator set-up page");
      }
      SECRETS.put(user, m.group(1).replace(" ", ""));
      HttpResponse<String> set =
          send(
              form(
                  "/account/authenticator",
                  Map.of("code", code(user), "_csrf", csrf(page.body()))));
      expect(set, 302, "POST /account/authenticator");
    } else if (location.contains("/sign-in/code")) {
      if (!SECRETS.containsKey(user)) {
        throw new IllegalStateException(
            user + " has an authenticator app set up outside this run: its code is unknown");
      }
      HttpResponse<String> page = send(plain("/sign-in/code").GET().build());
      expect(page, 200, "GET /sign-in/code");
      HttpResponse<String> given =
          send(form("/sign-in/code", Map.of("code", code(user), "_csrf", csrf(page.body()))));
      String next = given.headers().firstValue("Location").orElse("");
      if (given.statusCode() != 302 || next.contains("code") || next.contains("sign-in")) {
        throw new IllegalStateException("The authenticator code was refused (" + next + ")");
      }
    }
  }

  /** The app's code for a 30-second step not used before (each is good once). */
  private static String code(String user) {
    long step =
        LAST_STEP.merge(
            user, System.currentTimeMillis() / 30_000, (last, now) -> Math.max(last + 1, now));
    try {
      return new dev.samstevens.totp.code.DefaultCodeGenerator().generate(SECRETS.get(user), step);
    } catch (dev.samstevens.totp.exceptions.CodeGenerationException e) {
      throw new IllegalStateException(e);
    }
  }

  /** The value of a cookie the server set, or null. */
  String cookie(String name) {
    return cookies.getCookieStore().getCookies().stream()
        .filter(c -> c.getName().equals(name))
        .map(java.net.HttpCookie::getValue)
        .findFirst()
        .orElse(null);
  }

  HttpResponse<String> get(String pathAndQuery) throws IOException, InterruptedException {
    return send(authorised(pathAndQuery).GET().build());
  }

  HttpResponse<String> getJson(String pathAndQuery) throws IOException, InterruptedException {
    return send(authorised(pathAndQuery).header("Accept", "application/json").GET().build());
  }

  HttpResponse<String> postJson(String path, String json) throws IOException, InterruptedException {
    return postJson(path, json, Map.of());
  }

  /** A JSON post with extra headers (an {@code Idempotency-Key}, say). */
  HttpResponse<String> postJson(String path, String json, Map<String, String> headers)
      throws IOException, InterruptedException {
    HttpRequest.Builder b =
        authorised(path)
            .header("Content-Type", "application/json")
            .header("Accept", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(json));
    headers.forEach(b::header);
    return send(b.build());
  }

  /** A JSON post carrying an {@code Idempotency-Key}, as a client that may retry sends it. */
  HttpResponse<String> postJson(String path, String json, String idempotencyKey)
      throws IOException, InterruptedException {
    return send(
        authorised(path)
            .header("Content-Type", "application/json")
            .header("Accept", "application/json")
            .header("Idempotency-Key", idempotencyKey)
            .POST(HttpRequest.BodyPublishers.ofString(json))
            .build());
  }

  /** A file posted as a browser's upload form does (multipart, one file field). */
  HttpResponse<String> postFile(
      String path, String field, String filename, String type, byte[] file)
      throws IOException, InterruptedException {
    String boundary = "----bench" + java.util.UUID.randomUUID();
    String head =
        "--"
            + boundary
            + "\r\nContent-Disposition: form-data; name=\""
            + field
            + "\"; filename=\""
            + filename
            + "\"\r\nContent-Type: "
            + type
            + "\r\n\r\n";
    String tail = "\r\n--" + boundary + "--\r\n";
    return send(
        authorised(path)
            .header("Content-Type", "multipart/form-data; boundary=" + boundary)
            .POST(
                HttpRequest.BodyPublishers.concat(
                    HttpRequest.BodyPublishers.ofString(head),
                    HttpRequest.BodyPublishers.ofByteArray(file),
                    HttpRequest.BodyPublishers.ofString(tail)))
            .build());
  }

  /** A download, byte for byte. */
  HttpResponse<byte[]> getBytes(String pathAndQuery) throws IOException, InterruptedException {
    return client.send(
        authorised(pathAndQuery).GET().build(), HttpResponse.BodyHandlers.ofByteArray());
  }

  /** A form post, as an Open311 app sends one (no bearer token, no CSRF: Open311 needs none). */
  HttpResponse<String> postForm(String path, Map<String, String> fields)
      throws IOException, InterruptedException {
    return send(form(path, fields));
  }

  /** A form post with extra headers (an {@code Idempotency-Key}, say). */
  HttpResponse<String> postForm(
      String path, Map<String, String> fields, Map<String, String> headers)
      throws IOException, InterruptedException {
    HttpRequest.Builder b = formBuilder(path, fields);
    headers.forEach(b::header);
    return send(b.build());
  }

  private HttpRequest.Builder authorised(String pathAndQuery) {
    HttpRequest.Builder b = plain(pathAndQuery);
    if (token != null) {
      b.header("Authorization", "Bearer " + token);
    }
    return b;
  }

  private HttpRequest.Builder plain(String pathAndQuery) {
    return HttpRequest.newBuilder(uri(pathAndQuery)).timeout(timeout);
  }

  /**
   * The admin form's fields for a benchmark token: a token for someone else needs a reason, an
   * expiry and the permissions it may use ({@code bench.tokenScopes}, by default what a supervisor
   * holds for the CRM and the warehouse).
   */
  private static String tokenFields(String owner) {
    StringBuilder body =
        new StringBuilder("owner=" + enc(owner) + "&name=" + enc("benchmark"))
            .append("&lifetimeDays=1&reason=")
            .append(enc("Load benchmark (docs/benchmarks.md)"));
    String scopes =
        BenchReport.setting(
            "bench.tokenScopes",
            "RESIDENT_READ,RESIDENT_WRITE,CONTACT_LOG,CASE_READ,CASE_RAISE,CASE_NOTE,CASE_WORK,"
                + "CASE_BULK,CATALOGUE_READ,WAREHOUSE_READ");
    for (String scope : scopes.split(",")) {
      body.append("&scopes=").append(enc(scope.trim()));
    }
    return body.toString();
  }

  private HttpRequest form(String path, Map<String, String> fields) {
    return formBuilder(path, fields).build();
  }

  private HttpRequest form(String path, String body) {
    return formBuilder(path, body).build();
  }

  private HttpRequest.Builder formBuilder(String path, Map<String, String> fields) {
    return formBuilder(
        path,
        fields.entrySet().stream()
            .map(e -> enc(e.getKey()) + "=" + enc(e.getValue()))
            .collect(Collectors.joining("&")));
  }

  private HttpRequest.Builder formBuilder(String path, String body) {
    return plain(path)
        .header("Content-Type", "application/x-www-form-urlencoded")
        .POST(HttpRequest.BodyPublishers.ofString(body));
  }

  private HttpResponse<String> send(HttpRequest request) throws IOException, InterruptedException {
    return client.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
  }

  static String enc(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8);
  }

  private static String csrf(String html) {
    Matcher input = CSRF_INPUT.matcher(html);
    if (!input.find()) {
      throw new IllegalStateException("No _csrf hidden input on the page");
    }
    Matcher value = VALUE.matcher(input.group());
    if (!value.find()) {
      throw new IllegalStateException("The _csrf input has no value");
    }
    return value.group(1);
  }

  static void expect(HttpResponse<String> r, int status, String what) {
    if (r.statusCode() != status) {
      String body = r.body() == null ? "" : r.body();
      throw new IllegalStateException(
          what
              + " answered HTTP "
              + r.statusCode()
              + " (expected "
              + status
              + "): "
              + body.substring(0, Math.min(300, body.length())));
    }
  }
}
