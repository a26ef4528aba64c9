package minsheng.answer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import minsheng.knowledge.ShippedKnowledge;
import minsheng.knowledge.KnowledgeException;
import minsheng.knowledge.KnowledgeLoader;
import minsheng.match.Thresholds;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** An admin's edit to the knowledge files changes what the bot understands once it is loaded again; no code. */
class KnowledgeEditTest {

    @TempDir
    Path dir;

    @BeforeEach
    void copyShippedKnowledge() throws IOException {
        ShippedKnowledge.copyTo(dir);
    }

    private Reply ask(String question) throws KnowledgeException {
        // What a restart or a reload does: read the folder, build a fresh snapshot.
        return Snapshot.build(KnowledgeLoader.load(dir), Thresholds.defaults()).reply(question);
    }

    private void edit(String file, String from, String to) throws IOException {
        Path p = dir.resolve(file);
        String text = Files.readString(p, StandardCharsets.UTF_8);
        if (!text.contains(from)) {
            throw new IllegalStateException(file + " no longer holds " + from);
        }
        Files.writeString(p, text.replace(from, to), StandardCharsets.UTF_8);
    }

    /** The question is declined today, the edit is made, and on the next load the question reaches the entry. */
    private void assertEditTeaches(String question, String file, String from, String to, String entryId)
            throws Exception {
        assertEquals(Reply.Kind.DECLINE, ask(question).kind());
        edit(file, from, to);
        assertEquals(entryId, ask(question).entryId());
    }

    @Test
    void aNewSynonymTeachesTheBotAWord() throws Exception {
        assertEditTeaches("老房子加个升降机政府给钱吗", "synonyms.txt",
                "加装电梯, 装电梯, 加电梯, 安装电梯", "加装电梯, 装电梯, 加电梯, 安装电梯, 加个升降机",
                "city.elevator-subsidy");
    }

    @Test
    void aNewAlternateQuestionReachesItsEntry() throws Exception {
        assertEditTeaches("省城的快轨修到第几条了", "safety-net.json",
                "\"太原地铁通车了吗\",", "\"太原地铁通车了吗\",\n        \"省城快轨修到第几条线了\",",
                "city.taiyuan-metro");
    }

    @Test
    void aCountyAddedToTheCueWordsIsSaidToHaveNoFigureOfItsOwn() throws Exception {
        String question = "小店区城市低保有多少人";
        assertEquals(null, ask(question).caveat(), "小店区 is no place the engine knows yet");
        edit("cues.txt", "地名: 霍州,", "地名: 小店区, 霍州,");
        Reply r = ask(question);
        assertEquals("place", r.caveat());
        assertTrue(r.text().startsWith("报道只给出山西省全省的数字，没有小店区的数字。"), r.text());
    }
}
