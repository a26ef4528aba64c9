package minsheng.answer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import org.junit.jupiter.api.Test;

/** What a message carries besides its question — markup, a personal number, a name — is not read as the question. */
class AsidesTest {

    /** Each message gets the reply {@code plain} gets, which is not a decline. */
    private static void readAs(String plain, String... carrying) {
        Reply expected = ShippedSnapshot.reply(plain);
        assertNotEquals(Reply.Kind.DECLINE, expected.kind(), expected.text());
        for (String message : carrying) {
            assertEquals(expected, ShippedSnapshot.reply(message), message);
        }
    }

    @Test
    void aQuestionCarryingAnIdNumberGetsTheReplyItGetsWithoutIt() {
        readAs("低保多少人", "我身份证号140102199001011234，低保多少人", "身份证：14010219900101123X 低保多少人");
    }

    @Test
    void aQuestionCarryingAPhoneOrAnEmailAddressGetsTheReplyItGetsWithoutIt() {
        readAs("城市低保多少人", "我的手机是138 1234 5678，城市低保多少人", "城市低保多少人？电话0351-7654321",
                "邮箱 zhang.san@example.com 城市低保多少人");
    }

    @Test
    void aNameTheCitizenGivesIsPassedOver() {
        readAs("低保多少人", "我叫张三，低保多少人");
        readAs("城市低保多少人", "您好，我叫王建国。城市低保多少人");
    }

    @Test
    void markupPastedWithAQuestionIsNotRead() {
        readAs("低保", "<b>低保</b>");
        readAs("心脏支架现在多少钱", "<i>心脏支架</i>现在<a href=\"x\">多少钱</a>");
    }

    @Test
    void onlyPunctuationOrInvisibleCharactersGetsOneLineAskingForTheQuestion() {
        for (String message : new String[] {"？？？", "\u200b\u200b\u200b", "。。。！", "🙂🙂", "<b></b>",
                "140102199001011234"}) {
            Reply r = ShippedSnapshot.reply(message);
            assertEquals("请直接输入您想了解的问题，比如：心脏支架现在多少钱？", r.text(), message);
            assertEquals(Reply.Kind.SMALLTALK, r.kind(), message);
        }
    }

    @Test
    void theJournalIsGivenTheMessageAsWrittenToMaskItself() {
        java.util.List<String> recorded = new java.util.ArrayList<>();
        Conversations c = new Conversations(ShippedSnapshot::get, (chat, message, reply) -> recorded.add(message),
                Conversations.DEFAULT_IDLE, com.github.benmanes.caffeine.cache.Ticker.systemTicker());
        c.reply("chat", "我身份证号140102199001011234，低保多少人");
        assertEquals(java.util.List.of("我身份证号140102199001011234，低保多少人"), recorded);
    }

    @Test
    void aWholeTelegramMessageOfLettersSpacesOrOpenTagsIsReadToTheEnd() {
        // Each pattern starts only where its run starts and repeats a group a bounded number of times: these would
        // take minutes, or overflow the stack, otherwise.
        for (String message : new String[] {"a".repeat(100_000) + "@", " ".repeat(100_000) + "1",
                "<a".repeat(50_000), "身份证".repeat(30_000), "1 ".repeat(50_000), "a@b" + ".c".repeat(50_000)}) {
            assertNotEquals(null, ShippedSnapshot.reply(message).text());
        }
    }
}
