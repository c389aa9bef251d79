// SPDX-License-Identifier: AGPL-3.0-or-later
package org.borough.system.web;

import java.util.List;
import java.util.Map;
import org.borough.system.ConflictException;
import org.borough.system.InvalidInputException;
import org.borough.system.NotFoundException;
import org.borough.system.PreconditionFailedException;
import org.borough.system.StaleEditException;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;
import tools.jackson.core.JacksonException;

/**
 * The JSON API's errors as {@code application/problem+json}. Invalid input lists every field with
 * its reason under {@code errors}, so a client can fix all of them in one go.
 */
@RestControllerAdvice(annotations = RestController.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
class ApiProblemAdvice extends ResponseEntityExceptionHandler {

  record FieldProblem(String field, String reason) {}

  @ExceptionHandler(InvalidInputException.class)
  ProblemDetail invalid(InvalidInputException e) {
    ProblemDetail problem = ProblemDetail.forStatus(HttpStatus.BAD_REQUEST);
    problem.setTitle("Invalid input");
    problem.setDetail(
        e.errors().size() == 1
            ? e.errors().values().iterator().next()
            : e.errors().size() + " fields are invalid");
    List<FieldProblem> errors =
        e.errors().entrySet().stream()
            .map((Map.Entry<String, String> x) -> new FieldProblem(x.getKey(), x.getValue()))
            .toList();
    problem.setProperty("errors", errors);
    return problem;
  }

  @ExceptionHandler(NotFoundException.class)
  ProblemDetail notFound(NotFoundException e) {
    ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, e.getMessage());
    problem.setTitle("Not found");
    return problem;
  }

  @ExceptionHandler(MethodArgumentTypeMismatchException.class)
  ProblemDetail badParameter(MethodArgumentTypeMismatchException e) {
    ProblemDetail problem =
        ProblemDetail.forStatusAndDetail(
            HttpStatus.BAD_REQUEST, "'" + e.getName() + "' is not in the expected format");
    problem.setTitle("Invalid input");
    problem.setProperty("errors", List.of(new FieldProblem(e.getName(), "wrong format")));
    return problem;
  }

  /** A body that is not JSON, or a value of the wrong type: say which field, not just "bad". */
  @Override
  protected ResponseEntity<Object> handleHttpMessageNotReadable(
      HttpMessageNotReadableException ex,
      HttpHeaders headers,
      HttpStatusCode status,
      WebRequest request) {
    ProblemDetail problem = ProblemDetail.forStatus(HttpStatus.BAD_REQUEST);
    problem.setTitle("Invalid input");
    String field = null;
    for (Throwable t = ex; t != null; t = t.getCause()) {
      if (t instanceof JacksonException j && !j.getPath().isEmpty()) {
        field =
            j.getPath().stream()
                .map(
                    r ->
                        r.getPropertyName() != null
                            ? r.getPropertyName()
                            : "[" + r.getIndex() + "]")
                .reduce((a, b) -> b.startsWith("[") ? a + b : a + "." + b)
                .orElse(null);
        break;
      }
    }
    if (field == null) {
      problem.setDetail("The request body is not valid JSON");
    } else {
      problem.setDetail("'" + field + "' has the wrong type or format");
      problem.setProperty("errors", List.of(new FieldProblem(field, "wrong type or format")));
    }
    return ResponseEntity.badRequest()
        .contentType(MediaType.APPLICATION_PROBLEM_JSON)
        .body(problem);
  }

  @ExceptionHandler(ConflictException.class)
  ProblemDetail conflict(ConflictException e) {
    ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT, e.getMessage());
    problem.setTitle("Conflict");
    return problem;
  }

  /** Saved over by someone else between this client's read and its write (ADR 0022). */
  @ExceptionHandler(StaleEditException.class)
  ProblemDetail staleEdit(StaleEditException e) {
    ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT, e.getMessage());
    problem.setTitle("Changed by someone else");
    return problem;
  }

  /** If-Match named an older version; the current ETag is sent back with the problem. */
  @ExceptionHandler(PreconditionFailedException.class)
  ResponseEntity<ProblemDetail> preconditionFailed(PreconditionFailedException e) {
    ProblemDetail problem =
        ProblemDetail.forStatusAndDetail(HttpStatus.PRECONDITION_FAILED, e.getMessage());
    problem.setTitle("Changed by someone else");
    return ResponseEntity.status(HttpStatus.PRECONDITION_FAILED)
        .eTag(e.currentTag())
        .contentType(MediaType.APPLICATION_PROBLEM_JSON)
        .body(problem);
  }
}
