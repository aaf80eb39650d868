package dev.flowline.lambda.logging;

import org.slf4j.ILoggerFactory;
import org.slf4j.Logger;
import org.slf4j.event.Level;

import java.io.PrintStream;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The loggers, by name, and the one level they all log from: {@code POWERTOOLS_LOG_LEVEL} (INFO when unset or
 * not a level), which Powertools may change ({@link PowertoolsLevels}).
 */
final class JsonLoggers implements ILoggerFactory {

    static final JsonLoggers INSTANCE = new JsonLoggers(System.out, System.getenv("POWERTOOLS_LOG_LEVEL"));

    private final Map<String, Logger> loggers = new ConcurrentHashMap<>();
    private final PrintStream out;
    private volatile Level level;

    JsonLoggers(PrintStream out, String level) {
        this.out = out;
        this.level = parse(level);
    }

    @Override
    public Logger getLogger(String name) {
        return loggers.computeIfAbsent(name, JsonLogger::new);
    }

    Level level() {
        return level;
    }

    void setLevel(Level level) {
        this.level = level;
    }

    /** A whole line in one call: lines of concurrent threads do not interleave. */
    void write(String line) {
        out.print(line);
    }

    private static Level parse(String name) {
        if (name != null) {
            for (Level candidate : Level.values()) {
                if (candidate.name().equals(name.trim().toUpperCase(Locale.ROOT))) {
                    return candidate;
                }
            }
        }
        return Level.INFO;
    }

    private final class JsonLogger extends org.slf4j.helpers.LegacyAbstractLogger {

        JsonLogger(String name) {
            this.name = name;
        }

        private boolean enabled(Level at) {
            return at.toInt() >= level.toInt();
        }

        @Override
        public boolean isTraceEnabled() {
            return enabled(Level.TRACE);
        }

        @Override
        public boolean isDebugEnabled() {
            return enabled(Level.DEBUG);
        }

        @Override
        public boolean isInfoEnabled() {
            return enabled(Level.INFO);
        }

        @Override
        public boolean isWarnEnabled() {
            return enabled(Level.WARN);
        }

        @Override
        public boolean isErrorEnabled() {
            return enabled(Level.ERROR);
        }

        @Override
        protected String getFullyQualifiedCallerName() {
            return null;
        }

        @Override
        protected void handleNormalizedLoggingCall(Level at, org.slf4j.Marker marker, String pattern,
                                                   Object[] arguments, Throwable error) {
            write(LambdaJsonLine.of(at, pattern, arguments, error));
        }
    }
}
