package minsheng.telegram;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** The offset of the next getUpdates follows the lowest update not yet answered, not the last one received. */
class OffsetsTest {

    @Test
    void theOffsetStaysAtTheLowestUpdateNotYetAnswered() {
        Offsets offsets = new Offsets(0);
        assertEquals(1, offsets.next());
        for (int id = 41; id <= 44; id++) {
            assertTrue(offsets.received(id));
        }
        assertEquals(41, offsets.next());
        offsets.settled(43);
        offsets.settled(42);
        assertEquals(41, offsets.next(), "42 and 43 answered, 41 not: Telegram keeps all from 41");
        offsets.settled(41);
        assertEquals(44, offsets.next());
        offsets.settled(44);
        assertEquals(45, offsets.next(), "everything answered: one past the highest received");
    }

    @Test
    void anUpdateDeliveredAgainWhileOpenIsNotTakenTwice() {
        Offsets offsets = new Offsets(0);
        assertTrue(offsets.received(7));
        assertFalse(offsets.received(7));
        assertEquals(1, offsets.openCount());
    }

    @Test
    void aPollThatBroughtNothingNewWaitsUntilTheOpenUpdatesAreSettled() throws Exception {
        Offsets offsets = new Offsets(60_000);
        offsets.received(5);
        offsets.polled(false);
        Thread settler = new Thread(() -> offsets.settled(5));
        settler.start();
        // Returns once 5 is settled (long before the minute), and then does not wait again.
        offsets.beforePoll();
        settler.join();
        assertEquals(6, offsets.next());
        offsets.polled(true);
        offsets.received(6);
        offsets.beforePoll();
    }
}
