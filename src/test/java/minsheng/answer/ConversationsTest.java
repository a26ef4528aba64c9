package minsheng.answer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.benmanes.caffeine.cache.Ticker;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import minsheng.knowledge.KnowledgeException;
import minsheng.knowledge.KnowledgeLoader;
import minsheng.match.Thresholds;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** A chat as citizens hold it: follow-ups, several questions at once, topic words, small talk, picks by words. */
class ConversationsTest {

    private static Snapshot snapshot;
    private final AtomicLong nanos = new AtomicLong();
    private Conversations conversations;

    @BeforeAll
    static void load() throws KnowledgeException {
        snapshot = Snapshot.build(KnowledgeLoader.load(Path.of("knowledge")), Thresholds.defaults());
    }

    @BeforeEach
    void newChats() {
        Ticker ticker = nanos::get;
        conversations = new Conversations(() -> snapshot, Conversations.Listener.NONE, Duration.ofMinutes(30), ticker);
    }

    private Reply say(String message) {
        return conversations.reply("chat-1", message);
    }

    @Test
    void aPickFromAChoiceForTaiyuanStillSaysTheReportHasNoTaiyuanFigure() {
        Reply choice = say("太原的低保有多少人");
        assertEquals(Reply.Kind.SUGGEST, choice.kind(), choice.text());
        assertTrue(choice.text().startsWith("报道只给出山西省全省的数字，没有太原的数字"), choice.text());
        Reply picked = say("1");
        assertEquals(List.of("assistance.rural-dibao"), picked.entryIds());
        assertEquals("place", picked.caveat());
        assertTrue(picked.text().startsWith("报道只给出山西省全省的数字，没有太原的数字"), picked.text());
        assertTrue(picked.text().contains("99.2万人"), picked.text());
    }

    @Test
    void aChoiceButtonKeepsTheCaveatAndAFollowUpButtonDoesNot() {
        say("现在低保有多少人");
        Reply button = conversations.answer("chat-1", "assistance.urban-dibao").orElseThrow();
        assertEquals("now", button.caveat());
        assertTrue(button.text().startsWith("报道没有更新的数字"), button.text());
        String related = button.related().get(0).entryId();
        assertEquals(null, conversations.answer("chat-1", related).orElseThrow().caveat());
    }

    @Test
    void answersAFollowUpAboutTheCountryside() {
        assertEquals(List.of("assistance.urban-dibao"), say("城市低保多少人").entryIds());
        Reply r = say("农村的呢");
        assertEquals(List.of("assistance.rural-dibao"), r.entryIds());
        assertTrue(r.text().contains("99.2万人"), r.text());
    }

    @Test
    void readsWhoTheCheckWasForAgainstTheCheckJustAsked() {
        say("两癌检查做了多少例");
        Reply r = say("查的是哪些人");
        assertEquals(List.of("maternal.cancer-screening"), r.entryIds());
        assertTrue(r.text().contains("农村妇女"), r.text());
    }

    @Test
    void declinesACountrysideFollowUpTheReportDoesNotSplit() {
        say("特困供养多少人");
        Reply r = say("农村的呢");
        assertEquals(Reply.Kind.DECLINE, r.kind());
        assertFalse(r.text().contains("13.5万"), r.text());
        assertTrue(r.text().contains("「农村」"), r.text());
    }

    @Test
    void declinesAnotherProvinceAfterALowIncomeCount() {
        say("城市低保多少人");
        Reply r = say("上海的呢");
        assertEquals(Reply.Kind.DECLINE, r.kind());
        assertTrue(r.text().contains("其他省份"), r.text());
    }

    @Test
    void answersTheEarlierPriceAndThenAnotherDrug() {
        say("心脏支架现在多少钱");
        assertTrue(say("以前呢").text().contains("1.3万元"));
        assertEquals(List.of("medical.clopidogrel-price"), say("波立维呢").entryIds());
    }

    @Test
    void answersHowMuchWasSpentOnTheSubsidyJustAsked() {
        say("残疾人两项补贴惠及多少人");
        Reply r = say("花了多少钱");
        assertEquals(List.of("disability.subsidy-funds"), r.entryIds());
        assertTrue(r.text().contains("16596万元"));
    }

    @Test
    void neverBendsASelfContainedQuestionTowardThePreviousOne() {
        say("城市低保多少人");
        assertEquals(List.of("medical.stent-price"), say("心脏支架现在多少钱").entryIds());
        assertEquals(List.of("maternal.premarital-rate"), say("婚检率是多少").entryIds());
    }

    @Test
    void asksForTheSubjectOfAMeasureWithNothingBeforeIt() {
        Reply r = say("花了多少钱");
        assertEquals(Reply.Kind.DECLINE, r.kind());
        assertTrue(r.text().startsWith("您问的是哪一项"), r.text());
    }

    @Test
    void keepsEachChatsFollowUpsToItself() {
        conversations.reply("chat-1", "城市低保多少人");
        conversations.reply("chat-2", "心脏支架现在多少钱");
        assertEquals(List.of("assistance.rural-dibao"), conversations.reply("chat-1", "农村的呢").entryIds());
        assertTrue(conversations.reply("chat-2", "以前呢").text().contains("1.3万元"));
    }

    @Test
    void forgetsTheLastQuestionOnceTheChatHasBeenIdle() {
        say("城市低保多少人");
        nanos.addAndGet(Duration.ofMinutes(29).toNanos());
        assertEquals("城市低保保障了多少人", conversations.context("chat-1").question(), "remembered by its standard question");
        nanos.addAndGet(Duration.ofMinutes(31).toNanos());
        assertEquals(Conversations.Context.EMPTY, conversations.context("chat-1"));
        assertFalse(say("农村的呢").answered(), "nothing left to read 农村的呢 against");
    }

    @Test
    void answersBothCountsOfATotalAskedForEach() {
        Reply r = say("城乡低保一共多少人，分别多少");
        assertEquals(Reply.Kind.ANSWER, r.kind());
        assertEquals(List.of("assistance.urban-dibao", "assistance.rural-dibao"), r.entryIds());
        assertTrue(r.text().contains("26.4万人") && r.text().contains("99.2万人"), r.text());
        assertEquals(2, r.text().split("来源：", -1).length - 1, "one citation per part: " + r.text());
    }

    @Test
    void answersBothEarlierPricesAskedTogether() {
        Reply r = say("波立维和支架以前各多少钱");
        assertEquals(List.of("medical.clopidogrel-price", "medical.stent-price"), r.entryIds());
        assertTrue(r.figures().containsAll(List.of("108元", "1.3万元左右")), r.figures().toString());
    }

    @Test
    void answersOnePartAndSaysTheOtherCannotBeAnswered() {
        Reply r = say("婚检率多少，2021年呢");
        assertEquals(List.of("maternal.premarital-rate"), r.entryIds());
        assertTrue(Conversations.saysAPartIsUnanswered(r), r.text());
        assertTrue(r.text().contains("「2021年呢」这一问：没有答案"), r.text());
    }

    @Test
    void saysAPartTheReportNeverCoversIsUnansweredInsteadOfDroppingIt() {
        Reply r = say("农村低保多少人，房价多少");
        assertEquals(List.of("assistance.rural-dibao"), r.entryIds());
        assertTrue(Conversations.saysAPartIsUnanswered(r), r.text());
        assertTrue(r.text().contains("「房价多少」"), r.text());
    }

    @Test
    void keepsOneThingJoinedByAndAsOneQuestion() {
        Reply r = say("城乡居民养老金");
        assertTrue(r.entryIds().size() <= 1, r.entryIds().toString());
        assertEquals(List.of("maternal.cancer-screening"), say("宫颈癌和乳腺癌筛查做了多少例").entryIds());
    }

    @Test
    void summarisesReliefWithItsHeadlineFiguresEachCited() {
        Reply r = say("救助");
        assertEquals(Reply.Kind.ANSWER, r.kind());
        assertEquals(snapshot.knowledge().topicSummaries().byLabel("社会救助").orElseThrow().headline(), r.entryIds());
        assertTrue(r.text().contains("70.25亿元") && r.text().contains("26.4万人"), r.text());
        assertTrue(r.text().contains("第25段") && r.text().contains("来源：民生资讯网《山西省2020年民生工作报道》"));
        assertFalse(r.related().isEmpty());
        assertTrue(r.figures().contains("70.25亿元"));
    }

    @Test
    void offersABroadTopicAsANumberedListToPickFrom() {
        Reply r = say("教育");
        assertEquals(Reply.Kind.SUGGEST, r.kind());
        assertEquals(4, r.suggestions().size());
        assertEquals(r.suggestions().get(1).entryId(), say("第二个").entryId());
    }

    @Test
    void greetsBackAndSaysWhatTheBotCanDo() {
        Reply r = say("你好");
        assertEquals(Reply.Kind.SMALLTALK, r.kind());
        assertFalse(r.answered());
        assertTrue(r.text().startsWith("您好！我是民生问答助手"), r.text());
        assertFalse(r.text().contains("抱歉"));
        assertEquals("不客气！还有想了解的，随时问我。", say("谢谢").text());
        assertTrue(say("再见").text().startsWith("再见"));
        assertEquals(Reply.Kind.SMALLTALK, say("在吗？").kind());
        assertEquals(Reply.Kind.SMALLTALK, say("早上好").kind());
    }

    @Test
    void answersAQuestionThatStartsWithAGreeting() {
        Reply r = say("你好，心脏支架现在多少钱");
        assertEquals(List.of("medical.stent-price"), r.entryIds());
    }

    @Test
    void smallTalkBetweenTurnsKeepsTheFollowUp() {
        say("城市低保多少人");
        say("谢谢");
        assertEquals(List.of("assistance.rural-dibao"), say("农村的呢").entryIds());
    }

    @Test
    void picksAnOfferedChoiceByWords() {
        Reply offer = say("技能培训多少人次");
        assertEquals(Reply.Kind.SUGGEST, offer.kind(), offer.text());
        assertEquals(offer.suggestions().get(0).entryId(), say("第一个").entryId());
        say("技能培训多少人次");
        assertEquals(offer.suggestions().get(1).entryId(), say("要第二条").entryId());
        say("技能培训多少人次");
        assertEquals(offer.suggestions().get(1).entryId(), say("第2个").entryId());
    }

    @Test
    void answersBothSidesOfAQuestionNamingNeitherAndLetsANumberPickOne() {
        Reply both = say("低保有多少人");
        assertEquals(Reply.Kind.ANSWER, both.kind(), both.text());
        assertEquals(Set.of("assistance.urban-dibao", "assistance.rural-dibao"), Set.copyOf(both.entryIds()));
        assertTrue(both.text().contains("26.4万人") && both.text().contains("99.2万人"), both.text());
        assertTrue(both.text().endsWith("没有两项加起来的数字，我不替报道相加。"), both.text());
        assertFalse(both.text().contains("125.6"), "never adds the figures up");
        Reply second = say("第二个");
        assertEquals(List.of(both.entryIds().get(1)), second.entryIds());
    }

    @Test
    void givesEveryPartOfATotalAndSaysTheReportGivesNoTotal() {
        for (String q : List.of("城乡低保一共多少人", "孤儿和事实无人抚养儿童一共多少")) {
            Reply r = say(q);
            assertEquals(2, r.entryIds().size(), q + " → " + r.text());
            assertTrue(r.text().endsWith("没有把它们加在一起的数字，我不替报道相加。"), r.text());
        }
        assertEquals(List.of("assistance.urban-dibao", "assistance.rural-dibao"),
                say("城乡低保一共多少人").entryIds());
        assertFalse(say("孤儿和事实无人抚养儿童一共多少").text().contains("9943"), "never adds the figures up");
    }

    @Test
    void findsTheQuestionAtTheEndOfAStory() {
        Reply r = say("厂里工友都是外地来的，开春是包车接回来的，想问问省里线上技能培训一共培训了多少人次");
        assertEquals(List.of("employment.online-training"), r.entryIds(), r.text());
        Reply longStory = say("我在太原一个小区当保安，老家是忻州的，去年疫情那阵子好多人都丢了工作，我表弟在一个汽配厂干了三个月"
                + "就被放假了，在家闲了小半年，一分钱收入没有，天天愁得睡不着，媳妇还跟他吵架，后来托人又找到了活儿，现在在物流园"
                + "装卸，一个月四千来块。前两天在抖音上看新闻说山西就业稳住了，我就想问问，2020年全省城镇新增就业到底是多少人，"
                + "完成任务了没有？");
        assertEquals(List.of("employment.urban-new-jobs"), longStory.entryIds(), longStory.text());
        assertEquals(null, longStory.caveat(), "太原 and 一个月 belong to the story, not to the question");
    }

    @Test
    void aStoryThatNamesTheSubjectIsNeverAskedToNameIt() {
        Reply year = say("听说2021年开始心脏支架集采降价，降到多少了");
        assertEquals(Reply.Kind.DECLINE, year.kind(), year.text());
        assertTrue(year.text().startsWith("抱歉，《山西省2020年民生工作报道》讲的是2020年的情况"), year.text());
        assertTrue(year.related().stream().anyMatch(s -> s.entryId().equals("medical.stent-price")),
                "names what the report does say about the stent: " + year.text());
        assertFalse(year.text().contains("请把要问的事说完整"), year.text());
    }

    @Test
    void aStoryTheReportHasNoFigureForNamesWhatItDoesSay() {
        Reply r = say("闺女在郑州上班，俺想坐高铁去看外孙，听说郑太高铁开通了，从太原到郑州坐高铁要多长时间，票多少钱？");
        assertEquals(Reply.Kind.DECLINE, r.kind(), r.text());
        assertEquals(List.of("city.zhengtai-hsr"), r.related().stream().map(Reply.Suggestion::entryId).toList(),
                r.text());
    }

    @Test
    void anotherYearsQuestionIsToldWhatTheReportGivesForItsOwnYear() {
        Reply r = say("2021年城镇新增就业多少人");
        assertEquals(Reply.Kind.DECLINE, r.kind(), r.text());
        assertTrue(r.text().startsWith("抱歉，《山西省2020年民生工作报道》讲的是2020年的情况，没有您问的那一年的数字。"), r.text());
        assertTrue(r.related().stream().anyMatch(s -> s.entryId().equals("employment.urban-new-jobs")), r.text());
        assertFalse(r.text().contains("48.77"), "no figure of another year: " + r.text());
    }

    @Test
    void givesEveryThingOfAListAskedInAllAndNoTotal() {
        Reply r = say("孤儿、事实无人抚养儿童、残疾儿童总共多少");
        assertEquals(List.of("children.orphans", "children.de-facto-orphans", "children.disability-rehab"),
                r.entryIds(), r.text());
        assertTrue(r.text().endsWith("没有把它们加在一起的数字，我不替报道相加。"), r.text());
        Reply four = say("低保、特困、临时救助一共帮了多少人");
        assertEquals(Set.of("assistance.urban-dibao", "assistance.rural-dibao", "assistance.extreme-poverty",
                "assistance.temporary-relief"), Set.copyOf(four.entryIds()), four.text());
    }

    @Test
    void addsUpNothingWhenAskedForTheTotalOfTheLastTwoAnswers() {
        say("城镇新增就业多少人");
        say("农村劳动力转移就业多少人");
        Reply total = say("那两个加起来呢");
        assertEquals(List.of("employment.urban-new-jobs", "employment.rural-labor-transfer"), total.entryIds(),
                total.text());
        assertTrue(total.text().endsWith("没有把它们加在一起的数字，我不替报道相加。"), total.text());
        assertFalse(total.text().contains("86.42"), total.text());
    }

    @Test
    void readsATraditionalPairWordAsItsTwoSides() {
        Reply r = say("線上線下培訓加起來一共多少人次");
        assertEquals(Set.of("employment.online-training", "employment.offline-training"), Set.copyOf(r.entryIds()),
                r.text());
    }

    @Test
    void givesNoFigureToAQuestionThatNamesNothingButWhatItAsks() {
        Reply r = say("一个人一个月能领多少");
        assertEquals(Reply.Kind.DECLINE, r.kind(), r.text());
        say("谁能领补充养老金");
        Reply after = say("一个人一个月能领多少");
        assertFalse(after.entryIds().contains("pension.retiree-raise"), after.text());
    }

    @Test
    void declinesWhatAStoryPointsAtWhenTheReportNeverNamesIt() {
        Reply r = say("我爸吃的波立维集采后降到17块一盒了这个我知道 他还一直吃着阿托伐他汀降血脂 这个集采以后现在多少钱一盒");
        assertEquals(Reply.Kind.DECLINE, r.kind(), r.text());
    }

    @Test
    void neverTakesAnAnswerFromAClauseOfTheStoryAboutSomethingElse() {
        Reply r = say("吕梁山护工去日本一个月能挣多少钱啊 我小姨在临县 四十五了还想报名 要啥条件 年龄有没有限制 日语不会行不行");
        assertFalse(r.entryIds().contains("pension.supplementary-eligibility"), r.text());
    }

    @Test
    void takesTheSubjectOfAQuestionThatNamesNoneFromTheStory() {
        Reply r = say("我看新闻说有个社会救助和保障标准跟物价上涨联动的机制，物价涨了会给困难的人发补贴，到底连续启动了几次");
        assertEquals(List.of("assistance.price-linkage"), r.entryIds(), r.text());
        Reply city = say("城市低保，多少人");
        assertEquals(List.of("assistance.urban-dibao"), city.entryIds(), city.text());
    }

    @Test
    void givesTheSamePromptForNegativeZeroAndOutOfRangePicks() {
        say("低保有多少人");
        String prompt = say("5").text();
        assertEquals("请回复 1 到 2 之间的序号。", prompt);
        assertEquals(prompt, say("-1").text());
        assertEquals(prompt, say("0").text());
        assertEquals(prompt, say("第五个").text());
        assertEquals(Reply.Kind.ANSWER, say("1").kind(), "the choice is still open after a bad pick");
    }

    @Test
    void tellsTheListenerOfEveryReply() {
        List<String> heard = new ArrayList<>();
        Conversations c = new Conversations(() -> snapshot, (chat, message, reply) -> heard.add(message),
                Duration.ofMinutes(30), nanos::get);
        c.reply("x", "你好");
        c.reply("x", "城市低保多少人");
        assertEquals(List.of("你好", "城市低保多少人"), heard);
    }

    @Test
    void declinesWhereTheReportNamesNoPlace() {
        say("婚检免费吗");
        Reply r = say("在哪做");
        assertEquals(Reply.Kind.DECLINE, r.kind());
        say("补充养老金是哪天开始发的");
        assertTrue(say("在哪").text().contains("沁水县"));
    }

    @Test
    void declinesTheNationalFigureOfAProvincialCount() {
        say("婚检率是多少");
        assertEquals(Reply.Kind.DECLINE, say("全国呢").kind());
    }

    @Test
    void readsAMeasureAgainstTheFullSubjectOfTheEntryJustAnswered() {
        say("城里低保户有多少");
        assertEquals(List.of("assistance.rural-dibao"), say("农村的呢").entryIds());
    }

    @Test
    void answersTheYearBeforeAndDeclinesTheYearsTheReportDoesNotReach() {
        say("婚检率是多少");
        assertTrue(say("那一年之前呢").text().contains("5.46%"));
        assertEquals(Reply.Kind.DECLINE, say("2018年呢").kind());
        assertEquals(Reply.Kind.DECLINE, say("明年呢").kind());
    }

    @Test
    void keepsTheLastQuestionAfterAFollowUpThatFoundNothing() {
        say("婚检率是多少");
        say("天气呢");
        assertTrue(say("以前呢").text().contains("5.46%"));
    }
}
