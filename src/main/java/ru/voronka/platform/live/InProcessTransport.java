package ru.voronka.platform.live;

/** One node: the event goes straight to this node's connections. */
class InProcessTransport implements LiveTransport {

  private final Subscribers subscribers;

  InProcessTransport(Subscribers subscribers) {
    this.subscribers = subscribers;
  }

  @Override
  public void send(LiveEvent event) {
    subscribers.deliver(event);
  }
}
