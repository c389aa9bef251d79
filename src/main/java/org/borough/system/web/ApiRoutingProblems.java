// SPDX-License-Identifier: AGPL-3.0-or-later
package org.borough.system.web;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.servlet.resource.NoResourceFoundException;

/**
 * JSON API requests that match no endpoint — no such path, a method or a content type the path does
 * not take — answered as problems. {@link ApiProblemAdvice} answers only once an API controller was
 * chosen; before that, Spring's default was a bare status with no body. Pages fall through to the
 * usual error page: the exception is thrown on.
 */
@RestControllerAdvice
@Order(Ordered.LOWEST_PRECEDENCE)
class ApiRoutingProblems {

  @ExceptionHandler(NoResourceFoundException.class)
  ResponseEntity<ProblemDetail> noSuchPath(NoResourceFoundException e, HttpServletRequest request)
      throws NoResourceFoundException {
    if (!api(request)) {
      throw e;
    }
    return problem(HttpStatus.NOT_FOUND, "Not found", "There is no such address in the API");
  }

  @ExceptionHandler(HttpRequestMethodNotSupportedException.class)
  ResponseEntity<ProblemDetail> wrongMethod(
      HttpRequestMethodNotSupportedException e, HttpServletRequest request)
      throws HttpRequestMethodNotSupportedException {
    if (!api(request)) {
      throw e;
    }
    ResponseEntity<ProblemDetail> answer =
        problem(
            HttpStatus.METHOD_NOT_ALLOWED,
            "Method not allowed",
            "This address does not take " + e.getMethod());
    return ResponseEntity.status(answer.getStatusCode())
        .headers(e.getHeaders())
        .contentType(MediaType.APPLICATION_PROBLEM_JSON)
        .body(answer.getBody());
  }

  @ExceptionHandler(HttpMediaTypeNotSupportedException.class)
  ResponseEntity<ProblemDetail> wrongContentType(
      HttpMediaTypeNotSupportedException e, HttpServletRequest request)
      throws HttpMediaTypeNotSupportedException {
    if (!api(request)) {
      throw e;
    }
    return problem(
        HttpStatus.UNSUPPORTED_MEDIA_TYPE,
        "Unsupported content type",
        "Send the body as " + e.getSupportedMediaTypes());
  }

  private static boolean api(HttpServletRequest request) {
    return ApiProblems.answersInProblems(request.getRequestURI());
  }

  private static ResponseEntity<ProblemDetail> problem(
      HttpStatus status, String title, String detail) {
    ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
    problem.setTitle(title);
    return ResponseEntity.status(status)
        .contentType(MediaType.APPLICATION_PROBLEM_JSON)
        .body(problem);
  }
}
