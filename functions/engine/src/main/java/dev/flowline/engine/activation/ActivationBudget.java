package dev.flowline.engine.activation;

/**
 * How much of a segment one run reads: up to {@code pagesPerRun} pages of {@code pageSize} contacts, after which
 * the rest of the segment goes back on the queue, so that no single run goes on for long.
 */
public record ActivationBudget(int pageSize, int pagesPerRun) {

    public static final ActivationBudget DEFAULT = new ActivationBudget(100, 10);

    public ActivationBudget {
        if (pageSize < 1 || pagesPerRun < 1) {
            throw new IllegalArgumentException("an activation reads at least one page of one contact per run");
        }
    }
}
