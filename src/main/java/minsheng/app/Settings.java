package minsheng.app;

import java.util.Map;
import java.util.function.Consumer;

/**
 * The operator's settings for one run, read from the environment when a command first needs them (so {@code --help}
 * and a bad argument need none); the log is set up at their {@code LOG_LEVEL} then, before anything logs. A bad
 * setting ends the command with exit status 2.
 */
final class Settings {

    private final Map<String, String> env;
    private final Consumer<String> logging;
    private Config config;

    /** {@code logging} sets the log up at a level; in a test JVM it leaves the tests' log configuration alone. */
    Settings(Map<String, String> env, Consumer<String> logging) {
        this.env = env;
        this.logging = logging;
    }

    Config config() {
        if (config == null) {
            try {
                config = Config.fromEnvironment(env);
            } catch (IllegalArgumentException e) {
                throw ExitException.badSetting(e.getMessage());
            }
            logging.accept(config.logLevel());
        }
        return config;
    }
}
