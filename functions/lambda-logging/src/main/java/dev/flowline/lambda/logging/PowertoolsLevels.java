package dev.flowline.lambda.logging;

import org.slf4j.Logger;
import org.slf4j.event.Level;
import software.amazon.lambda.powertools.logging.internal.LoggingManager;

/**
 * Powertools' hook into the logging backend (found through the ServiceLoader): it sets the level of every logger
 * from {@code POWERTOOLS_LOG_LEVEL} or Lambda's own log level, and for sampled debug logging.
 */
public final class PowertoolsLevels implements LoggingManager {

    @Override
    public void setLogLevel(Level level) {
        JsonLoggers.INSTANCE.setLevel(level);
    }

    @Override
    public Level getLogLevel(Logger logger) {
        return JsonLoggers.INSTANCE.level();
    }
}
