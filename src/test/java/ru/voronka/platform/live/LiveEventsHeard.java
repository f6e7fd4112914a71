package ru.voronka.platform.live;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.springframework.beans.factory.config.BeanPostProcessor;

/**
 * Every live event the application sends, as its transport gets it (after the commit): the fast
 * tier's way to see what a user's page would hear without a browser. Registered in WorkspaceTest's
 * context; the list only grows, so tests look at what happened after a moment of their own.
 */
public class LiveEventsHeard implements BeanPostProcessor {

  private static final List<LiveEvent> HEARD = new CopyOnWriteArrayList<>();

  /** The names of the events {@code userId} heard from the {@code since}-th event sent on. */
  public static List<String> by(String userId, int since) {
    return HEARD.subList(Math.min(since, HEARD.size()), HEARD.size()).stream().filter(e -> e.userIds().contains(userId))
        .map(LiveEvent::name).toList();
  }

  /** The events themselves, with their data, that {@code userId} heard from the {@code since}-th event on. */
  public static List<LiveEvent> eventsBy(String userId, int since) {
    return HEARD.subList(Math.min(since, HEARD.size()), HEARD.size()).stream().filter(e -> e.userIds().contains(userId)).toList();
  }

  /** How many events were sent so far: a test's starting mark. */
  public static int count() {
    return HEARD.size();
  }

  @Override
  public Object postProcessAfterInitialization(Object bean, String beanName) {
    if (bean instanceof LiveTransport transport) {
      return (LiveTransport) event -> {
        HEARD.add(event);
        transport.send(event);
      };
    }
    return bean;
  }
}
