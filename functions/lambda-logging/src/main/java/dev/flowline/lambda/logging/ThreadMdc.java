package dev.flowline.lambda.logging;

import org.slf4j.helpers.ThreadLocalMapOfStacks;
import org.slf4j.spi.MDCAdapter;

import java.util.Deque;
import java.util.HashMap;
import java.util.Map;

/**
 * Each thread's MDC, not inherited by the threads it starts (SLF4J's basic adapter would pass them on): a pool
 * started during one invocation must not log with that invocation's request id ever after.
 */
final class ThreadMdc implements MDCAdapter {

    private final ThreadLocal<Map<String, String>> entries = ThreadLocal.withInitial(HashMap::new);
    private final ThreadLocalMapOfStacks stacks = new ThreadLocalMapOfStacks();

    @Override
    public void put(String key, String value) {
        entries.get().put(key, value);
    }

    @Override
    public String get(String key) {
        return entries.get().get(key);
    }

    @Override
    public void remove(String key) {
        entries.get().remove(key);
    }

    @Override
    public void clear() {
        entries.remove();
    }

    @Override
    public Map<String, String> getCopyOfContextMap() {
        return new HashMap<>(entries.get());
    }

    @Override
    public void setContextMap(Map<String, String> contextMap) {
        entries.set(new HashMap<>(contextMap));
    }

    @Override
    public void pushByKey(String key, String value) {
        stacks.pushByKey(key, value);
    }

    @Override
    public String popByKey(String key) {
        return stacks.popByKey(key);
    }

    @Override
    public Deque<String> getCopyOfDequeByKey(String key) {
        return stacks.getCopyOfDequeByKey(key);
    }

    @Override
    public void clearDequeByKey(String key) {
        stacks.clearDequeByKey(key);
    }
}
