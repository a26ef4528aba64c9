package minsheng.telegram;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** A chat waiting for its sending slot waits off the workers, and its questions still go in order. */
class ChatLanesTest {

    @Test
    void aChatWaitingForItsSlotLeavesTheOnlyWorkerToOtherChats() throws Exception {
        List<String> ran = Collections.synchronizedList(new ArrayList<>());
        CountDownLatch otherChat = new CountDownLatch(1);
        // Chat 1 may be sent to again only in a minute once its first question is answered; chat 2 at once.
        ChatLanes lanes = new ChatLanes(1, 10,
                chat -> chat == 1 && ran.contains("1:低保标准是多少") ? TimeUnit.MINUTES.toNanos(1) : 0);
        try {
            lanes.submit(1, () -> ran.add("1:低保标准是多少"), null, null);
            lanes.submit(1, () -> ran.add("1:特困供养呢"), null, null);
            lanes.submit(2, () -> {
                ran.add("2:新建多少所幼儿园");
                otherChat.countDown();
            }, null, null);
            assertTrue(otherChat.await(10, TimeUnit.SECONDS), "chat 2 is answered while chat 1 waits for its slot");
            assertEquals(List.of("1:低保标准是多少", "2:新建多少所幼儿园"), ran);
        } finally {
            lanes.drain(Duration.ofMillis(300));
            lanes.close(Duration.ZERO);
        }
        assertEquals(List.of("1:低保标准是多少", "2:新建多少所幼儿园"), ran,
                "a question still waiting for its slot when the bot stops is dropped, not sent early");
        List<String> left = Thread.getAllStackTraces().keySet().stream().filter(Thread::isAlive).map(Thread::getName)
                .filter(n -> n.startsWith("tg-worker") || n.startsWith("tg-pacer")).toList();
        assertEquals(List.of(), left, "every lane thread has ended");
    }

    @Test
    void aPacedChatGetsItsQuestionsInOrderAsItsSlotsCome() throws Exception {
        List<Integer> ran = Collections.synchronizedList(new ArrayList<>());
        AtomicLong last = new AtomicLong(System.nanoTime() - TimeUnit.SECONDS.toNanos(1));
        long interval = TimeUnit.MILLISECONDS.toNanos(20);
        CountDownLatch done = new CountDownLatch(8);
        ChatLanes lanes = new ChatLanes(2, 100, chat -> Math.max(0, last.get() + interval - System.nanoTime()));
        try {
            for (int i = 0; i < 8; i++) {
                int n = i;
                lanes.submit(7, () -> {
                    last.set(System.nanoTime());
                    ran.add(n);
                    done.countDown();
                }, null, null);
            }
            assertTrue(done.await(10, TimeUnit.SECONDS), "every question is answered");
            assertEquals(List.of(0, 1, 2, 3, 4, 5, 6, 7), ran);
        } finally {
            lanes.drain(Duration.ofSeconds(1));
            lanes.close(Duration.ZERO);
        }
    }
}
