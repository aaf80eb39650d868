package dev.flowline.aws.eventbridge;

import java.util.ArrayList;
import java.util.List;

/**
 * The ids of the bus events that led to the message being handled now, oldest first. A handler opens it for
 * the duration of one message; everything published meanwhile, on the bus or on the step queue, carries it,
 * so a chain of flows that trigger each other grows with each hop and {@link EventBridgeEvents} can stop it.
 * <pre>{@code
 * try (var chain = CauseChain.open(event.causes(), event.id())) {
 *     triggers.evaluate(change);
 * }
 * }</pre>
 * It is held per thread: a function handles the messages of a batch one after another.
 */
public final class CauseChain implements AutoCloseable {

    private static final ThreadLocal<List<String>> CURRENT = ThreadLocal.withInitial(List::of);

    private final List<String> previous;

    private CauseChain(List<String> previous) {
        this.previous = previous;
    }

    /** The chain of the message being handled; empty outside any. */
    public static List<String> current() {
        return CURRENT.get();
    }

    /** Opens the chain of a message that carries {@code causes} and, when it is a bus event, its own {@code id}. */
    public static CauseChain open(List<String> causes, String id) {
        var chain = new ArrayList<>(causes);
        if (id != null) {
            chain.add(id);
        }
        return open(chain);
    }

    /** Opens a chain as it is, as for a step message, which carries the chain it was scheduled under. */
    public static CauseChain open(List<String> chain) {
        var opened = new CauseChain(CURRENT.get());
        CURRENT.set(List.copyOf(chain));
        return opened;
    }

    @Override
    public void close() {
        CURRENT.set(previous);
    }
}
