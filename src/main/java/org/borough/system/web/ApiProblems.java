// SPDX-License-Identifier: AGPL-3.0-or-later
package org.borough.system.web;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import tools.jackson.databind.json.JsonMapper;

/**
 * A problem written straight to the response, for the JSON API's refusals made before any
 * controller runs (filters, the HTTP firewall), where {@link ApiProblemAdvice} cannot answer.
 */
final class ApiProblems {

  private static final JsonMapper JSON = JsonMapper.builder().build();

  private ApiProblems() {}

  /**
   * True for the paths that machines call and that answer in problems: the JSON API, and the
   * callbacks other services make (GOV.UK Notify's delivery receipts).
   */
  static boolean answersInProblems(String path) {
    return path != null && (path.startsWith("/api/") || path.startsWith("/callbacks/"));
  }

  static void write(HttpServletResponse response, int status, String title, String detail)
      throws IOException {
    ProblemDetail problem =
        ProblemDetail.forStatusAndDetail(
            org.springframework.http.HttpStatusCode.valueOf(status), detail);
    problem.setTitle(title);
    response.setStatus(status);
    response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
    response.setCharacterEncoding(StandardCharsets.UTF_8.name());
    response.getWriter().write(JSON.writeValueAsString(problem));
  }
}
