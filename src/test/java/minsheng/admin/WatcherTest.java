package minsheng.admin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** WATCH_KNOWLEDGE=true: an edit on disk is checked and loaded without /reload, and the admins are told. */
class WatcherTest {

    @TempDir
    Path root;

    @Test
    void anEditOnDiskIsLoadedAndABrokenOneIsRefusedAndBothAreToldToAdmins() throws Exception {
        BlockingQueue<String> told = new LinkedBlockingQueue<>();
        try (AdminFixture bot = new AdminFixture(root)) {
            // Watching is all it does: the test sees what it told, through told.
            Watcher watcher = Watcher.start(bot.reloader, told::add, Duration.ofMillis(300));
            try (watcher) {
                bot.edit("safety-net.json", "\"太原地铁通车了吗\",", "\"太原地铁通车了吗\",\n        \"省城快轨修到第几条线了\",");
                String first = told.poll(60, TimeUnit.SECONDS);
                assertTrue(first != null && first.startsWith("知识文件有改动，已自动检查：\n已重新加载：新增 0 条，删除 0 条，修改 1 条"),
                        String.valueOf(first));
                assertEquals("city.taiyuan-metro", bot.conversations.reply("a", "省城的快轨修到第几条了").entryId());

                Files.writeString(bot.knowledge.resolve("zz-broken.json"), "{", StandardCharsets.UTF_8);
                String second = told.poll(60, TimeUnit.SECONDS);
                assertTrue(second != null && second.contains("没有重新加载") && second.contains("zz-broken.json"),
                        String.valueOf(second));
                assertEquals("city.taiyuan-metro", bot.conversations.reply("b", "省城的快轨修到第几条了").entryId());
            }
        }
    }

    @Test
    void aChangeTheBotMadeItselfIsAlreadyLoadedAndTellsNobody() throws Exception {
        BlockingQueue<String> told = new LinkedBlockingQueue<>();
        try (AdminFixture bot = new AdminFixture(root)) {
            // Watching is all it does: the test sees what it told, through told.
            Watcher watcher = Watcher.start(bot.reloader, told::add, Duration.ofMillis(300));
            try (watcher) {
                String synonyms = Files.readString(bot.knowledge.resolve("synonyms.txt"), StandardCharsets.UTF_8);
                bot.desk.document(AdminFixture.ADMIN, "synonyms.txt", synonyms.replace("加装电梯, 装电梯",
                        "加装电梯, 加个升降机, 装电梯").getBytes(StandardCharsets.UTF_8));
                // Long enough for the watcher to see the upload's own write settle (quiet period 300 ms).
                Thread.sleep(2000);
                bot.edit("safety-net.json", "\"太原地铁通车了吗\",", "\"太原地铁通车了吗\",\n        \"省城快轨修到第几条线了\",");
                String first = told.poll(60, TimeUnit.SECONDS);
                assertTrue(first != null && first.endsWith("修改：city.taiyuan-metro"), String.valueOf(first));
                assertEquals(null, told.poll(1, TimeUnit.SECONDS));
            }
        }
    }
}
