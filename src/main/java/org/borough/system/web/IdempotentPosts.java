// SPDX-License-Identifier: AGPL-3.0-or-later
package org.borough.system.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.regex.Pattern;
import org.borough.system.IdempotencyScopes;
import org.springframework.dao.DataAccessException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionStatus;
import org.springframework.transaction.support.DefaultTransactionDefinition;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.ContentCachingResponseWrapper;
import org.springframework.web.util.HtmlUtils;

/**
 * Makes the POSTs that create cases and contacts safe to retry. A client that timed out cannot know
 * whether its case was made; with an {@code Idempotency-Key} header it posts again and gets the
 * first answer (the same reference) instead of a second case. Open311 apps rarely send the header,
 * so an identical report from the same app within {@link #SAME_REQUEST_WINDOW} is taken as a retry
 * too.
 *
 * <p>The key is claimed in a transaction that spans the request, so the record of the answer
 * commits with the case it describes: a crash leaves both or neither, and a concurrent retry waits
 * for the first to finish. Only successful answers are kept; a failed request can be retried with
 * the same key. A key reused for a different request is refused (422).
 */
@Component
class IdempotentPosts extends OncePerRequestFilter {

  static final String HEADER = "Idempotency-Key";
  static final Duration KEY_LIFETIME = Duration.ofHours(24);
  static final Duration SAME_REQUEST_WINDOW = Duration.ofMinutes(10);
  private static final Pattern API = Pattern.compile("/api/v1/(cases|contacts)");
  private static final Pattern OPEN311 = Pattern.compile("/open311/v2/requests\\.(json|xml)");
  private static final Pattern KEY = Pattern.compile("[\\x21-\\x7e]{1,255}");
  private static final int MAX_BODY = 1 << 20;

  private final IdempotentRequests requests;
  private final PlatformTransactionManager transactions;
  private final Clock clock;
  private final List<IdempotencyScopes> scopes;

  IdempotentPosts(
      IdempotentRequests requests,
      PlatformTransactionManager transactions,
      Clock clock,
      List<IdempotencyScopes> scopes) {
    this.requests = requests;
    this.transactions = transactions;
    this.clock = clock;
    this.scopes = scopes;
  }

  @Override
  protected boolean shouldNotFilter(HttpServletRequest request) {
    if (!"POST".equals(request.getMethod())) {
      return true;
    }
    String path = path(request);
    return !API.matcher(path).matches() && !OPEN311.matcher(path).matches();
  }

  @Override
  protected void doFilterInternal(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    boolean open311 = OPEN311.matcher(path(request)).matches();
    String given = request.getHeader(HEADER);
    if (given != null && !KEY.matcher(given).matches()) {
      reject(request, response, 400, HEADER + " must be 1 to 255 visible ASCII characters");
      return;
    }
    if (given == null && !open311) {
      chain.doFilter(request, response);
      return;
    }
    HttpServletRequest read = isJson(request) ? CachedBody.of(request) : request;
    if (read == null) { // too large to hash: such a post is not made idempotent
      chain.doFilter(request, response);
      return;
    }
    String scope = open311 ? clientScope(read) : userScope();
    if (scope == null) { // no client yet: the controller refuses it
      chain.doFilter(read, response);
      return;
    }
    String hash = hash(read);
    String key = given != null ? given : "same:" + hash;
    Duration lifetime = given != null ? KEY_LIFETIME : SAME_REQUEST_WINDOW;
    Instant now = clock.instant();

    Optional<IdempotentRequests.Answer> earlier = requests.find(scope, key);
    if (earlier.isPresent() && earlier.get().createdAt().plus(lifetime).isBefore(now)) {
      requests.forget(scope, key);
      earlier = Optional.empty();
    }
    if (earlier.isPresent()) {
      replay(earlier.get(), hash, request, response);
      return;
    }
    TransactionStatus tx = transactions.getTransaction(new DefaultTransactionDefinition());
    try {
      requests.claim(scope, key, hash, now);
    } catch (DataAccessException taken) {
      transactions.rollback(tx);
      Optional<IdempotentRequests.Answer> first = requests.find(scope, key);
      if (first.isPresent() && first.get().status() > 0) {
        replay(first.get(), hash, request, response);
      } else {
        response.setHeader("Retry-After", "1");
        reject(request, response, 409, "A request with this " + HEADER + " is still in progress");
      }
      return;
    }
    ContentCachingResponseWrapper answer = new ContentCachingResponseWrapper(response);
    boolean done = false;
    try {
      chain.doFilter(read, answer);
      byte[] body = answer.getContentAsByteArray();
      int status = answer.getStatus();
      if (status / 100 != 2) {
        transactions.rollback(tx); // nothing was made: the key may be used again
      } else if (tx.isRollbackOnly()) {
        // Something inside failed and was caught: what the answer says was made would not be
        // there. Never acknowledge a write that is rolled back.
        transactions.rollback(tx);
        done = true;
        answer.resetBuffer();
        reject(request, response, 500, "The request could not be saved: send it again");
        return;
      } else {
        if (body.length <= IdempotentRequests.MAX_BODY) {
          requests.answer(
              scope,
              key,
              status,
              answer.getContentType(),
              answer.getHeader("Location"),
              new String(body, StandardCharsets.UTF_8));
        } else {
          requests.forget(scope, key); // too large to keep: a retry is not answered from it
        }
        transactions.commit(tx);
      }
      done = true;
    } finally {
      if (!done && !tx.isCompleted()) {
        transactions.rollback(tx);
      }
    }
    answer.copyBodyToResponse();
  }

  private void replay(
      IdempotentRequests.Answer first,
      String hash,
      HttpServletRequest request,
      HttpServletResponse response)
      throws IOException {
    if (!first.requestHash().equals(hash)) {
      reject(
          request,
          response,
          422,
          "This " + HEADER + " was used for a different request: use a new key for a new request");
      return;
    }
    response.setStatus(first.status());
    response.setHeader("Idempotent-Replayed", "true");
    if (first.location() != null) {
      response.setHeader("Location", first.location());
    }
    if (first.contentType() != null) {
      response.setContentType(first.contentType());
    }
    response.setCharacterEncoding(StandardCharsets.UTF_8);
    response.getWriter().write(first.body() == null ? "" : first.body());
  }

  /** An error in the caller's own format: Open311's error list, or problem+json on the API. */
  private static void reject(
      HttpServletRequest request, HttpServletResponse response, int status, String detail)
      throws IOException {
    response.setStatus(status);
    response.setCharacterEncoding(StandardCharsets.UTF_8);
    String path = path(request);
    if (OPEN311.matcher(path).matches() && path.endsWith(".xml")) {
      response.setContentType("text/xml");
      response
          .getWriter()
          .write(
              "<?xml version=\"1.0\" encoding=\"utf-8\"?><errors><error><code>"
                  + status
                  + "</code><description>"
                  + HtmlUtils.htmlEscape(detail)
                  + "</description></error></errors>");
    } else if (OPEN311.matcher(path).matches()) {
      response.setContentType("application/json");
      response
          .getWriter()
          .write("[{\"code\":" + status + ",\"description\":\"" + json(detail) + "\"}]");
    } else {
      response.setContentType("application/problem+json");
      response
          .getWriter()
          .write(
              "{\"type\":\"about:blank\",\"title\":\"Idempotency-Key refused\",\"status\":"
                  + status
                  + ",\"detail\":\""
                  + json(detail)
                  + "\"}");
    }
  }

  /** Our own messages only: no quotes or backslashes to escape beyond these. */
  private static String json(String s) {
    return s.replace("\\", "\\\\").replace("\"", "\\\"");
  }

  private static String path(HttpServletRequest request) {
    return request.getRequestURI().substring(request.getContextPath().length());
  }

  /** A JSON body is hashed as sent; anything else by its parameters (a form, or none at all). */
  private static boolean isJson(HttpServletRequest request) {
    String type = request.getContentType();
    return type != null && (type.startsWith("application/json") || type.contains("+json"));
  }

  /** The application whose key posted this, as its module knows it (a revoked key has none). */
  private String clientScope(HttpServletRequest request) {
    for (IdempotencyScopes s : scopes) {
      String scope = s.scopeOf(request);
      if (scope != null) {
        return scope;
      }
    }
    return null;
  }

  private static String userScope() {
    Authentication user = SecurityContextHolder.getContext().getAuthentication();
    return user == null || !user.isAuthenticated() ? null : "user:" + user.getName();
  }

  /** What was posted, where: the form's fields in name order (not the key), or the body. */
  private static String hash(HttpServletRequest request) throws IOException {
    StringBuilder s = new StringBuilder(path(request)).append('\n');
    if (request instanceof CachedBody cached) {
      s.append(new String(cached.body, StandardCharsets.UTF_8));
    } else {
      Map<String, String[]> fields = new TreeMap<>(request.getParameterMap());
      fields.remove("api_key");
      fields.remove("_csrf");
      fields.forEach(
          (name, values) ->
              s.append(name).append('=').append(String.join("\u0000", values)).append('\n'));
    }
    return sha256(s.toString());
  }

  private static String sha256(String s) {
    try {
      return HexFormat.of()
          .formatHex(
              MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  /** A request whose body was read here, to hash it, and is given again to the controller. */
  static final class CachedBody extends HttpServletRequestWrapper {
    private final byte[] body;

    private CachedBody(HttpServletRequest request, byte[] body) {
      super(request);
      this.body = body;
    }

    /** The request with its body read, or null when the body is larger than can be kept. */
    static CachedBody of(HttpServletRequest request) throws IOException {
      byte[] body = request.getInputStream().readNBytes(MAX_BODY + 1);
      return body.length > MAX_BODY ? null : new CachedBody(request, body);
    }

    @Override
    public ServletInputStream getInputStream() {
      ByteArrayInputStream in = new ByteArrayInputStream(body);
      return new ServletInputStream() {
        @Override
        public boolean isFinished() {
          return in.available() == 0;
        }

        @Override
        public boolean isReady() {
          return true;
        }

        @Override
        public void setReadListener(ReadListener listener) {
          throw new UnsupportedOperationException("Borough's controllers read bodies blocking");
        }

        @Override
        public int read() {
          return in.read();
        }

        @Override
        public int read(byte[] b, int off, int len) {
          return in.read(b, off, len);
        }
      };
    }

    @Override
    public BufferedReader getReader() {
      String encoding = getCharacterEncoding();
      return new BufferedReader(
          new InputStreamReader(
              getInputStream(),
              encoding == null
                  ? StandardCharsets.UTF_8
                  : java.nio.charset.Charset.forName(encoding)));
    }
  }
}
