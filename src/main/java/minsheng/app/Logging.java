package minsheng.app;

/**
 * The bot's log: slf4j-simple on standard error, one line per event, with the time and the short logger name, at
 * {@code LOG_LEVEL}. Settings given with {@code -Dorg.slf4j.simpleLogger.*} on the command line win.
 */
final class Logging {

    private Logging() {
    }

    /** slf4j-simple reads its settings once, when the first logger is made: call this before anything logs. */
    static void configure(String level) {
        // Standard error, even when a simplelogger.properties on the class path says otherwise (the tests' does).
        setIfAbsent("org.slf4j.simpleLogger.logFile", "System.err");
        setIfAbsent("org.slf4j.simpleLogger.defaultLogLevel", level);
        setIfAbsent("org.slf4j.simpleLogger.showDateTime", "true");
        setIfAbsent("org.slf4j.simpleLogger.dateTimeFormat", "yyyy-MM-dd HH:mm:ss.SSS");
        setIfAbsent("org.slf4j.simpleLogger.showShortLogName", "true");
        // The library logs each failed poll with a stack trace; TelegramApi logs the same event in one line.
        if (!level.equals("debug") && !level.equals("trace")) {
            setIfAbsent("org.slf4j.simpleLogger.log.org.telegram.telegrambots.longpolling.BotSession", "off");
        }
    }

    private static void setIfAbsent(String key, String value) {
        if (System.getProperty(key) == null) {
            System.setProperty(key, value);
        }
    }
}
