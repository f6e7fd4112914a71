package ru.voronka.onec;

/** 1C did not answer or refused: the job that called it fails and Camunda retries it. */
public class OneCUnavailableException extends RuntimeException {

  public OneCUnavailableException(String message, Throwable cause) {
    super(message, cause);
  }

  public OneCUnavailableException(String message) {
    super(message);
  }
}
