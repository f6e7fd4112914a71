package ru.voronka.platform.live;

/** Carries a committed event to the nodes whose browsers are connected. */
interface LiveTransport {

  void send(LiveEvent event);
}
