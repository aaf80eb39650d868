package dev.flowline.engine.criteria;

/**
 * A list filters can refer to: {@code MANUAL} and {@code SNAPSHOT} lists hold their members; a
 * {@code DYNAMIC} list's members are the contacts that pass its filter branch.
 */
public record ListDefinition(String listId, String processingType, FilterBranch filterBranch) {

    public static final String MANUAL = "MANUAL";
    public static final String SNAPSHOT = "SNAPSHOT";
    public static final String DYNAMIC = "DYNAMIC";

    public boolean isDynamic() {
        return DYNAMIC.equals(processingType);
    }
}
