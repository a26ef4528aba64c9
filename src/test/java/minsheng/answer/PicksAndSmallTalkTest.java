package minsheng.answer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;

class PicksAndSmallTalkTest {

    @Test
    void readsPicksInDigitsAndWords() {
        assertEquals(1, Picks.number("1"));
        assertEquals(2, Picks.number("２．"));
        assertEquals(1, Picks.number("第一个"));
        assertEquals(2, Picks.number("第2个"));
        assertEquals(2, Picks.number("要第二条"));
        assertEquals(3, Picks.number("选3"));
        assertEquals(-1, Picks.number("-1"));
        assertEquals(0, Picks.number("0"));
        assertEquals(12, Picks.number("12"));
    }

    @Test
    void leavesQuestionsAndYearsAlone() {
        assertNull(Picks.number("2020"));
        assertNull(Picks.number("二"));
        assertNull(Picks.number("第一个月发多少"));
        assertNull(Picks.number("低保有多少人"));
    }

    @Test
    void knowsGreetingsThanksAndGoodbyes() {
        assertEquals(SmallTalk.Kind.GREETING, SmallTalk.of("你好"));
        assertEquals(SmallTalk.Kind.GREETING, SmallTalk.of("您好！"));
        assertEquals(SmallTalk.Kind.GREETING, SmallTalk.of("在吗？"));
        assertEquals(SmallTalk.Kind.GREETING, SmallTalk.of("早上好啊"));
        assertEquals(SmallTalk.Kind.THANKS, SmallTalk.of("谢谢你"));
        assertEquals(SmallTalk.Kind.THANKS, SmallTalk.of("好的，谢谢"));
        assertEquals(SmallTalk.Kind.GOODBYE, SmallTalk.of("拜拜~"));
        assertEquals(SmallTalk.Kind.GOODBYE, SmallTalk.of("谢谢，再见"));
        assertEquals(SmallTalk.Kind.OK, SmallTalk.of("好的"));
        // Letting a question drop, assent in everyday words, and traditional characters are small talk too.
        assertEquals(SmallTalk.Kind.THANKS, SmallTalk.of("嗯 那就算了，谢谢您"));
        assertEquals(SmallTalk.Kind.THANKS, SmallTalk.of("行，多谢"));
        assertEquals(SmallTalk.Kind.OK, SmallTalk.of("得嘞"));
        assertEquals(SmallTalk.Kind.OK, SmallTalk.of("没事了"));
        assertEquals(SmallTalk.Kind.GOODBYE, SmallTalk.of("多謝，再見"));
        assertEquals(SmallTalk.Kind.GREETING, SmallTalk.of("在没？"));
    }

    @Test
    void doesNotSwallowAQuestion() {
        assertNull(SmallTalk.of("你好，低保多少人"));
        assertNull(SmallTalk.of("早产儿有补贴吗"));
        assertEquals("低保多少人", SmallTalk.strip("你好，低保多少人"));
        assertEquals("低保多少人", SmallTalk.strip("您好低保多少人"));
        assertEquals("婚检率是多少", SmallTalk.strip("婚检率是多少，谢谢"));
        assertEquals("早产儿有补贴吗", SmallTalk.strip("早产儿有补贴吗"));
    }
}
