package minsheng.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import minsheng.match.Thresholds;
import org.junit.jupiter.api.Test;

class ConfigTest {

    @Test
    void defaultsWhenNothingIsSet() {
        Config c = Config.fromEnvironment(Map.of());
        assertFalse(c.hasToken());
        assertEquals("https://api.telegram.org", c.apiUrl().toString());
        assertEquals(Path.of("knowledge"), c.knowledgeDir());
        assertEquals(Path.of("data"), c.dataDir());
        assertEquals(Thresholds.defaults(), c.thresholds());
        assertEquals(java.time.ZoneId.of("Asia/Shanghai"), c.timeZone());
    }

    @Test
    void readsTheTimeZoneAdminsSeeTimesInAndRefusesOneThatDoesNotExist() {
        assertEquals(java.time.ZoneId.of("Europe/Berlin"),
                Config.fromEnvironment(Map.of("TIME_ZONE", " Europe/Berlin ")).timeZone());
        assertEquals("TIME_ZONE must be a time zone name such as Asia/Shanghai or UTC, was \"北京时间\"",
                assertThrows(IllegalArgumentException.class,
                        () -> Config.fromEnvironment(Map.of("TIME_ZONE", "北京时间"))).getMessage());
    }

    @Test
    void readsAdminIdsAndThresholds() {
        Config c = Config.fromEnvironment(Map.of("ADMIN_IDS", " 42, 7 ,", "ANSWER_THRESHOLD", "0.6",
                "SUGGEST_THRESHOLD", "0.3", "AMBIGUITY_MARGIN", "0.1", "AMBIGUITY_RATIO", "0.8"));
        assertEquals(Set.of(42L, 7L), c.adminIds());
        assertEquals(new Thresholds(0.6, 0.3, 0.1, 0.8), c.thresholds());
    }

    @Test
    void masksTheTokenWhenPrinted() {
        Config c = Config.fromEnvironment(Map.of("TELEGRAM_BOT_TOKEN", "123456:AAAAsecretPART"));
        assertTrue(c.hasToken());
        assertFalse(c.toString().contains("secretPART"), c.toString());
        assertTrue(c.toString().contains("token=****"));
    }

    @Test
    void namesTheSettingThatIsWrong() {
        assertEquals("TELEGRAM_API_URL must be the Bot API base URL such as https://api.telegram.org,"
                        + " was \"ftp://example\" (not an http(s) URL)",
                assertThrows(IllegalArgumentException.class,
                        () -> Config.fromEnvironment(Map.of("TELEGRAM_API_URL", "ftp://example"))).getMessage());
        assertEquals("ANSWER_THRESHOLD, SUGGEST_THRESHOLD: suggest threshold (0.9) cannot be"
                        + " above the answer threshold (" + Thresholds.DEFAULT_ANSWER_AT + ")",
                assertThrows(IllegalArgumentException.class,
                        () -> Config.fromEnvironment(Map.of("SUGGEST_THRESHOLD", "0.9"))).getMessage());
        assertEquals("AMBIGUITY_MARGIN must be a number between 0 and 1, was \"lots\"",
                assertThrows(IllegalArgumentException.class,
                        () -> Config.fromEnvironment(Map.of("AMBIGUITY_MARGIN", "lots"))).getMessage());
        assertEquals("AMBIGUITY_RATIO must be a number between 0 and 1, was \"2\"",
                assertThrows(IllegalArgumentException.class,
                        () -> Config.fromEnvironment(Map.of("AMBIGUITY_RATIO", "2"))).getMessage());
    }

    @Test
    void readsTheLogLevelAndRefusesAnUnknownOne() {
        assertEquals("info", Config.fromEnvironment(Map.of()).logLevel());
        assertEquals("debug", Config.fromEnvironment(Map.of("LOG_LEVEL", " DEBUG ")).logLevel());
        assertEquals("LOG_LEVEL must be one of trace, debug, info, warn, error, off, was \"verbose\"",
                assertThrows(IllegalArgumentException.class,
                        () -> Config.fromEnvironment(Map.of("LOG_LEVEL", "verbose"))).getMessage());
    }

    @Test
    void refusesABaseUrlWithAPathTheBotApiCallsWouldLose() {
        assertEquals("http://127.0.0.1:8081", Config.fromEnvironment(
                Map.of("TELEGRAM_API_URL", "http://127.0.0.1:8081")).apiUrl().toString());
        assertTrue(assertThrows(IllegalArgumentException.class, () -> Config.fromEnvironment(
                Map.of("TELEGRAM_API_URL", "https://example.org/telegram"))).getMessage()
                .contains("a path or query in the base URL is not supported"));
    }

    @Test
    void watchingTheKnowledgeIsOffUnlessSetToTrue() {
        assertFalse(Config.fromEnvironment(Map.of()).watchKnowledge());
        assertTrue(Config.fromEnvironment(Map.of("WATCH_KNOWLEDGE", "TRUE")).watchKnowledge());
        assertFalse(Config.fromEnvironment(Map.of("WATCH_KNOWLEDGE", "false")).watchKnowledge());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Config.fromEnvironment(Map.of("WATCH_KNOWLEDGE", "yes")));
        assertTrue(e.getMessage().startsWith("WATCH_KNOWLEDGE must be true or false"), e.getMessage());
    }
}
