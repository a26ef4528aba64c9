package minsheng.telegram;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The default pace keeps within Telegram's limits, however many messages wait. */
class PacerTest {

    /** When each of {@code n} messages queued at once would go out, in nanoseconds from now. */
    private static List<Long> departures(Pacer.Rate rate, int n) {
        List<Long> times = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            times.add(rate.reserve(0));
        }
        return times;
    }

    private static int mostWithin(List<Long> times, Duration window) {
        int most = 0;
        for (long start : times) {
            most = Math.max(most, (int) times.stream().filter(t -> t >= start && t - start < window.toNanos()).count());
        }
        return most;
    }

    @Test
    void aGroupNeverGetsMoreThanTwentyMessagesInAMinute() {
        Tuning t = Tuning.DEFAULTS;
        List<Long> times = departures(Pacer.chat(t, true), 100);
        assertTrue(mostWithin(times, Duration.ofMinutes(1)) <= 20, "at most 20 a minute");
        assertEquals(0, times.get(2), "a short reply in parts goes at once");
    }

    @Test
    void aPrivateChatGetsAboutOneMessageASecondAfterAShortBurst() {
        Tuning t = Tuning.DEFAULTS;
        List<Long> times = departures(Pacer.chat(t, false), 60);
        assertEquals(0, times.get(2));
        assertTrue(mostWithin(times, Duration.ofSeconds(10)) <= 13, "about one a second after the burst");
    }

    @Test
    void allChatsTogetherStayUnderThirtyASecond() {
        Tuning t = Tuning.DEFAULTS;
        List<Long> times = departures(Pacer.global(t), 300);
        assertTrue(mostWithin(times, Duration.ofSeconds(1)) <= 30);
    }
}
