package minsheng.app;

import java.io.IOException;
import java.net.URI;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.nio.file.Path;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import minsheng.match.Thresholds;

/**
 * The operator's settings, read from the environment once at start and checked before anything runs. The token
 * never appears in {@link #toString()} or in any message.
 */
record Config(
        String token,
        URI apiUrl,
        Set<Long> adminIds,
        Path knowledgeDir,
        Path dataDir,
        Thresholds thresholds,
        String logLevel,
        boolean watchKnowledge,
        ZoneId timeZone) {

    static final String DEFAULT_API_URL = "https://api.telegram.org";
    /** Where the bot's admins are: times in /stats, /export, /review and backups' names are in this zone. */
    static final String DEFAULT_TIME_ZONE = "Asia/Shanghai";
    static final String DEFAULT_LOG_LEVEL = "info";
    static final java.util.List<String> LOG_LEVELS = java.util.List.of("trace", "debug", "info", "warn", "error", "off");

    Config {
        adminIds = Set.copyOf(adminIds);
    }

    /**
     * Checks that KNOWLEDGE_DIR names a folder, for the commands that read knowledge (help does not). A missing
     * folder is a bad setting (exit 2), not a knowledge problem.
     */
    void requireKnowledgeDir() {
        if (!Files.isDirectory(knowledgeDir)) {
            throw ExitException.badSetting("KNOWLEDGE_DIR is \"" + knowledgeDir + "\", which is not a folder"
                    + (Files.exists(knowledgeDir) ? "" : " (it does not exist)")
                    + "; set it to the knowledge folder, or run from the project folder");
        }
    }

    /** DATA_DIR found unusable when the bot opened it: a bad setting (exit 2), said in plain words. */
    ExitException unusableDataDir(IOException e) {
        return ExitException.badSetting("DATA_DIR is \"" + dataDir + "\", which cannot be used: " + plainly(e)
                + "; set it to a folder the bot may create and write in");
    }

    /** What went wrong with a file, without the exception's class name (the JDK gives only the path for some). */
    private static String plainly(IOException e) {
        if (!(e instanceof FileSystemException f) || f.getReason() != null) {
            return e.getMessage();
        }
        String what = e instanceof AccessDeniedException ? "permission denied"
                : e instanceof NoSuchFileException ? "no such file or folder"
                : e instanceof FileAlreadyExistsException ? "already exists"
                : e instanceof NotDirectoryException ? "not a folder"
                : "cannot be used";
        return f.getMessage() + ": " + what;
    }

    boolean hasToken() {
        return token != null;
    }

    /** Reads the settings; throws with a message naming the variable and what is wrong with it. */
    static Config fromEnvironment(Map<String, String> env) {
        String token = blankToNull(env.get("TELEGRAM_BOT_TOKEN"));
        if (token != null && !token.matches("\\d+:[A-Za-z0-9_-]+")) {
            throw new IllegalArgumentException(
                    "TELEGRAM_BOT_TOKEN does not look like a bot token (digits, a colon, then letters, digits,"
                            + " '_' or '-'); ask @BotFather for the token");
        }
        URI api = apiUrl(env.getOrDefault("TELEGRAM_API_URL", DEFAULT_API_URL));
        Set<Long> admins = adminIds(env.getOrDefault("ADMIN_IDS", ""));
        Path knowledge = Path.of(env.getOrDefault("KNOWLEDGE_DIR", "knowledge"));
        Path data = Path.of(env.getOrDefault("DATA_DIR", "data"));
        double answerAt = fraction(env, "ANSWER_THRESHOLD", Thresholds.DEFAULT_ANSWER_AT);
        double suggestAt = fraction(env, "SUGGEST_THRESHOLD", Thresholds.DEFAULT_SUGGEST_AT);
        double margin = fraction(env, "AMBIGUITY_MARGIN", Thresholds.DEFAULT_MARGIN);
        double ratio = fraction(env, "AMBIGUITY_RATIO", Thresholds.DEFAULT_ALIKE_RATIO);
        Thresholds thresholds;
        try {
            thresholds = new Thresholds(answerAt, suggestAt, margin, ratio);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("ANSWER_THRESHOLD, SUGGEST_THRESHOLD: " + e.getMessage(), e);
        }
        String level = env.getOrDefault("LOG_LEVEL", DEFAULT_LOG_LEVEL).strip().toLowerCase(java.util.Locale.ROOT);
        if (!LOG_LEVELS.contains(level)) {
            throw new IllegalArgumentException("LOG_LEVEL must be one of " + String.join(", ", LOG_LEVELS)
                    + ", was \"" + env.get("LOG_LEVEL") + "\"");
        }
        boolean watch = flag(env, "WATCH_KNOWLEDGE");
        return new Config(token, api, admins, knowledge, data, thresholds, level, watch, timeZone(env));
    }

    private static ZoneId timeZone(Map<String, String> env) {
        String value = blankToNull(env.get("TIME_ZONE"));
        try {
            return ZoneId.of(value == null ? DEFAULT_TIME_ZONE : value);
        } catch (DateTimeException e) {
            throw new IllegalArgumentException("TIME_ZONE must be a time zone name such as " + DEFAULT_TIME_ZONE
                    + " or UTC, was \"" + value + "\"", e);
        }
    }

    private static URI apiUrl(String value) {
        try {
            URI uri = URI.create(value.strip());
            if (!("http".equals(uri.getScheme()) || "https".equals(uri.getScheme())) || uri.getHost() == null) {
                throw new IllegalArgumentException("not an http(s) URL");
            }
            // Bot API calls go to scheme://host:port/bot<token>/<method>; a path in the base URL would be lost.
            if (uri.getRawPath() != null && !uri.getRawPath().isEmpty() && !uri.getRawPath().equals("/")
                    || uri.getRawQuery() != null) {
                throw new IllegalArgumentException("a path or query in the base URL is not supported");
            }
            return uri;
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("TELEGRAM_API_URL must be the Bot API base URL such as "
                    + DEFAULT_API_URL + ", was \"" + value + "\" (" + e.getMessage() + ")", e);
        }
    }

    private static Set<Long> adminIds(String value) {
        Set<Long> ids = new LinkedHashSet<>();
        for (String part : value.split(",")) {
            if (part.isBlank()) {
                continue;
            }
            try {
                ids.add(Long.parseLong(part.strip()));
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("ADMIN_IDS must be Telegram user ids (numbers) separated by"
                        + " commas; \"" + part.strip() + "\" is not a number", e);
            }
        }
        return ids;
    }

    private static double fraction(Map<String, String> env, String name, double fallback) {
        String value = blankToNull(env.get(name));
        if (value == null) {
            return fallback;
        }
        double d;
        try {
            d = Double.parseDouble(value);
        } catch (NumberFormatException e) {
            d = Double.NaN;
        }
        // Checked here, not only in Thresholds, so the message names the variable the operator set.
        if (!(d >= 0 && d <= 1)) {
            throw new IllegalArgumentException(name + " must be a number between 0 and 1, was \"" + value + "\"");
        }
        return d;
    }

    private static boolean flag(Map<String, String> env, String name) {
        String value = blankToNull(env.get(name));
        if (value == null || value.equalsIgnoreCase("false")) {
            return false;
        }
        if (value.equalsIgnoreCase("true")) {
            return true;
        }
        throw new IllegalArgumentException(name + " must be true or false, was \"" + value + "\"");
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    @Override
    public String toString() {
        return "Config[token=" + (token == null ? "unset" : "****") + ", apiUrl=" + apiUrl + ", adminIds=" + adminIds
                + ", knowledgeDir=" + knowledgeDir + ", dataDir=" + dataDir + ", thresholds=" + thresholds
                + ", logLevel=" + logLevel + ", watchKnowledge=" + watchKnowledge + ", timeZone=" + timeZone + "]";
    }
}
