package minsheng.answer;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import minsheng.knowledge.KnowledgeException;
import minsheng.knowledge.KnowledgeLoader;
import minsheng.match.Thresholds;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** What a message carries besides its question — markup, a personal number, a name — is not read as the question. */
class AsidesTest {

    private static Snapshot snapshot;

    @BeforeAll
    static void load() throws KnowledgeException {
        snapshot = Snapshot.build(KnowledgeLoader.load(Path.of("knowledge")), Thresholds.defaults());
    }

    private static Reply reply(String message) {
        return new Conversations(() -> snapshot).reply("chat", message);
    }

    @Test
    void aQuestionCarryingAnIdNumberGetsTheReplyItGetsWithoutIt() {
        Reply plain = reply("低保多少人");
        assertEquals(Reply.Kind.SUGGEST, plain.kind(), plain.text());
        assertEquals(plain, reply("我身份证号140102199001011234，低保多少人"));
        assertEquals(plain, reply("身份证：14010219900101123X 低保多少人"));
    }

    @Test
    void aQuestionCarryingAPhoneOrAnEmailAddressGetsTheReplyItGetsWithoutIt() {
        Reply plain = reply("城市低保多少人");
        assertEquals(Reply.Kind.ANSWER, plain.kind(), plain.text());
        assertEquals(plain, reply("我的手机是138 1234 5678，城市低保多少人"));
        assertEquals(plain, reply("城市低保多少人？电话0351-7654321"));
        assertEquals(plain, reply("邮箱 zhang.san@example.com 城市低保多少人"));
    }

    @Test
    void aNameTheCitizenGivesIsPassedOver() {
        assertEquals(reply("低保多少人"), reply("我叫张三，低保多少人"));
        assertEquals(reply("城市低保多少人"), reply("您好，我叫王建国。城市低保多少人"));
    }

    @Test
    void markupPastedWithAQuestionIsNotRead() {
        Reply topic = reply("低保");
        assertEquals(Reply.Kind.ANSWER, topic.kind(), topic.text());
        assertEquals(topic, reply("<b>低保</b>"));
        assertEquals(reply("心脏支架现在多少钱"), reply("<i>心脏支架</i>现在<a href=\"x\">多少钱</a>"));
    }

    @Test
    void onlyPunctuationOrInvisibleCharactersGetsOneLineAskingForTheQuestion() {
        for (String message : new String[] {"？？？", "\u200b\u200b\u200b", "。。。！", "🙂🙂", "<b></b>",
                "140102199001011234"}) {
            Reply r = reply(message);
            assertEquals("请直接输入您想了解的问题，比如：心脏支架现在多少钱？", r.text(), message);
            assertEquals(Reply.Kind.SMALLTALK, r.kind(), message);
        }
    }
}
