package dev.flowline.engine.activation;

import java.util.List;

/** Where an activation's segments wait to be run, each once at least, by {@link Activation#run}. */
@FunctionalInterface
public interface ActivationQueue {

    /** @throws RuntimeException when the queue refused any of them */
    void send(List<Segment> segments);

    /** Whether there is a queue to send to: a deployment may have none, and then cannot enrol existing contacts. */
    default boolean available() {
        return true;
    }
}
