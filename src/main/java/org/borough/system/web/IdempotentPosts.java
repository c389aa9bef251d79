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
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.regex.Pattern;
import org.borough.system.IdempotencyScopes;
import org.borough.system.Sha256;
import org.springframework.dao.DataAccessException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionStatus;
import org.springframework.transaction.support.DefaultTransactionDefinition;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.ContentCachingResponseWrapper;

/**
 * Makes the POSTs that create cases, contacts and councillors' enquiries safe to retry. A client
 * that timed out cannot know whether its case was made; with an {@code Idempotency-Key} header it
 * posts again and gets the first answer (the same reference) instead of a second case. The POSTs of
 * modules whose callers rarely send the header ({@link IdempotencyScopes}: Open311 apps) are
 * covered without one: an identical request from the same caller within {@link
 * #SAME_REQUEST_WINDOW} is taken as a retry. Any other POST passes straight through, with no work
 * at all.
 *
 * <p>The request runs in a transaction that ends with one insert of its answer, so the record of
 * the answer commits with the case it describes: a crash leaves both or neither. A retry that
 * arrives while the first is still running does its work too, but its insert of the same key waits
 * for the first to commit and then fails on the primary key, so its work is rolled back and it is
 * given the first answer (or, where the database gave up waiting, a 409 to try again later): never
 * two cases. Only successful answers are kept; a failed request can be retried with the same key. A
 * key reused for a different request is refused (422).
 */
@Component
class IdempotentPosts extends OncePerRequestFilter {

  static final String HEADER = "Idempotency-Key";
  static final Duration KEY_LIFETIME = Duration.ofHours(24);
  static final Duration SAME_REQUEST_WINDOW = Duration.ofMinutes(10);
  private static final Pattern API = Pattern.compile("/api/v1/(cases|contacts|enquiries)");
  private static final Pattern KEY = Pattern.compile("[\\x21-\\x7e]{1,255}");
  private static final int MAX_BODY = 1 << 20;

  private final IdempotentRequests requests;
  private final PlatformTransactionManager transactions;
  private final Clock clock;
  private final List<IdempotencyScopes> modules;

  IdempotentPosts(
      IdempotentRequests requests,
      PlatformTransactionManager transactions,
      Clock clock,
      List<IdempotencyScopes> modules) {
    this.requests = requests;
    this.transactions = transactions;
    this.clock = clock;
    this.modules = modules;
  }

  @Override
  protected boolean shouldNotFilter(HttpServletRequest request) {
    if (!"POST".equals(request.getMethod())) {
      return true;
    }
    return !(request.getHeader(HEADER) != null && API.matcher(path(request)).matches())
        && moduleOf(request) == null;
  }

  @Override
  protected void doFilterInternal(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    IdempotencyScopes module = moduleOf(request);
    String given = request.getHeader(HEADER);
    if (given != null && !KEY.matcher(given).matches()) {
      reject(module, request, response, 400, HEADER + " must be 1 to 255 visible ASCII characters");
      return;
    }
    HttpServletRequest read = isJson(request) ? CachedBody.of(request) : request;
    if (read == null) { // too large to hash: such a post is not made idempotent
      chain.doFilter(request, response);
      return;
    }
    String scope = module != null ? module.scopeOf(read) : userScope();
    if (scope == null) { // no caller yet: the controller refuses it
      chain.doFilter(read, response);
      return;
    }
    String hash = hash(read);
    String key = given != null ? given : "same:" + hash;
    Duration lifetime = given != null ? KEY_LIFETIME : SAME_REQUEST_WINDOW;

    Optional<IdempotentRequests.Answer> earlier = requests.find(scope, key);
    if (earlier.isPresent() && earlier.get().createdAt().plus(lifetime).isBefore(clock.instant())) {
      requests.forget(scope, key);
      earlier = Optional.empty();
    }
    if (earlier.isPresent()) {
      replay(module, earlier.get(), hash, request, response);
      return;
    }
    ContentCachingResponseWrapper answer = new ContentCachingResponseWrapper(response);
    TransactionStatus tx = transactions.getTransaction(new DefaultTransactionDefinition());
    Throwable failed = null;
    try {
      chain.doFilter(read, answer);
      if (module != null ? !module.done(answer.getStatus()) : answer.getStatus() / 100 != 2) {
        transactions.rollback(tx); // nothing was made: the key may be used again
      } else if (tx.isRollbackOnly()) {
        // Something inside failed and was caught: what the answer says was made would not be
        // there. Never acknowledge a write that is rolled back.
        transactions.rollback(tx);
        answer.resetBuffer();
        reject(module, request, answer, 500, "The request could not be saved: send it again");
      } else if (!keep(scope, key, hash, answer)) {
        // A concurrent retry's answer stands; this one's work is undone and its answer replaced.
        // Written through the wrapper, whose output stream the controller has already opened.
        transactions.rollback(tx);
        answer.resetBuffer();
        Optional<IdempotentRequests.Answer> first = requests.find(scope, key);
        if (first.isPresent()) {
          replay(module, first.get(), hash, request, answer);
        } else {
          answer.setHeader("Retry-After", "1");
          reject(
              module,
              request,
              answer,
              409,
              "A request with this " + HEADER + " is still in progress");
        }
      } else {
        transactions.commit(tx);
      }
    } catch (ServletException | IOException | RuntimeException | Error e) {
      failed = e;
      throw e;
    } finally {
      if (!tx.isCompleted()) {
        try {
          transactions.rollback(tx);
        } catch (RuntimeException rollbackFailed) {
          // The database went away during the request: the rollback fails too, and must not
          // hide the request's own failure, which says what happened (and is answered 503).
          if (failed == null) {
            throw rollbackFailed;
          }
          failed.addSuppressed(rollbackFailed);
        }
      }
    }
    answer.copyBodyToResponse();
  }

  /**
   * Records the answer in the request's transaction; false when the key was taken meanwhile by a
   * concurrent retry that committed first (or, on H2, still holds it), whose answer stands.
   */
  private boolean keep(
      String scope, String key, String hash, ContentCachingResponseWrapper answer) {
    byte[] body = answer.getContentAsByteArray();
    try {
      requests.insert(
          new IdempotentRequests.Answer(
              hash,
              answer.getStatus(),
              // Too large to keep: a retry is answered with the status and Location only.
              body.length <= IdempotentRequests.MAX_BODY ? answer.getContentType() : null,
              answer.getHeader("Location"),
              body.length <= IdempotentRequests.MAX_BODY
                  ? new String(body, StandardCharsets.UTF_8)
                  : null,
              clock.instant()),
          scope,
          key);
      return true;
    } catch (DataAccessException taken) {
      return false;
    }
  }

  private void replay(
      IdempotencyScopes module,
      IdempotentRequests.Answer first,
      String hash,
      HttpServletRequest request,
      HttpServletResponse response)
      throws IOException {
    if (!first.requestHash().equals(hash)) {
      reject(
          module,
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

  /** An error in the caller's own format: the module's (Open311's), or problem+json on the API. */
  private static void reject(
      IdempotencyScopes module,
      HttpServletRequest request,
      HttpServletResponse response,
      int status,
      String detail)
      throws IOException {
    if (module != null) {
      module.refuse(request, response, status, detail);
      return;
    }
    response.setStatus(status);
    response.setCharacterEncoding(StandardCharsets.UTF_8);
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

  /** The module whose POST this is (made idempotent even without a key), or null. */
  private IdempotencyScopes moduleOf(HttpServletRequest request) {
    for (IdempotencyScopes m : modules) {
      if (m.covers(request)) {
        return m;
      }
    }
    return null;
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
    return Sha256.hex(s.toString());
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
