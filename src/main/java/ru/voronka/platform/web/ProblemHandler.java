package ru.voronka.platform.web;

import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;

/**
 * Every refusal of the API as RFC 9457 problem details with a Russian {@code detail}. Refusals
 * thrown inside the engine (a form rule, a delegate) arrive wrapped; the domain cause is found.
 */
@RestControllerAdvice(basePackages = "ru.voronka")
class ProblemHandler {

  private static final Logger log = LoggerFactory.getLogger(ProblemHandler.class);

  @ExceptionHandler(RuntimeException.class)
  ProblemDetail runtime(RuntimeException e) {
    DomainException domain = DomainExceptions.find(e);
    if (domain != null) {
      return problem(HttpStatusCode.valueOf(domain.kind().status()), domain.getMessage());
    }
    if (e instanceof MethodArgumentTypeMismatchException mismatch) {
      return problem(HttpStatus.BAD_REQUEST, "Параметр «" + mismatch.getName() + "»: недопустимое значение «" + mismatch.getValue() + "»");
    }
    // Answered here rather than rethrown: a rethrow goes to /error, which a stateless API would
    // see unauthenticated and answer 401.
    log.error("Unexpected failure", e);
    return problem(HttpStatus.INTERNAL_SERVER_ERROR, "Внутренняя ошибка сервера. Сообщите администратору: " + e.getClass().getSimpleName());
  }

  @ExceptionHandler(AccessDeniedException.class)
  ProblemDetail denied(AccessDeniedException e) {
    return problem(HttpStatus.FORBIDDEN, "Недостаточно прав для этого действия");
  }

  @ExceptionHandler(HttpMessageNotReadableException.class)
  ProblemDetail unreadable(HttpMessageNotReadableException e) {
    return problem(HttpStatus.BAD_REQUEST, "Тело запроса не разобрано: проверьте JSON и значения полей");
  }

  @ExceptionHandler(MethodArgumentNotValidException.class)
  ProblemDetail invalid(MethodArgumentNotValidException e) {
    String detail = e.getBindingResult().getFieldErrors().stream()
        .map(f -> "«" + f.getField() + "»: " + f.getDefaultMessage()).collect(Collectors.joining("; "));
    return problem(HttpStatus.BAD_REQUEST, detail);
  }

  private static ProblemDetail problem(HttpStatusCode status, String detail) {
    return ProblemDetail.forStatusAndDetail(status, detail);
  }
}
