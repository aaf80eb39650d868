package dev.flowline.lambda.logging;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import org.slf4j.LoggerFactory;
import software.amazon.lambda.powertools.logging.internal.LoggingManager;

/**
 * Powertools' hook into the logging backend (found through the ServiceLoader): it sets the level of every logger
 * from {@code POWERTOOLS_LOG_LEVEL} or Lambda's own log level, and for sampled debug logging.
 */
public final class LogbackLevels implements LoggingManager {

    @Override
    public void setLogLevel(org.slf4j.event.Level level) {
        var context = (LoggerContext) LoggerFactory.getILoggerFactory();
        Level logback = Level.toLevel(level.toString());
        context.getLoggerList().forEach(logger -> logger.setLevel(logback));
    }

    @Override
    public org.slf4j.event.Level getLogLevel(org.slf4j.Logger logger) {
        var context = (LoggerContext) LoggerFactory.getILoggerFactory();
        return org.slf4j.event.Level.valueOf(context.getLogger(logger.getName()).getEffectiveLevel().toString());
    }
}
