package dev.flowline.lambda.logging;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.Configurator;
import ch.qos.logback.classic.spi.ConfiguratorRank;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.ConsoleAppender;
import ch.qos.logback.core.spi.ContextAwareBase;

/**
 * Logback's configuration in code, found through the ServiceLoader: no configuration file to look for or parse
 * at a cold start. Every logger writes {@link LambdaJsonEncoder}'s lines to standard output, from
 * {@code POWERTOOLS_LOG_LEVEL} (INFO when unset) up.
 */
@ConfiguratorRank(ConfiguratorRank.CUSTOM_HIGH_PRIORITY)
public final class JsonLogsConfigurator extends ContextAwareBase implements Configurator {

    static final String LEVEL_VARIABLE = "POWERTOOLS_LOG_LEVEL";

    @Override
    public ExecutionStatus configure(LoggerContext context) {
        var encoder = new LambdaJsonEncoder();
        encoder.setContext(context);
        encoder.start();
        var console = new ConsoleAppender<ILoggingEvent>();
        console.setContext(context);
        console.setName("json");
        console.setEncoder(encoder);
        console.start();
        Logger root = context.getLogger(Logger.ROOT_LOGGER_NAME);
        root.setLevel(Level.toLevel(System.getenv(LEVEL_VARIABLE), Level.INFO));
        root.addAppender(console);
        return ExecutionStatus.DO_NOT_INVOKE_NEXT_IF_ANY;
    }
}
