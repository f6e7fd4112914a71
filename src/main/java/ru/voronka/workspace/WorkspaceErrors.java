package ru.voronka.workspace;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.servlet.ModelAndView;
import ru.voronka.directory.Counterparties;
import ru.voronka.platform.web.DomainException;
import ru.voronka.platform.web.DomainExceptions;

/**
 * A refused action on a page: the service's Russian message with its 4xx status — as a small
 * fragment for an htmx request (the page script puts it next to the form), as a page otherwise.
 */
@ControllerAdvice(basePackages = "ru.voronka.workspace")
@Order(Ordered.HIGHEST_PRECEDENCE)
class WorkspaceErrors {

  @ExceptionHandler(RuntimeException.class)
  ModelAndView refused(RuntimeException e, HttpServletRequest request, HttpServletResponse response) {
    DomainException domain = DomainExceptions.find(e);
    if (domain == null) {
      if (e instanceof MethodArgumentTypeMismatchException mismatch) {
        return render(request, response, 400, "Недопустимое значение параметра «" + mismatch.getName() + "»");
      }
      throw e;
    }
    if (domain instanceof Counterparties.DuplicateClientException duplicate && request.getHeader("HX-Request") != null) {
      response.setStatus(domain.kind().status());
      ModelAndView view = new ModelAndView("workspace/fragments/duplicates");
      view.addObject("duplicates", duplicate.duplicates());
      return view;
    }
    return render(request, response, domain.kind().status(), domain.getMessage());
  }

  /**
   * A file over the limit is refused while the request is read, before any controller is chosen,
   * so this advice has no package: whichever page posted it gets the Russian answer.
   */
  @ControllerAdvice
  @Order(Ordered.HIGHEST_PRECEDENCE)
  static class UploadLimit {

    @ExceptionHandler(MaxUploadSizeExceededException.class)
    ModelAndView tooLarge(HttpServletRequest request, HttpServletResponse response) {
      return render(request, response, 413, "Файл больше 10 МБ: приложите файл поменьше или ссылку на него");
    }
  }

  /**
   * An address no page serves, asked by a browser: the Russian page. Anything else asking (the API's clients)
   * gets the problem details as before — this handler answers only who accepts HTML.
   */
  @ControllerAdvice
  @Order(Ordered.HIGHEST_PRECEDENCE)
  static class UnknownPage {

    @ExceptionHandler(exception = org.springframework.web.servlet.resource.NoResourceFoundException.class,
        produces = org.springframework.http.MediaType.TEXT_HTML_VALUE)
    ModelAndView missing(HttpServletRequest request, HttpServletResponse response) {
      return render(request, response, 404, "Такой страницы нет: проверьте адрес или начните с рабочего стола");
    }
  }

  private static ModelAndView render(HttpServletRequest request, HttpServletResponse response, int status, String message) {
    response.setStatus(status);
    boolean htmx = request.getHeader("HX-Request") != null;
    ModelAndView view = new ModelAndView(htmx ? "workspace/fragments/error" : "workspace/error");
    view.addObject("message", message);
    view.addObject("status", status);
    return view;
  }
}
