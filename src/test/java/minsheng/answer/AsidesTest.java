package minsheng.answer;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** What a message carries besides its question — markup, a personal number, a name — is not read as the question. */
class AsidesTest {

    /** Each message gets the reply {@code plain} gets, which is of the given kind. */
    private static void readAs(String plain, Reply.Kind kind, String... carrying) {
        Reply expected = ShippedSnapshot.reply(plain);
        assertEquals(kind, expected.kind(), expected.text());
        for (String message : carrying) {
            assertEquals(expected, ShippedSnapshot.reply(message), message);
        }
    }

    @Test
    void aQuestionCarryingAnIdNumberGetsTheReplyItGetsWithoutIt() {
        readAs("低保多少人", Reply.Kind.SUGGEST, "我身份证号140102199001011234，低保多少人", "身份证：14010219900101123X 低保多少人");
    }

    @Test
    void aQuestionCarryingAPhoneOrAnEmailAddressGetsTheReplyItGetsWithoutIt() {
        readAs("城市低保多少人", Reply.Kind.ANSWER, "我的手机是138 1234 5678，城市低保多少人", "城市低保多少人？电话0351-7654321",
                "邮箱 zhang.san@example.com 城市低保多少人");
    }

    @Test
    void aNameTheCitizenGivesIsPassedOver() {
        readAs("低保多少人", Reply.Kind.SUGGEST, "我叫张三，低保多少人");
        readAs("城市低保多少人", Reply.Kind.ANSWER, "您好，我叫王建国。城市低保多少人");
    }

    @Test
    void markupPastedWithAQuestionIsNotRead() {
        readAs("低保", Reply.Kind.ANSWER, "<b>低保</b>");
        readAs("心脏支架现在多少钱", Reply.Kind.ANSWER, "<i>心脏支架</i>现在<a href=\"x\">多少钱</a>");
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
}
