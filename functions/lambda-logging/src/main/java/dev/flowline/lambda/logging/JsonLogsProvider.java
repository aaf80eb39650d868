package dev.flowline.lambda.logging;

import org.slf4j.ILoggerFactory;
import org.slf4j.IMarkerFactory;
import org.slf4j.helpers.BasicMarkerFactory;
import org.slf4j.spi.MDCAdapter;
import org.slf4j.spi.SLF4JServiceProvider;

/**
 * The functions' SLF4J backend, found through the ServiceLoader: every logger writes a {@link LambdaJsonLine} to
 * standard output from one level up ({@link JsonLoggers}). A logging framework would cost each cold start a few
 * hundred classes and its configuration, and each package about 1 MB, for what one JSON line a call does.
 */
public final class JsonLogsProvider implements SLF4JServiceProvider {

    private final IMarkerFactory markers = new BasicMarkerFactory();
    private final MDCAdapter mdc = new ThreadMdc();

    @Override
    public ILoggerFactory getLoggerFactory() {
        return JsonLoggers.INSTANCE;
    }

    @Override
    public IMarkerFactory getMarkerFactory() {
        return markers;
    }

    @Override
    public MDCAdapter getMDCAdapter() {
        return mdc;
    }

    @Override
    public String getRequestedApiVersion() {
        return "2.0.99";
    }

    @Override
    public void initialize() {
        // nothing to configure: the level comes from the environment
    }
}
