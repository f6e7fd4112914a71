package ru.voronka.platform.live;

import java.util.Collection;
import java.util.Map;

/**
 * What a set of users' pages should hear: an event name the page's script dispatches on, and small
 * data (ids and texts; the page fetches the rest). {@code publishedAt} is the epoch millisecond at
 * which the cause was committed — the pages ignore it, the SSE bench measures by it.
 */
public record LiveEvent(Collection<String> userIds, String name, Map<String, Object> data, long publishedAt) {}
